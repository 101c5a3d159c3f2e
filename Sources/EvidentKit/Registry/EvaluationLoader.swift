import Dispatch
import GRDB

/// Loads the facts the rules read in a few bulk queries.
enum EvaluationLoader {
    static func evaluate(
        _ db: Database, asOf day: Day, solutions selected: Set<Int64>?, policy: RulePolicy, rules: RulesVersion
    ) throws
        -> Evaluation
    {
        var facts = try load(db, solutions: selected, fallback: day)
        facts.active = try active(db, on: day)
        return facts.evaluate(asOf: day, policy: policy, rules: rules)
    }

    /// `evaluate` on `reader`, loading the evidence on another of `pool`'s connections at once
    /// (loading on one connection was a third of status's time at 50,000 usages).
    ///
    /// The system SQLite cannot share a snapshot between connections, but every write that changes what the
    /// rules read is one transaction that appends an audit event, so two read transactions that see the same
    /// last event (and the same schema) see the same registry. When they do not, a write came between them, and
    /// the evidence is loaded on `reader` after all: a view frozen before the write shows the registry as it was.
    /// `betweenSnapshots` runs after `reader` has its snapshot and before the second connection takes one (for
    /// tests that write there).
    static func evaluate(
        _ reader: any DatabaseReader, alongside pool: DatabasePool, asOf day: Day,
        solutions select: (Database) throws -> Set<Int64>?, policy: RulePolicy, rules: RulesVersion,
        betweenSnapshots: () throws -> Void = {}
    ) throws -> Evaluation {
        try reader.read { db in
            let head = try snapshotHead(db)
            try betweenSnapshots()
            let evidence = Pending { [pool] in
                try pool.read { db in
                    var facts = EvaluationFacts()
                    let head = try snapshotHead(db)
                    try loadEvidenceRows(into: &facts, db, fallback: day)
                    return (head: head, facts: facts)
                }
            }
            // Waited for even when this side fails, so that no read is left running.
            let rest = Result {
                var facts = EvaluationFacts()
                try loadScope(into: &facts, db, solutions: try select(db))
                // Parties and coverage here rather than beside the evidence: the two halves then take about as long.
                try loadParties(into: &facts, db)
                try loadCoverage(into: &facts, db)
                facts.active = try active(db, on: day)
                // Put in the order judging puts them in here, while the other connection still loads: sorting
                // what is sorted already then takes one pass on the thread that judges.
                facts.active.sort { ($0.solution, $0.id) < ($1.solution, $1.id) }
                return facts
            }
            var other = try evidence.take()
            var facts = try (consume rest).get()
            if other.head == head {
                facts.adoptEvidence(of: &other.facts)
            } else {
                try loadEvidenceRows(into: &facts, db, fallback: day)
            }
            let evaluation = facts.evaluate(asOf: day, policy: policy, rules: rules)
            releaseInBackground(consume facts)
            return evaluation
        }
    }

    /// What a read transaction sees, as far as telling two apart: its last audit event and the schema's version.
    private static func snapshotHead(_ db: Database) throws -> [Int64?] {
        [
            try Int64.fetchOne(db, sql: "SELECT max(id) FROM auditEvent"),
            try Int64.fetchOne(db, sql: "PRAGMA schema_version"),
        ]
    }

    /// A value worked out on another thread, waited for.
    private final class Pending<Value: Sendable>: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        /// Written once by the worker before it signals `done`, read and cleared by `take` only after waiting for it.
        private var result: Result<Value, any Error>?

        init(_ work: @escaping @Sendable () throws -> Value) {
            DispatchQueue.global().async { [self] in
                result = Result(catching: work)
                done.signal()
            }
        }

