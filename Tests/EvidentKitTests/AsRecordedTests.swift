import EvidentTestSupport
import Foundation
import GRDB
import Testing

@testable import EvidentKit

/// The registry of a recorded moment is rebuilt from the content the audit trail stores with its events.
@Suite struct AsRecordedTests {
    /// Every record, and the settings, in canonical form, by subject.
    static func forms(of registry: Registry) throws -> [AuditSubject: [UInt8]] {
        try registry.read { db in
            var forms: [AuditSubject: [UInt8]] = [
                .settings: try AuditTrail.storedForm(of: .settings, version: AuditTrail.formVersion, db)!.bytes
            ]
            for kind in RecordKind.allCases {
                for number in try Int64.fetchAll(db, sql: "SELECT id FROM \(kind.table)") {
                    let subject = AuditSubject.record(RecordID(kind, number))
                    forms[subject] = try AuditTrail.storedForm(of: subject, version: AuditTrail.formVersion, db)!.bytes
                }
            }
            return forms
        }
    }

    @Test func aRebuiltRegistryHoldsEveryRecordAsTheTrailRecordedIt() throws {
        try withTemporaryDirectory { directory in
            let fixture = try Fixture(in: directory)
            try fixture.populate()
            _ = try fixture.file(["agreement.pdf", "notes.txt"], kind: .agreement, covers: ["USE-1", "VEN-1"])
            try fixture.registry.set(.warningDays, to: 30, fixture.context)
            let registry = fixture.registry
            let before = try Self.forms(of: registry)
            let moment = try #require(try registry.recordedMoment())
            #expect(moment == RecordedMoment(at: "2026-06-15T10:00:00Z", event: 8))

            // Owners, a route, evidence and a setting change; a service goes.
            _ = try registry.addAuthority(
                AuthorityDraft(name: "Rigspolitiet", cvr: "10213231", kind: .state), fixture.context)
            var owners = SolutionEdit()
            owners.owners = [.init(authority: "AUT-2", role: .responsible)]
            _ = try registry.editSolution("SOL-1", owners, fixture.context)
            var route = UsageEdit()
            route.route = .technicallyNecessary
            _ = try registry.editUsage("USE-1", route, fixture.context)
            _ = try registry.withdrawEvidence("EVD-1", reason: "replaced", fixture.context)
            _ = try registry.removeService("SVC-2", fixture.context)
            try registry.set(.warningDays, to: 10, fixture.context)

            let then = try registry.asRecorded(moment)
            #expect(try Self.forms(of: then) == before)
            #expect(try then.recordedMoment() == moment)
            #expect(try then.settings()[.warningDays] == 30)
            #expect(then.today == registry.today)
            #expect(try then.evidence("EVD-1").files.count == 2)
            // A moment without the event means every event recorded by then: here, all of them.
            #expect(
                try Self.forms(of: registry.asRecorded(RecordedMoment(parsing: "2026-06-15T10:00:00Z")))
                    == Self.forms(of: registry))
            // Rebuilt to be read only.
            #expect(throws: RegistryError.readOnlyView) { try then.set(.warningDays, to: 5, fixture.context) }
        }
    }

    @Test func aMomentBeforeTheFirstEventIsTheEmptyRegistry() throws {
        try withTemporaryDirectory { directory in
            let fixture = try Fixture(in: directory)
            try fixture.populate()
            let empty = try fixture.registry.asRecorded(RecordedMoment(parsing: "2026-06-15T09:59:59Z"))
            #expect(try Self.forms(of: empty) == [.settings: Array(#"{"settings":[]}"#.utf8)])
            #expect(try empty.recordedMoment() == nil)
        }
    }

    @Test func refusesTheFutureAndEventsThatAreNotThere() throws {
        try withTemporaryDirectory { directory in
            let fixture = try Fixture(in: directory)
            try fixture.populate()
            let registry = fixture.registry
            for (text, reason) in [
                ("2026-06-15T10:00:01Z", "is in the future"),
                ("2026-06-15T10:00:00Z@99", "the audit trail has no event 99"),
                ("2026-06-15T09:00:00Z@1", "audit event 1 was recorded at 2026-06-15T10:00:00Z"),
            ] {
                #expect(throws: InputError(field: .asRecorded, value: text, reason: "\(reason)")) {
                    try registry.asRecorded(RecordedMoment(parsing: text))
                }
            }
        }
    }

    @Test func aChangedStoredFormIsNotRebuiltFrom() throws {
        try withTemporaryDirectory { directory in
            let fixture = try Fixture(in: directory)
            try fixture.populate()
            try IntegrityTests.sql(
                fixture,
                """
                DROP TRIGGER auditRecordForm_append_only_update;
                UPDATE auditRecordForm SET form = replace(form, 'opt-out', 'agreement') WHERE eventId = 6;
                """)
            #expect(throws: RegistryError.auditTrailModified(event: 6, subject: .record(RecordID(.usage, 1)))) {
                try fixture.registry.asRecorded(RecordedMoment(parsing: "2026-06-15T10:00:00Z"))
            }
        }
    }

    @Test(
        arguments: [
            ("2026-11-30T12:00:05Z", "2026-11-30T12:00:05Z", nil),
            ("2026-11-30T13:00:05+01:00", "2026-11-30T12:00:05Z", nil),
            ("2026-11-30T12:00:05Z@57", "2026-11-30T12:00:05Z", 57),
        ] as [(String, String, Int64?)])
    func parsesAMoment(_ text: String, _ at: String, _ event: Int64?) throws {
        #expect(try RecordedMoment(parsing: text) == RecordedMoment(at: at, event: event))
    }

    @Test(arguments: [
        "2026-11-30", "2026-11-30T12:00:05", "2026-11-30T12:00:05Z@0", "2026-11-30T12:00:05Z@", "@5", "x",
    ])
    func refusesWhatIsNotAMoment(_ text: String) {
        #expect(throws: InputError.self) { try RecordedMoment(parsing: text) }
    }
}
