import GRDB

/// The verdicts on every usage active on a reference date, with the scope of every solution considered.
public struct Evaluation: Sendable, Codable, Equatable {
    /// A solution and whether §2 covers it.
    public struct SolutionScope: Sendable, Codable, Equatable {
        public var id: RecordID
        public var name: String
        public var kind: SolutionKind
        public var authorities: [RecordID]
        public var covered: Bool
        /// The §2 conditions that fail, with reasons; empty when covered.
        public var failures: [Scope.Failure]
    }

    public var asOf: Day
    public var policy: RulePolicy
    public var solutions: [SolutionScope]
    public var verdicts: [Verdict]

    /// How many verdicts have each outcome; every outcome is present.
    public var totals: [Outcome: Int] {
        var totals = Dictionary(uniqueKeysWithValues: Outcome.allCases.map { ($0, 0) })
        for verdict in verdicts { totals[verdict.outcome, default: 0] += 1 }
        return totals
    }

    /// The worst severity among the verdicts (0 when all are compliant or out of scope).
    public var worstSeverity: Int { verdicts.map(\.outcome.severity).max() ?? 0 }
}

/// Which part of the registry to evaluate.
public enum EvaluationFilter: Sendable {
    case all
    case solution(String)
    case authority(String)
}

/// The setting keys of a home, and their defaults.
public enum Setting: String, Sendable, CaseIterable {
    case optOutReviewMonths = "opt-out-review-months"
    case warningDays = "warning-days"

    public var defaultValue: Int {
        switch self {
        case .optOutReviewMonths: RulePolicy.standard.optOutReviewMonths
        case .warningDays: RulePolicy.standard.warningDays
        }
    }

    public var summary: String {
        switch self {
        case .optOutReviewMonths: "months after capture that opt-out evidence without --review-by is due for review"
        case .warningDays: "days before a lapse that a compliant usage is reported as expiring"
        }
    }
}

extension Registry {
    /// The rule policy stored in this home's settings.
    public func policy() throws -> RulePolicy {
        let values = try settings()
        return RulePolicy(
            optOutReviewMonths: values[.optOutReviewMonths] ?? Setting.optOutReviewMonths.defaultValue,
            warningDays: values[.warningDays] ?? Setting.warningDays.defaultValue)
    }

    /// Every setting with its current value.
    public func settings() throws -> [Setting: Int] {
        try read { db in
            var values = Dictionary(uniqueKeysWithValues: Setting.allCases.map { ($0, $0.defaultValue) })
            for record in try SettingRecord.fetchAll(db) {
                if let key = Setting(rawValue: record.key), let value = Int(record.value) { values[key] = value }
            }
            return values
        }
    }

    /// Changes a setting of this home.
    public func set(_ setting: Setting, to value: Int, _ context: ChangeContext) throws {
        guard (0...3650).contains(value) else {
            throw InputError(field: setting.rawValue, value: String(value), reason: "expected 0 to 3650")
        }
        try write(context) { db in
            try SettingRecord(key: setting.rawValue, value: String(value)).insert(db, onConflict: .replace)
            return ((), [])
        }
    }

    /// Evaluates every usage active on `day` (§2 scope, then §3.1 route) in one read.
    public func evaluate(
        asOf day: Day, filter: EvaluationFilter = .all, policy: RulePolicy? = nil
    ) throws -> Evaluation {
        let policy = try policy ?? self.policy()
        return try read { db in
            let selected: Set<Int64>?
            switch filter {
            case .all: selected = nil
            case .solution(let reference):
                selected = [try resolve(reference, field: "--solution", kinds: [.solution], db).number]
            case .authority(let reference):
                let authority = try resolve(reference, field: "--authority", kinds: [.authority], db)
                selected = Set(
                    try Int64.fetchAll(
                        db, sql: "SELECT solutionId FROM solutionOwner WHERE authorityId = ?",
                        arguments: [authority.number]))
            }
            return try EvaluationLoader.evaluate(db, asOf: day, solutions: selected, policy: policy)
        }
    }
}

