import Foundation
import GRDB

extension Registry {
    /// This registry frozen as it is now: its reads see one moment whatever is written meanwhile, so that a
    /// report and the audit event it names describe the same registry.
    public func frozen() throws -> Registry {
        // A view already, or a copy nothing can change: nothing changes it meanwhile.
        guard let pool = reader as? DatabasePool else { return self }
        return Registry(
            home: home, view: try Self.storageErrors { try pool.makeSnapshot() }, databaseLocation: databaseLocation,
            pool: pool, clock: clock)
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
            try queue.writeWithoutTransaction { db in
                // Events and documents are never changed or deleted: they are copied from the home as they are.
                try db.execute(sql: "ATTACH DATABASE ? AS home", arguments: [databaseLocation])
                try db.inTransaction {
                    try content.insert(db)
                    return .commit
                }
                try db.execute(sql: "DETACH DATABASE home")
            }
            // A view: a change to it would be lost, and the documents it filed would land in the real store.
            return Registry(home: home, view: queue, databaseLocation: databaseLocation, clock: { date })
        }
    }
}

/// What a registry holds as the audit trail recorded it up to a moment: the stored forms of its records and
/// settings, up to the last event.
private struct RecordedContent {
    var lastEvent: Int64
    /// The stored forms as a JSON array per kind of record (nil: the settings), each in the order of their ids.
    var forms: [RecordKind?: String] = [:]

    /// Where the rows a stored form holds go: for each kind, the table of each part and the JSON path of the
    /// part in the form, a row (`$.record`) or an array of rows. The keys of a row are its columns.
    static let parts: [(kind: RecordKind?, path: String, table: String)] = [
        (.authority, "$.record", "authority"), (.solution, "$.record", "solution"),
        (.solution, "$.owners", "solutionOwner"), (.solution, "$.firstParty", "solutionFirstParty"),
        (.vendor, "$.record", "vendor"), (.service, "$.record", "service"),
        (.usage, "$.record", "usage"), (.evidence, "$.record", "evidence"), (.evidence, "$.files", "evidenceFile"),
        (.evidence, "$.coverage", "coverage"), (.evidence, "$.parties", "evidenceParty"),
        (.receivedBundle, "$.record", "receivedBundle"), (.receivedBundle, "$.solutions", "receivedSolution"),
        (.receivedBundle, "$.verdicts", "receivedVerdict"), (.receivedBundle, "$.parts", "receivedPart"),
        (nil, "$.settings", "setting"),
    ]

    init(_ db: Database, moment: RecordedMoment) throws {
        let all = try AuditTrail.events(db)
        let last = try Self.lastEvent(of: moment, in: all)
        lastEvent = last
        let included = all.prefix { $0.id! <= last }
        var previous = AuditTrail.genesisHash
        for event in included {
            guard event.linkProblem(after: previous) == nil else {
                throw RegistryError.auditTrailModified(event: event.id!, subject: nil)
            }
            previous = event.hash
        }

        // What each subject's last event recorded; its stored forms are read in one pass over the table.
        var unknown: [(subject: AuditSubject, event: Int64)] = []
        var wanted: [AuditSubject: (event: Int64, sha256: String)] = [:]
        for (subject, touch) in AuditTrail.lastTouches(included) {
            switch touch.recorded {
            case .present(let sha256): wanted[subject] = (touch.event, sha256)
            case .removed: break
            case .unknown: unknown.append((subject, touch.event))
            }
        }
        var found: [AuditSubject: String] = [:]
        let rows = try Row.fetchCursor(
            db, sql: "SELECT eventId, recordId, form FROM auditRecordForm WHERE eventId <= ?", arguments: [last])
        while let row = try rows.next() {
            guard let subject = row[1] as AuditSubject?, let touch = wanted[subject], touch.event == row[0] else {
                continue
            }
            let form: String = row[2]
            guard Hashing.sha256(Array(form.utf8)) == touch.sha256 else {
                throw RegistryError.auditTrailModified(event: touch.event, subject: subject)
            }
            found[subject] = form
        }
        for (subject, touch) in wanted where found[subject] == nil { unknown.append((subject, touch.event)) }
        if let missing = unknown.min(by: { $0.subject < $1.subject }) {
            let from =
                try Self.firstRebuildable(all, db).map { "moments from \($0) on can be" } ?? "no later moment can be"
            let gap = "the audit trail holds no content of \(missing.subject) as audit event \(missing.event) left it"
            throw InputError(
                field: .asRecorded, value: moment.description,
                reason: "\(gap), which was recorded before evident stored content; \(from) rebuilt")
        }

        var byKind: [RecordKind?: [String]] = [:]
        for (subject, form) in found.sorted(by: { $0.key < $1.key }) {
            byKind[subject.record?.kind, default: []].append(form)
        }
        forms = byKind.mapValues { "[" + $0.joined(separator: ",") + "]" }
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
            for (subject, recorded, _) in event.touches {
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

    /// Inserts the rows into a new registry, those referred to before those that refer to them; the home's
    /// database is attached as `home`, for its events up to the last and every document (only those evidence
    /// files refer to are ever read).
    func insert(_ db: Database) throws {
        // Evidence may refer to later evidence it supersedes; the keys are checked when the rows are all in.
        try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
        try db.execute(sql: "INSERT INTO document SELECT * FROM home.document")
        for (kind, path, table) in Self.parts {
            guard let forms = forms[kind] else { continue }
            // The keys are the columns, so SQLite reads the rows out of the forms itself; a key a form leaves out
            // (a field added later, or one written only when set) takes the column's default.
            let columns = try Row.fetchAll(
                db, sql: "SELECT name, dflt_value FROM pragma_table_info(?)", arguments: [table]
            ).map { (name: $0["name"] as String, default: $0["dflt_value"] as String?) }
            let (source, path): (String, (String) -> String) =
                path == "$.record"
                ? ("json_each(?) AS form ORDER BY form.key", { "json_extract(form.value, '$.record.\($0)')" })
                : (
                    "json_each(?) AS form, json_each(form.value, '\(path)') AS part ORDER BY form.key, part.key",
                    // Parties are a list of authority ids, each row the evidence's and one of them.
                    table == "evidenceParty"
                        ? { $0 == "evidenceId" ? "json_extract(form.value, '$.record.id')" : "part.value" }
                        : { "json_extract(part.value, '$.\($0)')" }
                )
            let values = columns.map { column in
                column.default.map { "coalesce(\(path(column.name)), \($0))" } ?? path(column.name)
            }
            try db.execute(
                sql: """
                    INSERT INTO \(table) (\(columns.map { "\"\($0.name)\"" }.joined(separator: ", ")))
                    SELECT \(values.joined(separator: ", ")) FROM \(source)
                    """, arguments: [forms])
        }
        try db.execute(
            sql: "INSERT INTO auditEvent SELECT * FROM home.auditEvent WHERE id <= ? ORDER BY id",
            arguments: [lastEvent])
    }
}
