import Foundation
import GRDB

extension Registry {
    /// This registry frozen as it is now: its reads see one moment whatever is written meanwhile, so that a
    /// report and the audit event it names describe the same registry.
    public func frozen() throws -> Registry {
        // A view already: nothing changes it meanwhile.
        guard let pool = try? writer as? DatabasePool else { return self }
        return Registry(home: home, view: try Self.storageErrors { try pool.makeSnapshot() }, clock: clock)
    }

    /// The moment of the last audit event this registry includes; nil while the trail is empty.
    public func recordedMoment() throws -> RecordedMoment? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT id, at FROM auditEvent ORDER BY id DESC LIMIT 1").map {
                RecordedMoment(at: $0[1], event: $0[0])
            }
        }
    }

    /// The registry as it was recorded at `moment`, rebuilt from the content the audit trail stores with each
    /// event, in memory and for reading only.
    ///
    /// Its audit trail ends with the moment's last event, its settings are those recorded by then, its documents
    /// are this home's (the store never loses one) and its clock stands at the moment, so that "today" is the
    /// moment's day. The events it is rebuilt from are verified first: each must follow the one before, and each
    /// stored form must hash to what its event recorded.
    public func asRecorded(_ moment: RecordedMoment) throws -> Registry {
        guard moment.at <= clock().formatted(.iso8601) else {
            throw InputError(field: .asRecorded, value: moment.description, reason: "is in the future")
        }
        let content = try read { db in try RecordedContent(db, moment: moment) }
        let date = (try? Date(moment.at, strategy: .iso8601)) ?? clock()
        return try Self.storageErrors {
            let queue = try DatabaseQueue()
            try Migrations.migrator.migrate(queue)
            try queue.write(content.insert)
            // A view: a change to it would be lost, and the documents it filed would land in the real store.
            return Registry(home: home, view: queue, clock: { date })
        }
    }
}

/// The rows of a registry as the audit trail recorded them up to a moment.
private struct RecordedContent {
    var events: [AuditEventRecord] = []
    var authorities: [AuthorityRecord] = []
    var solutions: [SolutionRecord] = []
    var owners: [SolutionOwnerRecord] = []
    var vendors: [VendorRecord] = []
    var services: [ServiceRecord] = []
    var usages: [UsageRecord] = []
    var documents: [DocumentRecord] = []
    var evidence: [EvidenceRecord] = []
    var files: [EvidenceFileRecord] = []
    var coverage: [CoverageRecord] = []
    var settings: [SettingRecord] = []

    /// A stored form read back into the rows it was made from: its keys are their columns.
    private struct Form<Record: Decodable>: Decodable {
        var record: Record
        var owners: [SolutionOwnerRecord]?
        var files: [EvidenceFileRecord]?
        var coverage: [CoverageRecord]?
    }

    private struct SettingsForm: Decodable {
        var settings: [SettingRecord]
    }

    init(_ db: Database, moment: RecordedMoment) throws {
        let all = try AuditTrail.events(db)
        let last = try Self.lastEvent(of: moment, in: all)
        events = Array(all.prefix { $0.id! <= last })
        var previous = AuditTrail.genesisHash
        for event in events {
            guard event.linkProblem(after: previous) == nil else {
                throw RegistryError.auditTrailModified(event: event.id!, subject: nil)
            }
            previous = event.hash
        }

        var unknown: [(subject: AuditSubject, event: Int64)] = []
        for (subject, touch) in AuditTrail.lastTouches(events).sorted(by: { $0.key < $1.key }) {
            guard case .present(let sha256) = touch.recorded else {
                if touch.recorded == .unknown { unknown.append((subject, touch.event)) }
                continue
            }
            guard
                let form = try AuditRecordFormRecord.fetchOne(
                    db, key: ["eventId": touch.event, "recordId": subject.databaseValue])
            else {
                unknown.append((subject, touch.event))
                continue
            }
            let bytes = Array(form.form.utf8)
            guard Hashing.sha256(bytes) == sha256 else {
                throw RegistryError.auditTrailModified(event: touch.event, subject: subject)
            }
            try add(subject, Data(bytes))
        }
        if let missing = unknown.first {
            let from =
                try Self.firstRebuildable(all, db).map { "moments from \($0) on can be" } ?? "no later moment can be"
            let gap = "the audit trail holds no content of \(missing.subject) as audit event \(missing.event) left it"
            throw InputError(
                field: .asRecorded, value: moment.description,
                reason: "\(gap), which was recorded before evident stored content; \(from) rebuilt")
        }
        let hashes = Set(files.map(\.sha256))
        documents = try DocumentRecord.fetchAll(db, keys: hashes.sorted())
    }

