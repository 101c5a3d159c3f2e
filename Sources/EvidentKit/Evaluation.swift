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

    /// How many verdicts have each outcome, by its name; every outcome is present.
    public var totals: [String: Int] { Outcome.totals(verdicts) }

    /// The worst severity among the verdicts (0 when all are compliant or out of scope).
    public var worstSeverity: Int { verdicts.map(\.outcome.severity).max() ?? 0 }
}

extension Registry {
    /// Evaluates every usage active on `day` (§2 scope, then §3.1 route) in one read.
    public func evaluate(
        asOf day: Day, filter: Selection = .all, policy: RulePolicy? = nil
    ) throws -> Evaluation {
        let policy = try policy ?? self.policy()
        return try read { db in
            let selected = try solutions(in: filter, db).ids.map(Set.init)
            return try EvaluationLoader.evaluate(db, asOf: day, solutions: selected, policy: policy)
        }
    }
}

/// Everything the rules read about a registry, indexed by row id; built from the database or from a
/// bundle's registry.json, then judged the same way.
struct EvaluationFacts {
    /// A usage active on the reference day.
    struct ActiveUsage {
        var solution: Int64
        var id: Int64
        var service: Int64
        var route: Route
        var ownPurposes: OwnPurposes
    }

    var solutions = ByID<Evaluation.SolutionScope>()
    var order: [Int64] = []
    var vendorNames = ByID<String>()
    var services = ByID<(name: String, vendor: Int64)>()
    /// Evidence that can count: superseded and withdrawn evidence is left out.
    var evidence = ByID<Rules.EvidenceFacts>()
    var byUsage = ByID<[Int64]>()
    var byService = ByID<[Int64]>()
    var byVendor = ByID<[Int64]>()
    var active: [ActiveUsage] = []

    mutating func addSolution(
        id: Int64, name: String, kind: SolutionKind, mandatory: Bool, audience: Audience,
        owners: [(id: Int64, kind: AuthorityKind)]
    ) {
        let scope = Scope(kind: kind, mandatory: mandatory, audience: audience, ownerKinds: owners.map(\.kind))
        solutions[id] = Evaluation.SolutionScope(
            id: RecordID(.solution, id), name: name, kind: kind,
            authorities: owners.map { RecordID(.authority, $0.id) },
            covered: scope.covered, failures: scope.failures)
        order.append(id)
    }

    /// Records that evidence covers a usage, service or vendor, if the evidence counts.
    mutating func addCoverage(evidence evidenceId: Int64, target: RecordID) {
        guard evidence[evidenceId] != nil else { return }
        switch target.kind {
        case .usage: byUsage.append(evidenceId, to: target.number)
        case .service: byService.append(evidenceId, to: target.number)
        case .vendor: byVendor.append(evidenceId, to: target.number)
        default: break
        }
    }

    /// Judges every active usage: §2 scope first, then the §3.1 route against the evidence that covers it.
    func evaluate(asOf day: Day, policy: RulePolicy) -> Evaluation {
        let active = self.active.sorted { ($0.solution, $0.id) < ($1.solution, $1.id) }
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
        return Evaluation(asOf: day, policy: policy, solutions: order.compactMap { solutions[$0] }, verdicts: verdicts)
    }
}

/// Loads the facts the rules read in a few bulk queries.
enum EvaluationLoader {
    static func evaluate(_ db: Database, asOf day: Day, solutions selected: Set<Int64>?, policy: RulePolicy) throws
        -> Evaluation
    {
        var facts = EvaluationFacts()
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
        facts.evidence = try countingEvidence(db, fallback: day)
        try RawRows.forEach(db, "SELECT evidenceId, usageId, serviceId, vendorId FROM coverage") { row in
            if let usage = row.optionalInt(1) {
                facts.addCoverage(evidence: row.int(0), target: RecordID(.usage, usage))
            } else if let service = row.optionalInt(2) {
                facts.addCoverage(evidence: row.int(0), target: RecordID(.service, service))
            } else if let vendor = row.optionalInt(3) {
                facts.addCoverage(evidence: row.int(0), target: RecordID(.vendor, vendor))
            }
        }
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
            facts.active.append(
                EvaluationFacts.ActiveUsage(
                    solution: row.int(1), id: row.int(0), service: row.int(2),
                    route: row.isNull(3) ? .none : routes[Int(row.int(3))],
                    ownPurposes: row.isNull(4) ? .unknown : answers[Int(row.int(4))]))
        }
        return facts.evaluate(asOf: day, policy: policy)
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
