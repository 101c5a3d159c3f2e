import EvidentTestSupport
import Foundation
import Testing

@testable import EvidentKit

/// The verdicts computed from a real registry: coverage at each level, superseded and withdrawn evidence.
@Suite struct EvaluationTests {
    static let day = try! Day(parsing: "2026-06-01")

    /// A fixture whose only usage (USE-1, GA on TastSelv) claims `route`, with an agreement filed at `level`.
    func registry(in directory: URL, route: Route = .agreement) throws -> Fixture {
        let fixture = try Fixture(in: directory)
        try fixture.populate()
        _ = try fixture.registry.editUsage(
            "USE-1",
            {
                var edit = UsageEdit(); edit.route = route; return edit
            }(), fixture.context)
        return fixture
    }

    func agreement(
        _ fixture: Fixture, covers: [String], clause: String? = "5.2", supersedes: String? = nil,
        fixtureName: String = "agreement.pdf"
    ) throws -> EvidenceInfo {
        try fixture.registry.fileEvidence(
            EvidenceDraft(
                kind: .dataProcessingAgreement, title: "DPA \(covers) \(supersedes ?? "")", covers: covers,
                dates: EvidenceDates(signed: try Day(parsing: "2026-01-01")), clause: clause, supersedes: supersedes,
                parties: ["AUT-1"]),
            files: [try Fixtures.copy(fixtureName, into: fixture.directory)], fixture.context)
    }

    func verdict(_ fixture: Fixture) throws -> Verdict {
        try #require(try fixture.registry.evaluate(asOf: Self.day).verdicts.first { $0.usage == RecordID(.usage, 1) })
    }

    @Test(arguments: ["USE-1", "SVC-1", "VEN-1"])
    func evidenceCoversAtEveryLevel(_ level: String) throws {
        try withTemporaryDirectory { directory in
            let fixture = try registry(in: directory)
            #expect(try verdict(fixture).outcome == .missingEvidence)
            _ = try agreement(fixture, covers: [level])
            let verdict = try verdict(fixture)
            #expect(verdict.outcome == .compliant)
            #expect(verdict.rule == "§3.1 R2")
            #expect(verdict.evidence == [RecordID(.evidence, 1)])
        }
    }

    @Test func evidenceForAnotherServiceDoesNotCount() throws {
        try withTemporaryDirectory { directory in
            let fixture = try registry(in: directory)
            _ = try agreement(fixture, covers: ["SVC-2"])
            #expect(try verdict(fixture).outcome == .missingEvidence)
        }
    }