/// Loads the facts the rules read in a few bulk queries and judges every usage.
enum EvaluationLoader {
    static func evaluate(_ db: Database, asOf day: Day, solutions selected: Set<Int64>?, policy: RulePolicy) throws
        -> Evaluation
    {
        var owners = ByID<[(id: Int64, kind: AuthorityKind)]>()
        try Row.fetchCursor(
            db,
            sql:
                "SELECT o.solutionId, o.authorityId, a.kind FROM solutionOwner o JOIN authority a ON a.id = o.authorityId ORDER BY 1, 2"
        ).forEach { row in
            owners.append((row[1], row[2]), to: row[0])
        }
        var solutions = ByID<Evaluation.SolutionScope>()
        var order: [Int64] = []
        try Row.fetchCursor(db, sql: "SELECT id, name, kind, mandatory, audience FROM solution ORDER BY id").forEach {
            row in
            let id: Int64 = row[0]
            if let selected, !selected.contains(id) { return }
            let solutionOwners = owners[id] ?? []
            let scope = Scope(kind: row[2], mandatory: row[3], audience: row[4], ownerKinds: solutionOwners.map(\.kind))
            solutions[id] = Evaluation.SolutionScope(
                id: RecordID(.solution, id), name: row[1], kind: row[2],
                authorities: solutionOwners.map { RecordID(.authority, $0.id) }, covered: scope.covered,
                failures: scope.failures)
            order.append(id)
        }

        var vendorNames = ByID<String>()
        try Row.fetchCursor(db, sql: "SELECT id, name FROM vendor").forEach { row in vendorNames[row[0]] = row[1] }
        var services = ByID<(name: String, vendor: Int64)>()
        try Row.fetchCursor(db, sql: "SELECT id, name, vendorId FROM service").forEach { row in
            services[row[0]] = (row[1], row[2])
        }

        let evidence = try countingEvidence(db, fallback: day)
        var byUsage = ByID<[Int64]>()
        var byService = ByID<[Int64]>()
        var byVendor = ByID<[Int64]>()
        try RawRows.forEach(db, "SELECT evidenceId, usageId, serviceId, vendorId FROM coverage") { row in
            let evidenceId = row.int(0)
            guard evidence[evidenceId] != nil else { return }
            if let usage = row.optionalInt(1) {
                byUsage.append(evidenceId, to: usage)
            } else if let service = row.optionalInt(2) {
                byService.append(evidenceId, to: service)
            } else if let vendor = row.optionalInt(3) {
                byVendor.append(evidenceId, to: vendor)
            }
        }

        // Usages in report order, sorted here rather than in SQL: a table scan beats visiting rows in index order.
        var active: [(solution: Int64, id: Int64, service: Int64, route: Route, ownPurposes: OwnPurposes)] = []
        let routes = Array(Route.allCases)
        let answers = Array(OwnPurposes.allCases)
        let dayText = day.description
        try RawRows.forEach(
            db,
            """
            SELECT id, solutionId, serviceId, \(caseIndex("route", Route.self)),
                   \(caseIndex("vendorOwnPurposes", OwnPurposes.self))
            FROM usage WHERE since <= ? AND (until IS NULL OR until >= ?)
            """, arguments: [dayText, dayText]
        ) { row in
            // Values the enums do not know (only a tampered database has them) claim nothing.
            let route = row.isNull(3) ? Route.none : routes[Int(row.int(3))]
            let ownPurposes = row.isNull(4) ? OwnPurposes.unknown : answers[Int(row.int(4))]
            active.append((row.int(1), row.int(0), row.int(2), route, ownPurposes))
        }
        active.sort { ($0.solution, $0.id) < ($1.solution, $1.id) }

        var verdicts: [Verdict] = []
        verdicts.reserveCapacity(active.count)
        var outOfScopeReasons = ByID<String>()
        var candidates: [Int64] = []
        var facts: [Rules.EvidenceFacts] = []
        for usage in active {
            guard let solution = solutions[usage.solution], let service = services[usage.service] else { continue }
            let finding: Rules.Finding
            if let failure = solution.failures.first {
                let reason =
                    outOfScopeReasons[usage.solution]
                    ?? "\(solution.name) is not covered: \(failure.reason); the cookie order alone applies"
                outOfScopeReasons[usage.solution] = reason
                finding = Rules.Finding(
                    outcome: .outOfScope, rule: failure.condition.citation, reason: reason, evidence: [])
            } else {
                // The same evidence may cover a usage at several levels; count it once.
                candidates.removeAll(keepingCapacity: true)
                candidates += byUsage[usage.id] ?? []
                candidates += byService[usage.service] ?? []
                candidates += byVendor[service.vendor] ?? []
                candidates.sort()
                facts.removeAll(keepingCapacity: true)
                for (index, evidenceId) in candidates.enumerated()
                where index == 0 || candidates[index - 1] != evidenceId {
                    if let item = evidence[evidenceId] { facts.append(item) }
                }
                finding = Rules.judge(
                    route: usage.route, ownPurposes: usage.ownPurposes, evidence: facts, on: day, policy: policy)
            }
            verdicts.append(
                Verdict(
                    usage: RecordID(.usage, usage.id), solution: solution.id, solutionName: solution.name,
                    authorities: solution.authorities, service: RecordID(.service, usage.service),
                    serviceName: service.name, vendor: RecordID(.vendor, service.vendor),
                    vendorName: vendorNames[service.vendor] ?? "", route: usage.route,
                    vendorOwnPurposes: usage.ownPurposes, outcome: finding.outcome, rule: finding.rule,
                    reason: finding.reason, evidence: finding.evidence, lapses: finding.lapses))
        }
        return Evaluation(
            asOf: day, policy: policy, solutions: order.compactMap { solutions[$0] }, verdicts: verdicts)
    }

