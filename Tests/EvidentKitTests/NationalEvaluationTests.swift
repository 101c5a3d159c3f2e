import EvidentTestSupport
import Foundation
import Testing

@testable import EvidentKit

@Suite struct NationalEvaluationTests {
    static let seal2025: TimeInterval = 1_751_284_800  // 2025-06-30T12:00:00Z
    static let seal2026Later: TimeInterval = 1_785_499_200  // 2026-07-31T12:00:00Z

    @Test func evaluatesTheNewestBundlePerSolutionWithFindingsMissingAndRulesVersions() throws {
        try withTemporaryDirectory { directory in
            let national = try NationalFixture(in: directory)
            let skat = try national.skat.bundle(
                national.path("skat.tar"), asOf: "2026-06-01", sealTime: NationalFixture.seal2026)
            let sik = try national.sikkerhed.bundle(
                national.path("sik.tar"), asOf: "2026-06-01", sealTime: NationalFixture.seal2026)
            // Erhvervsstyrelsen hands in only last year's bundle: late.
            let erst = try national.styrelse.bundle(
                national.path("erst.tar"), asOf: "2025-06-01", sealTime: Self.seal2025)
            #expect(try national.receive([skat, sik, erst]).accepted.count == 3)
            let expected = try ExpectedList.parse(
                "cvr,name,ministry\n13748136,Skattestyrelsen,Skatteministeriet\n25798376,Sikkerhedsstyrelsen,Erhvervsministeriet\n10150817,Erhvervsstyrelsen,Erhvervsministeriet\n43280910,Digitaliseringsstyrelsen,Digitaliseringsministeriet\n",
                path: "expect.csv")
            let evaluation = try national.authority.registry.nationalEvaluation(
                year: 2026, asOf: try Day(parsing: "2026-12-31"), expected: expected, language: .da)
            #expect(evaluation.authorities.map(\.cvr) == ["25798376", "13748136"])
            #expect(evaluation.totals["compliant"] == 1)
            #expect(evaluation.totals["missing-evidence"] == 1)
            #expect(evaluation.rulesVersions == [RulesVersion.current.rawValue])
            let finding = try #require(evaluation.authorities[0].solutions[0].findings.first)
            #expect(finding.outcome == .missingEvidence && finding.rule.hasPrefix("§3.1"))
            #expect(evaluation.missing.map(\.cvr) == ["10150817", "43280910"])
            #expect(evaluation.missing[0].stale?.asOf == (try Day(parsing: "2025-06-01")))
            #expect(evaluation.stale.map(\.cvr) == ["10150817"])
            #expect(evaluation.ministries["Erhvervsministeriet"]?["missing-evidence"] == 1)
            // Last year's bundle makes a previous evaluation: Erhvervsstyrelsen's solution is gone from this one.
            #expect(evaluation.change?.goneSolutions == ["https://erst.dk"])
            let html = evaluation.html()
            #expect(html.contains("<html lang=\"da\">") && html.contains("Regelversioner"))
            #expect(html.contains(finding.reason))
            #expect(!html.contains("http://") && !html.contains("src=") && !html.contains("@import"))
        }
    }

    @Test func reportsConflictsBetweenBundles() throws {
        try withTemporaryDirectory { directory in
            let national = try NationalFixture(in: directory)
            let newer = try national.skat.bundle(
                national.path("newer.tar"), asOf: "2026-06-01", sealTime: NationalFixture.seal2026)
            // An older reference date, sealed after the newer bundle.
            let older = try national.skat.bundle(
                national.path("older.tar"), asOf: "2026-03-01", sealTime: Self.seal2026Later)
            // Another authority hands in a bundle for Skattestyrelsen's URL.
            let other = try AgencyBundle(
                in: directory.appendingPathComponent("other"), authority: "Sikkerhedsstyrelsen", cvr: "25798376",
                url: "https://www.skat.dk/", route: .optOut, proven: false)
            let otherBundle = try other.bundle(
                national.path("other.tar"), asOf: "2026-02-01", sealTime: NationalFixture.seal2026,
                signedBy: national.sikkerhed.key)
            #expect(try national.receive([newer, older, otherBundle]).accepted.count == 3)
            let evaluation = try national.authority.registry.nationalEvaluation(
                year: 2026, asOf: try Day(parsing: "2026-12-31"), language: .en)
            #expect(evaluation.authorities.map(\.cvr) == ["13748136"])
            #expect(evaluation.authorities[0].solutions[0].source.received == RecordID(.receivedBundle, 1))
            #expect(Set(evaluation.conflicts.map(\.kind)) == [.twoAuthorities, .olderAfterNewer])
            #expect(
                evaluation.conflicts.first { $0.kind == .olderAfterNewer }?.bundles == [
                    RecordID(.receivedBundle, 1), RecordID(.receivedBundle, 2),
                ])
        }
    }

    @Test func showsTheChangeSinceThePreviousYear() throws {
        try withTemporaryDirectory { directory in
            let national = try NationalFixture(in: directory)
            // 2025: Sikkerhedsstyrelsen's usage lacks evidence; 2026: it has filed it.
            let before = try national.sikkerhed.bundle(
                national.path("2025.tar"), asOf: "2025-06-01", sealTime: Self.seal2025)
            _ = try national.sikkerhed.fixture.file(["screenshot.png"], kind: .optOutScreenshot)
            let after = try national.sikkerhed.bundle(
                national.path("2026.tar"), asOf: "2026-06-01", sealTime: NationalFixture.seal2026)
            #expect(try national.receive([before, after]).accepted.count == 2)
            let evaluation = try national.authority.registry.nationalEvaluation(
                year: 2026, asOf: try Day(parsing: "2026-12-31"), language: .en)
            let change = try #require(evaluation.change)
            #expect(change.previousYear == 2025)
            #expect(change.improved.map(\.usage) == ["USE-1"])
            #expect(change.improved.first?.from == .missingEvidence && change.improved.first?.to == .compliant)
            #expect(change.worsened.isEmpty)
        }
    }

    @Test func theSealedEvaluationVerifiesLikeAnyBundle() throws {
        try withTemporaryDirectory { directory in
            let national = try NationalFixture(in: directory)
            let skat = try national.skat.bundle(
                national.path("skat.tar"), asOf: "2026-06-01", sealTime: NationalFixture.seal2026)
            _ = try national.receive([skat])
            let evaluation = try national.authority.registry.nationalEvaluation(
                year: 2026, asOf: try Day(parsing: "2026-12-31"))
            let key = SigningKey(comment: "evaluering@digst.dk")
            let path = national.path("evaluation.tar")
            _ = try evaluation.seal(
                to: path, key: key, sealTime: Date(timeIntervalSince1970: 1_798_675_200),
                organization: "Digitaliseringsstyrelsen")
            let trusted = AllowedSigners(text: key.publicKey.allowedSignersLine(identity: "cvr:43280910") + "\n")
            let result = BundleVerifier.verify(path: path, allowedSigners: trusted)
            #expect(result.status == .valid, "\(result.problems)")
        }
    }

    @Test func refusesABadExpectedList() {
        #expect(throws: InputError.self) { try ExpectedList.parse("name\nX\n", path: "e.csv") }
        #expect(throws: InputError.self) { try ExpectedList.parse("cvr\n12345678\n", path: "e.csv") }
    }
}
