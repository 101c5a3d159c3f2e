import EvidentTestSupport
import Foundation
import GRDB
import Testing

@testable import EvidentKit

/// `check` finds every change made around evident, and recovery undoes what a killed filing left.
@Suite struct IntegrityTests {
    /// A change made behind evident's back and the problem `check` must report for it.
    struct Tampering: Sendable, CustomTestStringConvertible {
        let name: String
        let code: IntegrityProblem.Code
        let subject: String
        let deep: Bool
        let change: @Sendable (Fixture) throws -> Void
        var testDescription: String { name }
    }

    /// Runs SQL on the registry the way someone with the sqlite3 shell would.
    static func sql(_ fixture: Fixture, _ statements: String) throws {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        let queue = try DatabaseQueue(path: fixture.registry.home.databasePath, configuration: configuration)
        try queue.writeWithoutTransaction { try $0.execute(sql: statements) }
    }

    static func objectPath(_ fixture: Fixture) throws -> String {
        fixture.registry.store.objectPath(sha256: try fixture.registry.evidence("EVD-1").files[0].sha256)
    }

    static let tamperings: [Tampering] = [
        Tampering(name: "an agreement's valid-until moved", code: .recordModified, subject: "EVD-1", deep: false) {
            try sql($0, "UPDATE evidence SET validUntil = '2031-12-31' WHERE id = 1")
        },
        Tampering(name: "a usage's route changed", code: .recordModified, subject: "USE-1", deep: false) {
            try sql($0, "UPDATE usage SET route = 'technically-necessary' WHERE id = 1")
        },
        Tampering(name: "an owner added", code: .recordModified, subject: "SOL-1", deep: false) {
            try sql($0, "INSERT INTO authority (name, cvr, kind) VALUES ('X', '10213231', 'state');")
            try sql($0, "INSERT INTO solutionOwner VALUES (1, 2, 'co-owner')")
        },
        Tampering(name: "a record inserted", code: .recordUnaudited, subject: "VEN-2", deep: false) {
            try sql($0, "INSERT INTO vendor (name, country) VALUES ('Shadow', 'US')")
        },
        Tampering(name: "a record deleted", code: .recordVanished, subject: "SVC-2", deep: false) {
            try sql($0, "DELETE FROM service WHERE id = 2")
        },
        Tampering(name: "an audit event deleted", code: .auditChainBroken, subject: "event 3", deep: false) {
            try sql($0, "DROP TRIGGER auditEvent_append_only_delete; DELETE FROM auditEvent WHERE id = 2")
        },
        Tampering(name: "an audit event rewritten", code: .auditChainBroken, subject: "event 2", deep: false) {
            try sql(
                $0, "DROP TRIGGER auditEvent_append_only_update; UPDATE auditEvent SET actor = 'someone' WHERE id = 2")
        },
        Tampering(name: "a stored form rewritten", code: .auditFormModified, subject: "event 2", deep: false) {
            try sql(
                $0,
                """
                DROP TRIGGER auditRecordForm_append_only_update;
                UPDATE auditRecordForm SET form = replace(form, 'TastSelv', 'Other') WHERE eventId = 2
                """)
        },
        Tampering(name: "a stored form deleted", code: .auditFormMissing, subject: "event 6", deep: false) {
            try sql(
                $0, "DROP TRIGGER auditRecordForm_append_only_delete; DELETE FROM auditRecordForm WHERE eventId = 6")
        },
        Tampering(name: "a setting changed", code: .recordModified, subject: "settings", deep: false) { fixture in
            try fixture.registry.set(.warningDays, to: 30, fixture.context)
            try sql(fixture, "UPDATE setting SET value = '365' WHERE key = 'warning-days'")
        },
        Tampering(name: "a setting inserted", code: .recordUnaudited, subject: "settings", deep: false) {
            try sql($0, "INSERT INTO setting VALUES ('warning-days', '0')")
        },
        Tampering(name: "a foreign key broken", code: .foreignKey, subject: "usage row 1", deep: false) {
            try sql($0, "UPDATE usage SET serviceId = 99 WHERE id = 1")
        },
        Tampering(name: "an object deleted", code: .objectMissing, subject: "", deep: false) { fixture in
            let path = try objectPath(fixture)
            chmod(path, 0o600)
            unlink(path)
        },
        Tampering(name: "a stray object", code: .objectOrphan, subject: String(repeating: "ab", count: 32), deep: false)
        {
            fixture in
            let directory = fixture.registry.store.root + "/sha256/ab"
            mkdir(directory, 0o700)
            try Data("stray".utf8).write(to: URL(fileURLWithPath: directory + "/" + String(repeating: "ab", count: 31)))
        },
        Tampering(name: "a document's size edited", code: .recordModified, subject: "EVD-1", deep: false) {
            try sql($0, "UPDATE document SET size = size + 1")
        },
        Tampering(name: "a document's media type edited", code: .recordModified, subject: "EVD-1", deep: false) {
            try sql($0, "UPDATE document SET mediaType = 'text/plain'")
        },
        Tampering(name: "a document's size no longer its object's", code: .objectSizeMismatch, subject: "", deep: false)
        { fixture in
            try sql(fixture, "UPDATE document SET size = size + 1")
        },
        Tampering(name: "an object grown", code: .objectSizeMismatch, subject: "", deep: false) { fixture in
            let path = try objectPath(fixture)
            chmod(path, 0o600)
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data("more".utf8))
            try handle.close()
        },
        Tampering(name: "a stray file beside the store", code: .storeStray, subject: "objects/notes.txt", deep: false) {
            try Data("stray".utf8).write(to: URL(fileURLWithPath: $0.registry.store.root + "/notes.txt"))
        },
        Tampering(name: "a stray file among the prefixes", code: .storeStray, subject: "objects/sha256/x", deep: false)
        {
            try Data("stray".utf8).write(to: URL(fileURLWithPath: $0.registry.store.root + "/sha256/x"))
        },
        Tampering(name: "an object's bytes changed", code: .objectCorrupt, subject: "", deep: true) { fixture in
            let path = try objectPath(fixture)
            chmod(path, 0o600)
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            try handle.write(contentsOf: Data("Y".utf8))
            try handle.close()
        },
    ]

    @Test(arguments: tamperings)
    func checkReports(_ tampering: Tampering) throws {
        try withTemporaryDirectory { directory in
            let fixture = try Fixture(in: directory)
            try fixture.populate()
            _ = try fixture.file(["agreement.pdf"], kind: .agreement)
            #expect(try fixture.registry.check(deep: true).problems.isEmpty)
            try tampering.change(fixture)
            let report = try fixture.registry.check(deep: tampering.deep)
            let found = report.problems.filter { $0.code == tampering.code }
            #expect(!found.isEmpty, "\(report.problems)")
            if !tampering.subject.isEmpty {
                #expect(found.contains { $0.subject == tampering.subject }, "\(found)")
            }
            if tampering.code == .objectCorrupt {
                #expect(try fixture.registry.check(deep: false).problems.isEmpty)
            }
            // A problem with an object names the evidence that files it.
            for problem in found
            where [IntegrityProblem.Code.objectMissing, .objectCorrupt, .objectSizeMismatch].contains(problem.code) {
                #expect(problem.detail.contains("EVD-1"), "\(problem)")
            }
        }
    }

    /// A settings change made by an evident from before the trail recorded settings appended an event that
    /// touched nothing; the settings must not stay unchecked after it.
    @Test func settingsChangedBeforeTheTrailRecordedThemAreCheckedFromTheUpgradeOn() throws {
        try withTemporaryDirectory { directory in
            let home = URL(fileURLWithPath: try Fixtures.copy("homes/samples-v1", into: directory, as: "home"))
            let database = home.appendingPathComponent("registry.sqlite").path
            // As the evident of that home wrote a settings change: the row, and an event naming no record.
            let queue = try DatabaseQueue(path: database)
            try queue.write { db in
                try db.execute(sql: "INSERT INTO setting VALUES ('warning-days', '30')")
                let last = try Row.fetchOne(db, sql: "SELECT hash FROM auditEvent ORDER BY id DESC LIMIT 1")!
                var event = AuditEventRecord(
                    id: nil, at: "2026-11-30T14:00:00Z", actor: "old", command: "settings", records: [],
                    previousHash: last["hash"], hash: "")
                event.hash = event.contentHash()
                try event.insert(db)
            }
            try queue.close()
            let registry = try Registry.open(at: Home(path: home.path))
            #expect(try registry.check(deep: false).problems == [])
            var configuration = Configuration()
            configuration.foreignKeysEnabled = false
            try DatabaseQueue(path: database, configuration: configuration).write { db in
                try db.execute(sql: "UPDATE setting SET value = '365' WHERE key = 'warning-days'")
            }
            let problems = try registry.check(deep: false).problems
            #expect(problems.contains { $0.code == .recordModified && $0.subject == "settings" }, "\(problems)")
        }
    }

    /// Records whose last event hashed the first version of the form still check clean, and the documents of
    /// evidence changed since are covered.
    @Test func anOldChainStillVerifiesAfterTheFormCoversDocuments() throws {
        try withTemporaryDirectory { directory in
            let home = URL(fileURLWithPath: try Fixtures.copy("homes/samples-v1", into: directory, as: "home"))
            let registry = try Registry.open(at: Home(path: home.path))
            #expect(try registry.check(deep: true).problems == [])
            var edit = EvidenceEdit()
            edit.title = "Renamed"
            _ = try registry.editEvidence("EVD-2", edit, ChangeContext(actor: "tester", command: "test"))
            #expect(try registry.check(deep: true).problems == [])
            let sha256 = try registry.evidence("EVD-2").files[0].sha256
            try DatabaseQueue(path: home.appendingPathComponent("registry.sqlite").path).write { db in
                try db.execute(sql: "UPDATE document SET mediaType = 'text/html' WHERE sha256 = ?", arguments: [sha256])
            }
            let problems = try registry.check(deep: false).problems
            #expect(problems.contains { $0.code == .recordModified && $0.subject == "EVD-2" }, "\(problems)")
        }
    }

    /// What a filing killed between placing its object and committing leaves: its intent, no longer locked, and
    /// the object; and a temp file of a filing killed while streaming.
    static func leftoversOfADeadFiling(_ fixture: Fixture) throws -> (object: String, temporary: String) {
        let store = fixture.registry.store
        let staged = try store.stage(
            path: try Fixtures.copy("agreement.pdf", into: fixture.directory), for: try store.beginFiling())
        #expect(try store.place(staged))
        try Data((staged.sha256 + "\n").utf8).write(
            to: URL(fileURLWithPath: "\(store.pendingDirectory)/\(UUID().uuidString).intent"))
        let temporary = "\(store.tempDirectory)/\(UUID().uuidString).\(UUID().uuidString).tmp"
        try Data("half".utf8).write(to: URL(fileURLWithPath: temporary))
        return (store.objectPath(sha256: staged.sha256), temporary)
    }

    @Test func recoveryRemovesWhatAFilingKilledBeforeItsCommitLeft() throws {
        try withTemporaryDirectory { directory in
            let fixture = try Fixture(in: directory)
            try fixture.populate()
            let store = fixture.registry.store
            let (object, temporary) = try Self.leftoversOfADeadFiling(fixture)
            // and a temp file named as an earlier evident named them:
            let earlier = "\(store.tempDirectory)/999999999-leftover.tmp"
            try Data("half".utf8).write(to: URL(fileURLWithPath: earlier))
            let report = try fixture.registry.check(deep: true)
            #expect(report.problems.isEmpty, "\(report.problems)")
            #expect(report.recoveredObjects == 1)
            for path in [object, temporary, earlier] { #expect(!FileManager.default.fileExists(atPath: path)) }
            #expect(store.deadFilings().isEmpty)
            #expect(try FileManager.default.contentsOfDirectory(atPath: store.pendingDirectory).isEmpty)
        }
    }

    /// A live filing's placed object is no orphan, and neither it nor its temp files are removed, whoever checks.
    @Test func checkLeavesALiveFilingAlone() throws {
        try withTemporaryDirectory { directory in
            let fixture = try Fixture(in: directory)
            try fixture.populate()
            let store = fixture.registry.store
            let filing = try store.beginFiling()
            let placed = try store.stage(path: try Fixtures.copy("agreement.pdf", into: directory), for: filing)
            let streaming = try store.stage(path: try Fixtures.copy("photo.jpg", into: directory), for: filing)
            try filing.note([placed.sha256])
            #expect(try store.place(placed))
            let report = try fixture.registry.check(deep: true)
            #expect(report.problems.isEmpty, "\(report.problems)")
            #expect(report.recoveredObjects == 0)
            #expect(FileManager.default.fileExists(atPath: store.objectPath(sha256: placed.sha256)))
            #expect(FileManager.default.fileExists(atPath: streaming.tempPath))
            // Ended without a commit, and without removing its object: now it is an orphan.
            store.discard(streaming)
            filing.finish()
            let after = try fixture.registry.check(deep: false)
            #expect(after.problems.map(\.code) == [.objectOrphan])
        }
    }

    @Test func recoveryKeepsObjectsThatACommittedFilingNames() throws {
        try withTemporaryDirectory { directory in
            let fixture = try Fixture(in: directory)
            try fixture.populate()
            let filed = try fixture.file(["agreement.pdf"], kind: .agreement)
            let store = fixture.registry.store
            try Data((filed.files[0].sha256 + "\n").utf8).write(
                to: URL(fileURLWithPath: "\(store.pendingDirectory)/\(UUID().uuidString).intent"))
            #expect(try fixture.registry.recoverInterruptedFilings().objects == 0)
            #expect(try fixture.registry.check(deep: true).problems.isEmpty)
        }
    }

    @Test func logFiltersByRecordAndDay() throws {
        try withTemporaryDirectory { directory in
            let fixture = try Fixture(in: directory)
            try fixture.populate()
            _ = try fixture.registry.editUsage(
                "USE-1",
                {
                    var edit = UsageEdit(); edit.purpose = "Statistik"; return edit
                }(), fixture.context)
            let events = try fixture.registry.log(record: "USE-1")
            #expect(events.count == 2)
            #expect(events.allSatisfy { $0.records.contains { $0.id == .record(RecordID(.usage, 1)) } })
            #expect(try fixture.registry.log(since: Day(parsing: "2026-06-16")).isEmpty)
            #expect(try fixture.registry.log(since: Day(parsing: "2026-06-15")).count == 7)
        }
    }
}
