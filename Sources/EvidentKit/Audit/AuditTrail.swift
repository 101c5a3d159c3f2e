import Crypto
import Foundation
import GRDB

/// A record (or the settings) an audit event touched, with the SHA-256 of its canonical form after the change.
public struct AuditedRecord: Codable, Sendable, Equatable {
    /// The record (or the settings) that was added, changed or removed.
    public var id: AuditSubject
    /// The SHA-256 of the canonical form after the change; nil when the change removed the record.
    public var sha256: String?
    /// The version of the canonical form that `sha256` is the hash of; nil for version 1, which events written
    /// before forms had versions hashed (`schema/audit-trail.md`, "Versions").
    public var form: Int? = nil
}

/// The hash-chained, append-only log of every change.
enum AuditTrail {
    static let genesisHash = String(repeating: "0", count: 64)

    /// The version of the canonical form new events hash: 2 adds each evidence file's document size and media
    /// type, 3 a solution's first-party domains, 4 a received bundle's tag manifest and parts. Events without a
    /// version hashed version 1, and are checked in it.
    static let formVersion = 4

    /// What an event says one subject was after its change.
    enum Recorded: Equatable {
        case present(sha256: String)
        case removed
        /// A settings change from before the trail recorded settings: what they became is not known.
        case unknown
    }

    /// The last event that touched a subject, what it recorded, and in which version of the form.
    struct LastTouch: Equatable {
        var event: Int64
        var recorded: Recorded
        var form: Int
    }
}

extension AuditEventRecord {
    /// The hash this event's fields and the previous event's hash give: what `hash` must be.
    func contentHash() -> String {
        CanonicalForm.object([
            "at": .string(at), "actor": .string(actor), "command": .string(command),
            "records": .array(
                records.map {
                    .object(["id": .string($0.id.description), "sha256": .string($0.sha256), "form": .integer($0.form)])
                }),
            "previousHash": .string(previousHash),
        ]).sha256
    }

    /// Why this event is not the link that follows an event hashed `previous`; nil when it is.
    func linkProblem(after previous: String) -> String? {
        if previousHash != previous { return "does not follow the event before it" }
        if contentHash() != hash { return "its hash does not match its contents" }
        return nil
    }

    /// The subjects the event touched, what it recorded of each, and in which version of the form.
    ///
    /// Before the trail recorded settings, changing them appended an event that touched nothing; no other
    /// change ever did, so such an event changed the settings to something the trail does not know.
    var touches: [(subject: AuditSubject, recorded: AuditTrail.Recorded, form: Int)] {
        guard !records.isEmpty else { return [(.settings, .unknown, 1)] }
        return records.map { ($0.id, $0.sha256.map { .present(sha256: $0) } ?? .removed, $0.form ?? 1) }
    }
}

extension AuditTrail {
    /// Appends the event for a change, with the canonical form of each subject it touched, inside the change's
    /// own transaction.
    static func append(context: ChangeContext, touched: [AuditSubject], at date: Date, _ db: Database) throws {
        let previous =
            try String.fetchOne(db, sql: "SELECT hash FROM auditEvent ORDER BY id DESC LIMIT 1")
            ?? genesisHash
        var records: [AuditedRecord] = []
        var forms: [(AuditSubject, [UInt8])] = []
        for subject in Set(touched).sorted() {
            let bytes = try storedForm(of: subject, version: formVersion, db)?.bytes
            records.append(
                AuditedRecord(id: subject, sha256: bytes.map(Hashing.sha256), form: bytes.map { _ in formVersion }))
            if let bytes { forms.append((subject, bytes)) }
        }
        var event = AuditEventRecord(
            id: nil, at: date.formatted(.iso8601), actor: context.actor, command: context.command, records: records,
            previousHash: previous, hash: "")
        event.hash = event.contentHash()
        try event.insert(db)
        let insertForm = try db.cachedStatement(
            sql: "INSERT INTO auditRecordForm (eventId, recordId, form) VALUES (?, ?, ?)")
        for (subject, bytes) in forms {
            try insertForm.execute(arguments: [event.id!, subject, String(decoding: bytes, as: UTF8.self)])
        }
    }

