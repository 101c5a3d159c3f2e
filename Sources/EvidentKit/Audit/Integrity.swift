import Crypto
import Foundation
import GRDB

/// One thing `evident check` found wrong, with a stable code.
public struct IntegrityProblem: Sendable, Codable, Equatable, CustomStringConvertible {
    /// The stable codes, one per kind of problem.
    public enum Code: String, Sendable, Codable, CaseIterable {
        /// SQLite's own integrity check found damage in the database file.
        case sqliteIntegrity = "sqlite-integrity"
        /// A row refers to a row that does not exist.
        case foreignKey = "foreign-key"
        /// A document row whose bytes are missing from the store.
        case objectMissing = "object-missing"
        /// Bytes in the store that no document row refers to.
        case objectOrphan = "object-orphan"
        /// A stored document whose bytes no longer hash to its name (deep checks only).
        case objectCorrupt = "object-corrupt"
        /// A stored document whose size is not the size its row records.
        case objectSizeMismatch = "object-size-mismatch"
        /// A file or directory in the store that is neither an object nor part of the store's layout.
        case storeStray = "store-stray"
        /// An audit event that does not follow the one before it, or whose hash does not match its fields.
        case auditChainBroken = "audit-chain-broken"
        /// A record that no audit event records.
        case recordUnaudited = "record-unaudited"
        /// A record that is not as its last audit event left it: changed outside evident.
        case recordModified = "record-modified"
        /// A record the audit trail says exists that the database no longer has.
        case recordVanished = "record-vanished"
        case auditFormModified = "audit-form-modified"
        case auditFormMissing = "audit-form-missing"
    }

    /// What kind of problem it is.
    public var code: Code
    /// The record, document (its SHA-256) or event concerned, or a path under the home for a stray in the store.
    public var subject: String
    /// What is wrong, in words for people.
    public var detail: String

    /// The code, the subject and the detail on one line.
    public var description: String { "\(code.rawValue) \(subject): \(detail)" }
}

/// What `evident check` found.
public struct IntegrityReport: Sendable, Codable, Equatable {
    /// Whether the check also read every stored document and checked its hash.
    public var deep: Bool
    /// How many records were checked against the audit trail.
    public var records: Int
    /// How many document rows the database holds.
    public var documents: Int
    /// How many objects the store holds.
    public var objects: Int
    /// How many events the audit trail holds.
    public var auditEvents: Int
    /// How many objects left by filings that died before their commit were removed first.
    public var recoveredObjects: Int
    /// Everything found wrong; empty when the registry is intact.
    public var problems: [IntegrityProblem]
}

extension Registry {
    /// The audit trail, oldest first; only events touching `record` (a record or `settings`), or from `since`
    /// on, when given.
    public func log(record reference: String? = nil, since: Day? = nil) throws -> [AuditEventInfo] {
        try read { db in
            let id = try reference.map { reference in
                reference == AuditSubject.settingsName
                    ? AuditSubject.settings
                    : .record(try resolve(reference, field: .record, kinds: RecordKind.allCases, db))
            }
            return try AuditTrail.events(db).filter { event in
                (id.map { id in event.records.contains { $0.id == id } } ?? true)
                    && (since.map { String(event.at.prefix(10)) >= $0.description } ?? true)
            }.map(AuditEventInfo.init)
        }
    }