    /// SQL for a `YYYY-MM-DD` column as days since 1970, so that rows carry integers instead of text to parse.
    static func ordinal(_ column: String) -> String {
        "CAST(julianday(\(column)) - 2440587.5 AS INTEGER)"
    }

    /// SQL for a text column as the position of its value among an enum's cases, so rows carry integers.
    static func caseIndex<Value: CaseIterable & RawRepresentable>(_ column: String, _ type: Value.Type) -> String
    where Value.RawValue == String {
        "CASE \(column) " + type.allCases.enumerated().map { "WHEN '\($1.rawValue)' THEN \($0) " }.joined() + "END"
    }

    /// The evidence that can count: superseded and withdrawn evidence never does.
    static func countingEvidence(_ db: Database, fallback: Day) throws -> ByID<Rules.EvidenceFacts> {
        var evidence = ByID<Rules.EvidenceFacts>()
        let kinds = Array(EvidenceKind.allCases)
        try RawRows.forEach(
            db,
            """
            SELECT id, \(caseIndex("kind", EvidenceKind.self)), \(ordinal("captured")), \(ordinal("signed")),
                   \(ordinal("validFrom")), \(ordinal("validUntil")), \(ordinal("reviewBy")), noticeDays,
                   clause IS NOT NULL AND trim(clause) <> '', \(ordinal("substr(filedAt, 1, 10)"))
            FROM evidence e
            WHERE withdrawnAt IS NULL AND NOT EXISTS (
              SELECT 1 FROM evidence n WHERE n.supersedesId = e.id AND n.withdrawnAt IS NULL)
            """
        ) { row in
            let id = row.int(0)
            // A kind the enum does not know (only a tampered database has one) proves nothing.
            let kind = row.isNull(1) ? EvidenceKind.other : kinds[Int(row.int(1))]
            evidence[id] = Rules.EvidenceFacts(
                id: RecordID(.evidence, id), kind: kind, captured: row.day(2), signed: row.day(3),
                validFrom: row.day(4), validUntil: row.day(5), reviewBy: row.day(6),
                noticeDays: row.optionalInt(7).map(Int.init), hasClause: row.int(8) != 0,
                filed: row.day(9) ?? fallback)
        }
        return evidence
    }
}