    /// The id of the last event `moment` includes: the one it names, else the last recorded at or before its
    /// time; 0 before the first.
    private static func lastEvent(of moment: RecordedMoment, in events: [AuditEventRecord]) throws -> Int64 {
        guard let number = moment.event else {
            return events.last { $0.at <= moment.at }?.id ?? 0
        }
        guard let event = events.first(where: { $0.id == number }) else {
            throw InputError(
                field: .asRecorded, value: moment.description, reason: "the audit trail has no event \(number)")
        }
        guard event.at == moment.at else {
            throw InputError(
                field: .asRecorded, value: moment.description,
                reason: "audit event \(number) was recorded at \(event.at)")
        }
        return number
    }

    /// The first moment from which every later one can be rebuilt: after the last event that left a subject
    /// whose content the trail does not hold. Nil when the trail ends in such a state.
    private static func firstRebuildable(_ events: [AuditEventRecord], _ db: Database) throws -> RecordedMoment? {
        var stored: [Int64: Set<AuditSubject>] = [:]
        for form in try AuditRecordFormRecord.fetchAll(db) { stored[form.eventId, default: []].insert(form.recordId) }
        var unknown: Set<AuditSubject> = []
        var first: RecordedMoment?
        for event in events {
            for (subject, recorded) in event.touches {
                if recorded == .removed || stored[event.id!]?.contains(subject) == true {
                    unknown.remove(subject)
                } else {
                    unknown.insert(subject)
                }
            }
            first = unknown.isEmpty ? first ?? RecordedMoment(at: event.at, event: event.id) : nil
        }
        return first
    }

    /// Adds the rows a subject's stored form holds.
    private mutating func add(_ subject: AuditSubject, _ form: Data) throws {
        let decoder = JSONDecoder()
        guard case .record(let id) = subject else {
            settings = try decoder.decode(SettingsForm.self, from: form).settings
            return
        }
        switch id.kind {
        case .authority: authorities.append(try decoder.decode(Form<AuthorityRecord>.self, from: form).record)
        case .solution:
            let solution = try decoder.decode(Form<SolutionRecord>.self, from: form)
            solutions.append(solution.record)
            owners += solution.owners ?? []
        case .vendor: vendors.append(try decoder.decode(Form<VendorRecord>.self, from: form).record)
        case .service: services.append(try decoder.decode(Form<ServiceRecord>.self, from: form).record)
        case .usage: usages.append(try decoder.decode(Form<UsageRecord>.self, from: form).record)
        case .evidence:
            let evidence = try decoder.decode(Form<EvidenceRecord>.self, from: form)
            self.evidence.append(evidence.record)
            files += evidence.files ?? []
            coverage += evidence.coverage ?? []
        }
    }

    /// Inserts the rows, those referred to before those that refer to them.
    func insert(_ db: Database) throws {
        // Evidence may refer to later evidence it supersedes; the keys are checked when the rows are all in.
        try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
        for var row in authorities { try row.insert(db) }
        for var row in solutions { try row.insert(db) }
        for row in owners { try row.insert(db) }
        for var row in vendors { try row.insert(db) }
        for var row in services { try row.insert(db) }
        for var row in usages { try row.insert(db) }
        for row in documents { try row.insert(db) }
        for var row in evidence { try row.insert(db) }
        for row in files { try row.insert(db) }
        for row in coverage { try row.insert(db) }
        for row in settings { try row.insert(db) }
        for var row in events { try row.insert(db) }
    }
}