    /// Checks that the database and the store agree and that nothing was changed behind evident's back.
    ///
    /// Leftovers of filings that died before their commit are cleaned up first: they are not tampering.
    public func check(deep: Bool) throws -> IntegrityReport {
        let recovered = try recoverInterruptedFilings()
        // Listed before the database is read: an object placed before then is either committed by the time the
        // rows are read, or named by the intent of a filing that is still alive.
        let (present, strays) = store.listing()
        let inFlight = store.objectsOfLiveFilings()
        var problems: [IntegrityProblem] = []
        func problem(_ code: IntegrityProblem.Code, _ subject: String, _ detail: String) {
            problems.append(IntegrityProblem(code: code, subject: subject, detail: detail))
        }
        let (records, documents, users, events) = try read { db in
            for line in try String.fetchAll(db, sql: "PRAGMA integrity_check") where line != "ok" {
                problem(.sqliteIntegrity, "registry.sqlite", line)
            }
            for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
                problem(
                    .foreignKey, "\(row[0] as String? ?? "?") row \(row[1] as Int64? ?? 0)",
                    "refers to a missing \(row[2] as String? ?? "row")")
            }
            let documents = try DocumentRecord.fetchAll(db)
            var users: [String: [RecordID]] = [:]
            for file in try EvidenceFileRecord.order(EvidenceFileRecord.Columns.evidenceId).fetchAll(db) {
                users[file.sha256, default: []].append(RecordID(.evidence, file.evidenceId))
            }
            let events = try AuditTrail.events(db)

            // The chain: each event hashes its own fields and names the hash of the one before.
            var previous = AuditTrail.genesisHash
            for event in events {
                if let why = event.linkProblem(after: previous) {
                    problem(.auditChainBroken, "event \(event.id!)", why)
                }
                previous = event.hash
            }

            // Every record as it is now must be what its last audit event recorded.
            var lastTouch = AuditTrail.lastTouches(events)
            var count = 0
            for kind in RecordKind.allCases {
                for number in try Int64.fetchAll(db, sql: "SELECT id FROM \(kind.table) ORDER BY id") {
                    count += 1
                    let id = RecordID(kind, number)
                    let touch = lastTouch.removeValue(forKey: .record(id))
                    let hash = try AuditTrail.storedForm(
                        of: .record(id), version: touch?.form ?? AuditTrail.formVersion, db)?.sha256
                    switch touch?.recorded {
                    case .none: problem(.recordUnaudited, id.description, "no audit event records this record")
                    case .removed: problem(.recordModified, id.description, "the audit trail says it was removed")
                    case .present(let recorded) where recorded != hash:
                        problem(.recordModified, id.description, "changed since its last audit event, outside evident")
                    default: break
                    }
                }
            }
            // So must the settings; a change from before the trail recorded them leaves nothing to compare with.
            let settingsTouch = lastTouch.removeValue(forKey: .settings)
            let settings = try AuditTrail.storedForm(
                of: .settings, version: settingsTouch?.form ?? AuditTrail.formVersion, db)?.sha256
            switch settingsTouch?.recorded {
            case .none where settings != AuditTrail.unchangedSettingsSHA256:
                problem(.recordUnaudited, AuditSubject.settings.description, "changed, but no audit event records it")
            case .present(let recorded) where recorded != settings:
                problem(
                    .recordModified, AuditSubject.settings.description,
                    "changed since their last audit event, outside evident")
            default: break
            }
            for (subject, touch) in lastTouch.sorted(by: { $0.key < $1.key }) where touch.recorded != .removed {
                problem(
                    .recordVanished, subject.description, "the audit trail says it exists, the database has no such row"
                )
            }
            try checkForms(events, db, problem: problem)
            return (count, documents, users, events.count)
        }

        // The store: every document has its object of its size, every object a document (or a live filing), and
        // (deep) the right bytes.
        func used(_ sha256: String) -> String {
            let ids = Array(Set(users[sha256] ?? [])).sorted()
            return ids.isEmpty ? "no evidence files it" : "filed by " + ids.map(\.description).joined(separator: ", ")
        }
        let referenced = Set(documents.map(\.sha256))
        for document in documents.sorted(by: { $0.sha256 < $1.sha256 }) {
            guard let size = store.objectSize(sha256: document.sha256) else {
                problem(
                    .objectMissing, document.sha256,
                    "a document row without its object in the store; \(used(document.sha256))")
                continue
            }
            if size != document.size {
                problem(
                    .objectSizeMismatch, document.sha256,
                    "the object has \(size) bytes, its row says \(document.size); \(used(document.sha256))")
            }
        }
        // A filing that was undone after the listing has removed its objects: they were never orphans.
        for name in present
        where !referenced.contains(name) && !inFlight.contains(name) && store.objectSize(sha256: name) != nil {
            problem(.objectOrphan, name, "an object no document row refers to")
        }
        for path in strays {
            problem(.storeStray, path, "not an object: evident keeps only objects in the store")
        }
        if deep {
            for name in present where referenced.contains(name) {
                do {
                    try store.streamObject(sha256: name) { _ in }
                } catch {
                    problem(.objectCorrupt, name, "\(error); \(used(name))")
                }
            }
        }
        return IntegrityReport(
            deep: deep, records: records, documents: documents.count, objects: present.count, auditEvents: events,
            recoveredObjects: recovered.objects, problems: problems)
    }
}

extension Registry {
    /// Every stored form must hash to what its event recorded, and every event since the trail stored forms
    /// must have one for each record it did not remove.
    private func checkForms(
        _ events: [AuditEventRecord], _ db: Database, problem: (IntegrityProblem.Code, String, String) -> Void
    ) throws {
        var recorded: [Int64: [AuditSubject: String]] = [:]
        for event in events {
            for record in event.records { recorded[event.id!, default: [:]][record.id] = record.sha256 }
        }
        var stored: [Int64: Set<AuditSubject>] = [:]
        let cursor = try AuditRecordFormRecord.order(AuditRecordFormRecord.Columns.eventId).fetchCursor(db)
        while let form = try cursor.next() {
            stored[form.eventId, default: []].insert(form.recordId)
            guard let sha256 = recorded[form.eventId]?[form.recordId] else {
                problem(
                    .auditFormModified, "event \(form.eventId)",
                    "holds content of \(form.recordId) that the event does not record")
                continue
            }
            if Hashing.sha256(Array(form.form.utf8)) != sha256 {
                problem(
                    .auditFormModified, "event \(form.eventId)",
                    "the content of \(form.recordId) it holds is not what the event recorded")
            }
        }
        let formsFrom = try AuditFormsFromRecord.fetchOne(db)?.eventId ?? 1
        for event in events where event.id! >= formsFrom {
            for record in event.records where record.sha256 != nil && stored[event.id!]?.contains(record.id) != true {
                problem(.auditFormMissing, "event \(event.id!)", "holds no content of \(record.id), which it recorded")
            }
        }
    }
}