        /// The value, once; handed over rather than copied, so that the caller holds the only reference to it.
        func take() throws -> Value {
            done.wait()
            defer { result = nil }
            return try result!.get()
        }
    }

    /// A year's evaluation: every usage active on `day`, and every usage whose last day fell from `start` to the
    /// day before `day`, judged on its last day (§4 asks what was used in the year, not only on its last day).
    static func evaluateYear(
        _ db: Database, asOf day: Day, endedFrom start: Day, policy: RulePolicy, rules: RulesVersion
    ) throws -> (evaluation: Evaluation, ended: [Verdict]) {
        var facts = try load(db, solutions: nil, fallback: day)
        facts.active = try active(db, on: day)
        let ended = try usages(
            db, where: "until >= ? AND until < ? AND since <= until", arguments: [start.description, day.description]
        ).compactMap { usage, until in until.map { (usage, $0) } }
        return (
            facts.evaluate(asOf: day, policy: policy, rules: rules), facts.judge(ended, policy: policy, rules: rules)
        )
    }

    /// Everything the rules read except the usages: solutions (only `selected`, when given), vendors, services,
    /// the evidence that can count, and what it covers.
    private static func load(_ db: Database, solutions selected: Set<Int64>?, fallback day: Day) throws
        -> EvaluationFacts
    {
        var facts = EvaluationFacts()
        try loadScope(into: &facts, db, solutions: selected)
        try loadEvidence(into: &facts, db, fallback: day)
        try loadCoverage(into: &facts, db)
        return facts
    }

    /// Solutions (only `selected`, when given) with their owners, vendors and services.
    private static func loadScope(into facts: inout EvaluationFacts, _ db: Database, solutions selected: Set<Int64>?)
        throws
    {
        var owners = ByID<[(id: Int64, kind: AuthorityKind)]>()
        try Row.fetchCursor(
            db,
            sql: """
                SELECT o.solutionId, o.authorityId, a.kind FROM solutionOwner o JOIN authority a ON a.id = o.authorityId
                ORDER BY 1, 2
                """
        ).forEach { row in
            owners.append((row[1], row[2]), to: row[0])
        }
        try Row.fetchCursor(db, sql: "SELECT id, name, kind, mandatory, audience FROM solution ORDER BY id").forEach {
            row in
            let id: Int64 = row[0]
            if let selected, !selected.contains(id) { return }
            facts.addSolution(
                id: id, name: row[1], kind: row[2], mandatory: row[3], audience: row[4], owners: owners[id] ?? [])
        }
        try Row.fetchCursor(db, sql: "SELECT id, name FROM vendor").forEach { row in facts.vendorNames[row[0]] = row[1]
        }
        try Row.fetchCursor(db, sql: "SELECT id, name, vendorId FROM service").forEach { row in
            facts.services[row[0]] = (row[1], row[2])
        }
    }

    /// What each piece of evidence covers, withdrawn or not, in the table's order.
    private static func loadCoverage(into facts: inout EvaluationFacts, _ db: Database) throws {
        try RawRows.forEach(db, "SELECT evidenceId, usageId, serviceId, vendorId FROM coverage") { row in
            if let usage = row.optionalInt(1) {
                facts.addCoverage(evidence: row.int(0), target: RecordID(.usage, usage))
            } else if let service = row.optionalInt(2) {
                facts.addCoverage(evidence: row.int(0), target: RecordID(.service, service))
            } else if let vendor = row.optionalInt(3) {
                facts.addCoverage(evidence: row.int(0), target: RecordID(.vendor, vendor))
            }
        }
    }

    /// The usages active on `day`.
    private static func active(_ db: Database, on day: Day) throws -> [EvaluationFacts.UsageFacts] {
        let dayText = day.description
        return try usages(db, where: "since <= ? AND (until IS NULL OR until >= ?)", arguments: [dayText, dayText])
            .map(\.usage)
    }

    /// The usages whose rows meet `condition`, as the rules read them, each with its last day if it has one.
    private static func usages(_ db: Database, where condition: String, arguments: StatementArguments) throws
        -> [(usage: EvaluationFacts.UsageFacts, until: Day?)]
    {
        let routes = cases(of: Route.self)
        let answers = cases(of: OwnPurposes.self)
        var usages: [(usage: EvaluationFacts.UsageFacts, until: Day?)] = []
        try RawRows.forEach(
            db, "SELECT id, solutionId, serviceId, route, vendorOwnPurposes, until FROM usage WHERE \(condition)",
            arguments: arguments
        ) { row in
            // Values the enums do not know (only a tampered database has them) claim nothing.
            usages.append(
                (
                    EvaluationFacts.UsageFacts(
                        solution: row.int(1), id: row.int(0), service: row.int(2),
                        route: row.match(3, routes) ?? .none, ownPurposes: row.match(4, answers) ?? .unknown),
                    try row.day(text: 5)
                ))
        }
        return usages
    }

    /// SQL for a `YYYY-MM-DD` column as days since 1970, so that rows carry integers instead of text to parse.
    static func ordinal(_ column: String) -> String {
        "CAST(julianday(\(column)) - 2440587.5 AS INTEGER)"
    }

    /// An enum's cases with the bytes of their raw values, for `RawRows.match`: rows carry text, and comparing
    /// it in SQL (`CASE`) cost status more than reading it.
    static func cases<Value: CaseIterable & RawRepresentable>(of type: Value.Type) -> [(bytes: [UInt8], value: Value)]
    where Value.RawValue == String {
        type.allCases.map { (Array($0.rawValue.utf8), $0) }
    }

    /// The bytes of the characters `Rules.citesClause` ignores.
    static let blankClause = Rules.blankClauseCharacters.map { $0.asciiValue! }

    /// The evidence that can count, with its parties and what supersedes it: withdrawn evidence never counts.
    static func loadEvidence(into facts: inout EvaluationFacts, _ db: Database, fallback: Day) throws {
        try loadEvidenceRows(into: &facts, db, fallback: fallback)
        try loadParties(into: &facts, db)
    }

    /// The evidence that can count, with what supersedes it, without its parties.
    private static func loadEvidenceRows(into facts: inout EvaluationFacts, _ db: Database, fallback: Day) throws {
        let kinds = cases(of: EvidenceKind.self)
        // Sized at once: growing the table copied it several times over.
        facts.reserveEvidence(try Int.fetchOne(db, sql: "SELECT count(*) FROM evidence") ?? 0)
        try RawRows.forEach(
            db,
            """
            SELECT id, kind, captured, signed, validFrom, validUntil, reviewBy, noticeDays, clause,
                   substr(filedAt, 1, 10), allState, supersedesId
            FROM evidence WHERE withdrawnAt IS NULL
            """
        ) { row in
            let id = row.int(0)
            // A kind the enum does not know (only a tampered database has one) proves nothing. A clause cites
            // something when any byte is not blank, as SQL's `trim` told `blankClause` would find (`trim` allocated
            // for each row).
            facts.addEvidence(
                Rules.EvidenceFacts(
                    id: RecordID(.evidence, id), kind: row.match(1, kinds) ?? .other, captured: try row.day(text: 2),
                    signed: try row.day(text: 3), validFrom: try row.day(text: 4), validUntil: try row.day(text: 5),
                    reviewBy: try row.day(text: 6), noticeDays: row.optionalInt(7).map(Int.init),
                    hasClause: row.bytes(8)?.contains { !blankClause.contains($0) } ?? false,
                    filed: try row.day(text: 9) ?? fallback, allState: row.int(10) != 0))
            if let predecessor = row.optionalInt(11) {
                facts.addSupersession(successor: id, predecessor: predecessor)
            }
        }
    }

    /// Every piece of evidence's parties.
    private static func loadParties(into facts: inout EvaluationFacts, _ db: Database) throws {
        try RawRows.forEach(db, "SELECT evidenceId, authorityId FROM evidenceParty ORDER BY 1, 2") { row in
            facts.addParty(evidence: row.int(0), authority: row.int(1))
        }
    }
}