    @Test func supersededEvidenceStopsCountingWhenItsSuccessorStarts() throws {
        try withTemporaryDirectory { directory in
            let fixture = try registry(in: directory)
            _ = try agreement(fixture, covers: ["USE-1"])
            // The successor starts on the same day and proves nothing: an ordinary agreement without a clause.
            _ = try fixture.registry.fileEvidence(
                EvidenceDraft(
                    kind: .agreement, title: "Renewal", covers: ["USE-1"],
                    dates: EvidenceDates(signed: try Day(parsing: "2026-01-01")), supersedes: "EVD-1"),
                files: [try Fixtures.copy("contract.docx", into: fixture.directory)], fixture.context)
            let verdict = try verdict(fixture)
            #expect(verdict.outcome == .missingEvidence)
            #expect(verdict.evidence == [RecordID(.evidence, 1), RecordID(.evidence, 2)])
            #expect(
                verdict.explanation
                    == .evidenceFails([
                        .init(evidence: RecordID(.evidence, 1), kind: .superseded, day: try Day(parsing: "2025-12-31")),
                        .init(evidence: RecordID(.evidence, 2), kind: .noClause, day: nil),
                    ]))
        }
    }

    @Test func withdrawnEvidenceNeverCounts() throws {
        try withTemporaryDirectory { directory in
            let fixture = try registry(in: directory)
            _ = try agreement(fixture, covers: ["USE-1"])
            _ = try fixture.registry.withdrawEvidence("EVD-1", reason: nil, fixture.context)
            #expect(try verdict(fixture).outcome == .missingEvidence)
        }
    }

    @Test func onlyUsagesActiveOnTheDayAreJudged() throws {
        try withTemporaryDirectory { directory in
            let fixture = try registry(in: directory)
            #expect(try fixture.registry.evaluate(asOf: Day(parsing: "2023-12-31")).verdicts.isEmpty)
            var edit = UsageEdit()
            edit.until = try Day(parsing: "2026-05-31")
            _ = try fixture.registry.editUsage("USE-1", edit, fixture.context)
            #expect(try fixture.registry.evaluate(asOf: Self.day).verdicts.isEmpty)
            #expect(try fixture.registry.evaluate(asOf: Day(parsing: "2026-05-31")).verdicts.count == 1)
        }
    }

    @Test func outOfScopeSolutionsSayWhichConditionFails() throws {
        try withTemporaryDirectory { directory in
            let fixture = try registry(in: directory)
            var edit = SolutionEdit()
            edit.audience = .businesses
            _ = try fixture.registry.editSolution("SOL-1", edit, fixture.context)
            let verdict = try verdict(fixture)
            #expect(verdict.outcome == .outOfScope)
            #expect(verdict.rule == "§2 S3")
            #expect(verdict.reason.contains("businesses"))
            let scope = try #require(try fixture.registry.evaluate(asOf: Self.day).solutions.first)
            #expect(!scope.covered)
        }
    }

    @Test func filtersBySolutionAndAuthority() throws {
        try withTemporaryDirectory { directory in
            let fixture = try registry(in: directory)
            _ = try fixture.registry.addAuthority(
                AuthorityDraft(name: "Rigspolitiet", cvr: "10213231", kind: .state), fixture.context)
            #expect(try fixture.registry.evaluate(asOf: Self.day, filter: .authority("AUT-1")).verdicts.count == 1)
            #expect(try fixture.registry.evaluate(asOf: Self.day, filter: .authority("Rigspolitiet")).verdicts.isEmpty)
            #expect(try fixture.registry.evaluate(asOf: Self.day, filter: .solution("TastSelv")).verdicts.count == 1)
        }
    }

    @Test func theReviewPeriodComesFromTheHomesSettings() throws {
        try withTemporaryDirectory { directory in
            let fixture = try registry(in: directory, route: .optOut)
            _ = try fixture.file(["screenshot.png"], kind: .optOutScreenshot)  // captured 2026-01-05
            let day = try Day(parsing: "2026-11-15")
            #expect(try fixture.registry.evaluate(asOf: day).verdicts[0].outcome == .expiring)
            try fixture.registry.set(.optOutReviewMonths, to: 6, fixture.context)
            #expect(try fixture.registry.evaluate(asOf: day).verdicts[0].outcome == .missingEvidence)
        }
    }

    @Test func theFastJSONIsWhatJSONEncoderWouldWrite() throws {
        try withTemporaryDirectory { directory in
            let fixture = try registry(in: directory)
            _ = try agreement(fixture, covers: ["VEN-1"])
            var edit = SolutionEdit()
            edit.name = "Tast\"Selv\" æøå \\ /\n\t"
            _ = try fixture.registry.editSolution("SOL-1", edit, fixture.context)
            let report = StatusReport(try fixture.registry.evaluate(asOf: Self.day))
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let encoded = try encoder.encode(report) + Data([0x0A])
            #expect(String(decoding: report.json(), as: UTF8.self) == String(decoding: encoded, as: UTF8.self))
        }
    }

    /// The evaluation loaded on two connections at once, in the home's pool and in a view frozen from it, is the
    /// one loaded on one connection.
    @Test func twoConnectionsLoadWhatOneLoads() throws {
        try withTemporaryDirectory { directory in
            let fixture = try registry(in: directory)
            _ = try agreement(fixture, covers: ["VEN-1"])
            _ = try agreement(fixture, covers: ["SVC-1"], supersedes: "EVD-1", fixtureName: "contract.docx")
            _ = try agreement(fixture, covers: ["USE-1", "SVC-2"], fixtureName: "contract.odt")
            _ = try fixture.registry.withdrawEvidence("EVD-3", reason: nil, fixture.context)
            let policy = try fixture.registry.policy()
            let single = try fixture.registry.read { db in
                try EvaluationLoader.evaluate(db, asOf: Self.day, solutions: nil, policy: policy, rules: .current)
            }
            #expect(single.verdicts.first?.outcome == .compliant)
            #expect(single.verdicts.first?.evidence == [RecordID(.evidence, 2)])
            #expect(try fixture.registry.evaluate(asOf: Self.day) == single)
            #expect(try fixture.registry.frozen().evaluate(asOf: Self.day) == single)
        }
    }

    /// A write between the two connections' snapshots (withdrawing the evidence that proves the usage: its row is
    /// loaded on one, its coverage on the other) makes them disagree, and the evidence is loaded again on the
    /// first: the verdicts are those of the registry at the first snapshot, in the home's pool and in a frozen
    /// view (status reads one), not a mix.
    @Test(arguments: [false, true])
    func aWriteBetweenTheTwoSnapshotsIsNotMixedIn(frozen: Bool) throws {
        try withTemporaryDirectory { directory in
            let fixture = try registry(in: directory)
            _ = try agreement(fixture, covers: ["USE-1"])
            let registry = frozen ? try fixture.registry.frozen() : fixture.registry
            let before = try fixture.registry.evaluate(asOf: Self.day)
            #expect(before.verdicts.first?.outcome == .compliant)
            // Another process's registry, on the same home.
            let other = try Registry.open(at: fixture.registry.home, clock: { Fixture.now })
            var writes = 0
            let evaluation = try registry.evaluate(
                asOf: Self.day, filter: .all, policy: nil, rules: .current,
                betweenSnapshots: {
                    writes += 1
                    _ = try other.withdrawEvidence("EVD-1", reason: nil, fixture.context)
                })
            #expect(writes == 1)
            #expect(evaluation == before)
            #expect(try fixture.registry.evaluate(asOf: Self.day).verdicts.first?.outcome == .missingEvidence)
        }
    }

    /// Thousands of usages judged at once (grouped by vendor, in slices on every core) get, in solution and usage
    /// order, the verdicts each gets judged alone; usages of solutions not loaded get none.
    @Test func judgingManyAtOnceIsJudgingEachAlone() throws {
        var facts = EvaluationFacts()
        let kinds: [SolutionKind] = [.selfService, .nationalPortal, .information]
        for solution in 1...40 where solution != 7 {
            facts.addSolution(
                id: Int64(solution), name: "Solution \(solution)", kind: kinds[solution % 3], mandatory: true,
                audience: .citizens, owners: [(Int64(solution % 5 + 1), solution % 2 == 0 ? .state : .municipality)])
        }
        for vendor in 1...12 { facts.vendorNames[Int64(vendor)] = "Vendor \(vendor)" }
        for service in 1...60 { facts.services[Int64(service)] = ("Service \(service)", Int64(service % 12 + 1)) }
        let evidenceKinds = EvidenceKind.allCases
        for id in 1...900 {
            facts.addEvidence(
                Rules.EvidenceFacts(
                    id: RecordID(.evidence, Int64(id)), kind: evidenceKinds[id % evidenceKinds.count],
                    signed: Self.day.adding(days: id % 400 - 300), validUntil: Self.day.adding(days: id % 90 - 10),
                    hasClause: id % 4 != 0, filed: Self.day.adding(days: -id % 500), allState: id % 17 == 0))
            facts.addParty(evidence: Int64(id), authority: Int64(id % 5 + 1))
            facts.addParty(evidence: Int64(id), authority: Int64(id % 3 + 1))
            if id % 11 == 0 { facts.addSupersession(successor: Int64(id), predecessor: Int64(id - 5)) }
            let target: RecordID =
                switch id % 3 {
                case 0: RecordID(.usage, Int64(id * 7 % 3000 + 1))
                case 1: RecordID(.service, Int64(id % 60 + 1))
                default: RecordID(.vendor, Int64(id % 12 + 1))
                }
            facts.addCoverage(evidence: Int64(id), target: target)
        }
        // Given out of order, as no loader gives them, so that putting them in order is tested too.
        let usages = (1...3000).reversed().map { id in
            (
                usage: EvaluationFacts.UsageFacts(
                    solution: Int64(id % 40 + 1), id: Int64(id), service: Int64(id * 13 % 60 + 1),
                    route: Route.allCases[id % 4], ownPurposes: OwnPurposes.allCases[id / 4 % 3]),
                day: Self.day.adding(days: id % 30)
            )
        }
        let alone = usages.sorted { ($0.usage.solution, $0.usage.id) < ($1.usage.solution, $1.usage.id) }
            .flatMap { facts.judge([$0], policy: .standard, rules: .current) }
        let together = facts.judge(usages, policy: .standard, rules: .current)
        #expect(together.count == 3000 - 75)
        #expect(together.map(\.usage) == alone.map(\.usage))
        #expect(together.indices.first { together[$0] != alone[$0] } == nil)
        #expect(Set(together.map(\.outcome)).count >= 4)
    }

    /// Each piece of evidence keeps its own parties in the one list, even when another's come in between.
    @Test func partiesAddedInAnyOrderStayWithTheirEvidence() {
        var facts = EvaluationFacts()
        for (evidence, authority) in [(1, 10), (2, 20), (1, 11), (3, 30), (2, 21), (1, 12)] as [(Int64, Int64)] {
            facts.addParty(evidence: evidence, authority: authority)
        }
        #expect(Array(facts.parties(of: 1)) == [10, 11, 12])
        #expect(Array(facts.parties(of: 2)) == [20, 21])
        #expect(Array(facts.parties(of: 3)) == [30])
        #expect(facts.parties(of: 4).isEmpty)
    }

    /// Evidence covering a usage at several levels counts once, and the evidence a verdict rests on is in id order
    /// whatever order its coverage was recorded in; usages of one service, judged in a row, each get their own
    /// evidence among the service's and vendor's.
    @Test func evidenceAtSeveralLevelsCountsOnceInIdOrder() {
        var facts = EvaluationFacts()
        facts.addSolution(
            id: 1, name: "TastSelv", kind: .selfService, mandatory: true, audience: .citizens, owners: [(1, .state)])
        facts.vendorNames[1] = "Google"
        facts.services[1] = ("Analytics", 1)
        // 11 and 12 cannot count (withdrawn: never added).
        for id in [4, 2, 3, 1, 10, 6, 5, 8, 7, 9] as [Int64] {
            facts.addEvidence(
                Rules.EvidenceFacts(
                    id: RecordID(.evidence, id), kind: .dataProcessingAgreement, signed: Self.day.adding(days: -30),
                    filed: Self.day))
            facts.addParty(evidence: id, authority: 1)
        }
        // The service and its vendor: 5, 6, 7 and 9, with 7 at both levels.
        let coverage: [(Int64, RecordID)] = [
            (9, RecordID(.vendor, 1)), (7, RecordID(.service, 1)), (12, RecordID(.service, 1)),
            (6, RecordID(.vendor, 1)),
            (5, RecordID(.service, 1)), (7, RecordID(.vendor, 1)),
            (3, RecordID(.usage, 2)), (1, RecordID(.usage, 2)), (2, RecordID(.usage, 2)),
            (8, RecordID(.usage, 3)), (6, RecordID(.usage, 3)), (10, RecordID(.usage, 3)), (11, RecordID(.usage, 3)),
            (8, RecordID(.usage, 3)),
            (9, RecordID(.usage, 4)), (4, RecordID(.usage, 4)),
        ]
        for (evidence, target) in coverage { facts.addCoverage(evidence: evidence, target: target) }
        let expected: [(usage: Int64, evidence: [Int64])] = [
            (1, [5, 6, 7, 9]),
            (2, [1, 2, 3, 5, 6, 7, 9]),
            (3, [5, 6, 7, 8, 9, 10]),
            (4, [4, 5, 6, 7, 9]),
        ]
        let verdicts = facts.judge(
            expected.map {
                (
                    EvaluationFacts.UsageFacts(
                        solution: 1, id: $0.usage, service: 1, route: .agreement, ownPurposes: .no),
                    Self.day
                )
            }, policy: .standard, rules: .current)
        #expect(verdicts.map(\.outcome) == Array(repeating: .compliant, count: expected.count))
        for (verdict, (usage, evidence)) in zip(verdicts, expected) {
            #expect(verdict.usage == RecordID(.usage, usage))
            #expect(verdict.evidence == evidence.map { RecordID(.evidence, $0) }, "USE-\(usage)")
        }
    }
}