    /// A subject as stored, its row and the rows it owns, in `version` of the canonical form. Nil when it does
    /// not exist.
    ///
    /// Reads through cached statements: an event touching thousands of records (an import) prepares each query
    /// once.
    static func storedForm(of subject: AuditSubject, version: Int, _ db: Database) throws -> CanonicalForm? {
        guard case .record(let id) = subject else {
            let settings = try SettingRecord.order(SettingRecord.Columns.key).fetchAll(db)
            return .object(["settings": .array(settings.map(\.canonicalForm))])
        }
        func one<Record: FetchableRecord>(_ type: Record.Type, _ table: String) throws -> Record? {
            try Record.fetchOne(db.cachedStatement(sql: "SELECT * FROM \(table) WHERE id = ?"), arguments: [id.number])
        }
        func owned<Record: FetchableRecord>(_ type: Record.Type, _ sql: String) throws -> [Record] {
            try Record.fetchAll(db.cachedStatement(sql: sql), arguments: [id.number])
        }
        switch id.kind {
        case .authority:
            return try one(AuthorityRecord.self, "authority").map { .object(["record": $0.canonicalForm]) }
        case .solution:
            guard let solution = try one(SolutionRecord.self, "solution") else { return nil }
            let owners = try owned(
                SolutionOwnerRecord.self, "SELECT * FROM solutionOwner WHERE solutionId = ? ORDER BY authorityId")
            let firstParty =
                version >= 3
                ? try owned(
                    SolutionFirstPartyRecord.self,
                    "SELECT * FROM solutionFirstParty WHERE solutionId = ? ORDER BY domain")
                : nil
            return .object([
                "record": solution.canonicalForm, "owners": .array(owners.map(\.canonicalForm)),
                "firstParty": firstParty.map { .array($0.map(\.canonicalForm)) },
            ])
        case .vendor:
            return try one(VendorRecord.self, "vendor").map { .object(["record": $0.canonicalForm]) }
        case .service:
            return try one(ServiceRecord.self, "service").map { .object(["record": $0.canonicalForm]) }
        case .usage:
            return try one(UsageRecord.self, "usage").map { .object(["record": $0.canonicalForm]) }
        case .receivedBundle:
            return try ReceivedBundleRecord.storedForm(id: id.number, version: version, db)
        case .evidence:
            guard let evidence = try one(EvidenceRecord.self, "evidence") else { return nil }
            let files = try owned(
                EvidenceFileRecord.self, "SELECT * FROM evidenceFile WHERE evidenceId = ? ORDER BY position")
            let coverage = try owned(CoverageRecord.self, "SELECT * FROM coverage WHERE evidenceId = ?")
                .sorted { $0.target < $1.target }
            let parties = try owned(
                EvidencePartyRecord.self, "SELECT * FROM evidenceParty WHERE evidenceId = ? ORDER BY authorityId")
            let fileForms: [CanonicalForm]
            if version >= 2 {
                let documents = try owned(
                    DocumentRecord.self,
                    "SELECT * FROM document WHERE sha256 IN (SELECT sha256 FROM evidenceFile WHERE evidenceId = ?)")
                let bySHA256 = Dictionary(documents.map { ($0.sha256, $0) }) { first, _ in first }
                fileForms = files.map { $0.canonicalForm(document: bySHA256[$0.sha256]) }
            } else {
                fileForms = files.map(\.canonicalForm)
            }
            return .object([
                "record": evidence.canonicalForm, "files": .array(fileForms),
                "coverage": .array(coverage.map(\.canonicalForm)),
                "parties": .array(parties.map(\.canonicalForm)),
            ])
        }
    }

    /// The settings' form while no event has recorded them: no setting changed.
    static let unchangedSettingsSHA256 = CanonicalForm.object(["settings": .array([])]).sha256

    /// The last touch of every subject in `events`, which are in trail order.
    static func lastTouches(_ events: some Sequence<AuditEventRecord>) -> [AuditSubject: LastTouch] {
        var last: [AuditSubject: LastTouch] = [:]
        for event in events {
            for (subject, recorded, form) in event.touches {
                last[subject] = LastTouch(event: event.id!, recorded: recorded, form: form)
            }
        }
        return last
    }

    /// The events in trail order.
    static func events(_ db: Database) throws -> [AuditEventRecord] {
        try AuditEventRecord.order(AuditEventRecord.Columns.id).fetchAll(db)
    }

    /// Whether a home that had events before the trail stored forms still has to store the earlier ones.
    static func earlierFormsPending(_ db: Database) throws -> Bool {
        try AuditFormsFromRecord.fetchOne(db).map { !$0.earlierStored } ?? false
    }

    /// Stores, once, the form of each record unchanged since an event from before the trail stored forms,
    /// with that event; then those earlier moments can be rebuilt too.
    ///
    /// Only a form that hashes to what the event recorded is stored: a record changed outside evident since
    /// gets none (and `check` reports it). Runs after every migration, so that the record types read the schema
    /// they were written for.
    static func storeEarlierForms(at date: Date, _ db: Database) throws {
        guard var start = try AuditFormsFromRecord.fetchOne(db), !start.earlierStored else { return }
        let touches = lastTouches(try events(db))
        for (subject, touch) in touches.sorted(by: { $0.key < $1.key }) {
            guard touch.event < start.eventId, case .present(let sha256) = touch.recorded,
                let bytes = try storedForm(of: subject, version: touch.form, db)?.bytes, Hashing.sha256(bytes) == sha256
            else { continue }
            try AuditRecordFormRecord(
                eventId: touch.event, recordId: subject, form: String(decoding: bytes, as: UTF8.self)
            )
            .insert(db)
        }
        start.earlierStored = true
        try start.update(db)
        // Settings changed before the trail recorded them could not be compared with anything, so an edit made
        // around evident since would go unseen: record them as they are now, and hold them to that from here on.
        if touches[.settings]?.recorded == .unknown {
            try append(
                context: ChangeContext(
                    actor: "evident", command: "upgrade: the settings as found, recorded from now on"),
                touched: [.settings], at: date, db)
        }
    }
}

extension Registry {
    /// Finishes in Swift what the migrations leave for it: the forms of records unchanged since before the trail
    /// stored them, and one audit event for the records a migration changed (which SQL alone cannot hash).
    ///
    /// Migrations list their records in `auditPending` inside their own transaction; this runs on every open, and
    /// re-reads inside its own write, so a process killed in between, or two opening at once, trace each change
    /// exactly once.
    func finishMigrations() throws {
        let pending = try read { db in
            try AuditTrail.earlierFormsPending(db)
                || (try Int.fetchOne(db, sql: "SELECT count(*) FROM auditPending") ?? 0) > 0
        }
        guard pending else { return }
        try Self.storageErrors {
            try writer.write { db in
                try AuditTrail.storeEarlierForms(at: clock(), db)
                let rows = try Row.fetchAll(db, sql: "SELECT recordId, change FROM auditPending")
                guard let change: String = rows.first?["change"] else { return }
                let ids = rows.compactMap { RecordID($0["recordId"] as String).map(AuditSubject.record) }
                try AuditTrail.append(
                    context: ChangeContext(actor: "evident", command: change), touched: ids, at: clock(), db)
                try db.execute(sql: "DELETE FROM auditPending")
            }
        }
    }
}
