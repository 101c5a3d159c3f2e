import EvidentTestSupport
import Foundation
import Testing

@testable import EvidentKit

/// Evidence belongs to its parties (§3.1, rules version 2, point 3), and the migration that gave old evidence parties.
@Suite struct PartiesTests {
    static let day = try! Day(parsing: "2026-06-01")

    func fileDPA(_ fixture: Fixture, covers: [String], parties: [String] = []) throws -> EvidenceInfo {
        try fixture.registry.fileEvidence(
            EvidenceDraft(
                kind: .dataProcessingAgreement, title: "DPA \(covers) \(parties)", covers: covers,
                dates: EvidenceDates(signed: try Day(parsing: "2026-01-01")), parties: parties),
            files: [try Fixtures.copy("agreement.pdf", into: fixture.directory)], fixture.context)
    }

    func addOtherAuthority(_ fixture: Fixture) throws {
        _ = try fixture.registry.addAuthority(
            AuthorityDraft(name: "Rigspolitiet", cvr: "10213231", kind: .state), fixture.context)
    }

    @Test func evidenceForAUsageBindsItsSolutionsOwnersByDefault() throws {
        try withTemporaryDirectory { directory in
            let fixture = try Fixture(in: directory)
            try fixture.populate()
            let filed = try fileDPA(fixture, covers: ["USE-1"])
            #expect(filed.parties == [RecordID(.authority, 1)])
            #expect(!filed.allState)
            #expect(try fixture.registry.evaluate(asOf: Self.day).verdicts[0].outcome == .compliant)
        }
    }

    @Test func anotherAuthoritysEvidenceProvesNothingHereUntilItIsAParty() throws {
        try withTemporaryDirectory { directory in
            let fixture = try Fixture(in: directory)
            try fixture.populate()
            try addOtherAuthority(fixture)
            _ = try fileDPA(fixture, covers: ["VEN-1"], parties: ["Rigspolitiet"])
            let verdict = try fixture.registry.evaluate(asOf: Self.day).verdicts[0]
            #expect(verdict.outcome == .missingEvidence)
            #expect(
                verdict.explanation
                    == .evidenceFails([.init(evidence: RecordID(.evidence, 1), kind: .notAParty, day: nil)]))
            var edit = EvidenceEdit()
            edit.parties = ["Rigspolitiet", "Skattestyrelsen"]
            let edited = try fixture.registry.editEvidence("EVD-1", edit, fixture.context)
            #expect(edited.parties == [RecordID(.authority, 1), RecordID(.authority, 2)])
            #expect(try fixture.registry.evaluate(asOf: Self.day).verdicts[0].outcome == .compliant)
        }
    }

    @Test func aFrameworkAgreementBindsEveryStateAuthority() throws {
        try withTemporaryDirectory { directory in
            let fixture = try Fixture(in: directory)
            try fixture.populate()
            let filed = try fileDPA(fixture, covers: ["VEN-1"], parties: ["all-state"])
            #expect(filed.allState)
            #expect(filed.parties == [])
            #expect(try fixture.registry.evaluate(asOf: Self.day).verdicts[0].outcome == .compliant)
            // Only a municipality left as owner: no state authority is bound.
            _ = try fixture.registry.addAuthority(
                AuthorityDraft(name: "Københavns Kommune", cvr: "64942212", kind: .municipality), fixture.context)
            var edit = EvidenceEdit()
            edit.parties = ["Københavns Kommune"]
            #expect(try fixture.registry.editEvidence("EVD-1", edit, fixture.context).allState == false)
        }
    }

    @Test func vendorOrServiceEvidenceMustNameItsParties() throws {
        try withTemporaryDirectory { directory in
            let fixture = try Fixture(in: directory)
            try fixture.populate()
            for covers in [["VEN-1"], ["SVC-1"], ["USE-1", "SVC-2"]] {
                #expect(throws: InputError.self) { try fileDPA(fixture, covers: covers) }
            }
            #expect(try fixture.registry.evidenceList().isEmpty)
        }
    }

    /// The samples as the first evident recorded them, opened by this one: the migration's parties keep their verdicts.
    @Test func theMigrationGivesOldEvidenceThePartiesThatKeepItsVerdicts() throws {
        try withTemporaryDirectory { directory in
            let home = URL(fileURLWithPath: try Fixtures.copy("homes/samples-v1", into: directory, as: "home"))
            let registry = try Registry.open(at: Home(path: home.path))
            let evidence = try registry.evidenceList()
            // The Siteimprove DPAs cover the vendor; Skattestyrelsen's solutions use it, one operated by Netcompany.
            #expect(evidence[0].parties == [RecordID(.authority, 1), RecordID(.authority, 8)])
            #expect(evidence.allSatisfy { !$0.parties.isEmpty })
            #expect(evidence.filter(\.kind.isOptOut).allSatisfy { $0.dates.signed == nil && $0.dates.captured != nil })
            let migration = try #require(try registry.log().last)
            #expect(migration.command.hasPrefix("migration v2"))
            #expect(Set(migration.records.map(\.id)) == Set(evidence.map { AuditSubject.record($0.id) }))
            #expect(try registry.check(deep: true).problems == [])
            // No verdict on any day fails for want of a party.
            var day = Rules.guidanceDate
            while day <= (try Day(parsing: "2027-12-31")) {
                for verdict in try registry.evaluate(asOf: day).verdicts {
                    if case .evidenceFails(let problems) = verdict.explanation {
                        #expect(!problems.contains { $0.kind == .notAParty }, "\(verdict.usage) on \(day)")
                    }
                }
                day = day.adding(days: 30)
            }
            // Opening again records nothing more.
            let events = try registry.log().count
            _ = try Registry.open(at: Home(path: home.path))
            #expect(try registry.log().count == events)
        }
    }
}
