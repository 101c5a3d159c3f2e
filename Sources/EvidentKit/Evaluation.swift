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
            try SettingRecord(key: setting.rawValue, value: String(value)).upsert(db)
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
        var owners: [Int64: [(id: Int64, kind: AuthorityKind)]] = [:]
        try Row.fetchCursor(
            db,
            sql:
                "SELECT o.solutionId, o.authorityId, a.kind FROM solutionOwner o JOIN authority a ON a.id = o.authorityId ORDER BY 1, 2"
        ).forEach { row in
            owners[row[0], default: []].append((row[1], row[2]))
        }
        var solutions: [Int64: Evaluation.SolutionScope] = [:]
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

        var vendorNames: [Int64: String] = [:]
        try Row.fetchCursor(db, sql: "SELECT id, name FROM vendor").forEach { row in vendorNames[row[0]] = row[1] }
        var services: [Int64: (name: String, vendor: Int64)] = [:]
        try Row.fetchCursor(db, sql: "SELECT id, name, vendorId FROM service").forEach { row in
            services[row[0]] = (row[1], row[2])
        }

        let evidence = try countingEvidence(db, fallback: day)
        var byUsage: [Int64: [Int64]] = [:]
        var byService: [Int64: [Int64]] = [:]
        var byVendor: [Int64: [Int64]] = [:]
        try Row.fetchCursor(db, sql: "SELECT evidenceId, usageId, serviceId, vendorId FROM coverage").forEach { row in
            let evidenceId: Int64 = row[0]
            guard evidence[evidenceId] != nil else { return }
            if let usage: Int64 = row[1] {
                byUsage[usage, default: []].append(evidenceId)
            } else if let service: Int64 = row[2] {
                byService[service, default: []].append(evidenceId)
            } else if let vendor: Int64 = row[3] {
                byVendor[vendor, default: []].append(evidenceId)
            }
        }

        var verdicts: [Verdict] = []
        let dayText = day.description
        try Row.fetchCursor(
            db,
            sql: """
                SELECT id, solutionId, serviceId, route, vendorOwnPurposes FROM usage
                WHERE since <= ? AND (until IS NULL OR until >= ?) ORDER BY solutionId, id
                """, arguments: [dayText, dayText]
        ).forEach { row in
            let (id, solutionId, serviceId): (Int64, Int64, Int64) = (row[0], row[1], row[2])
            guard let solution = solutions[solutionId], let service = services[serviceId] else { return }
            let route: Route = row[3]
            let ownPurposes: OwnPurposes = row[4]
            let finding: Rules.Finding
            if let failure = solution.failures.first {
                finding = Rules.Finding(
                    outcome: .outOfScope, rule: failure.condition.citation,
                    reason: "\(solution.name) is not covered: \(failure.reason); the cookie order alone applies",
                    evidence: [])
            } else {
                var ids = Set(byUsage[id] ?? [])
                ids.formUnion(byService[serviceId] ?? [])
                ids.formUnion(byVendor[service.vendor] ?? [])
                finding = Rules.judge(
                    route: route, ownPurposes: ownPurposes, evidence: ids.compactMap { evidence[$0] }, on: day,
                    policy: policy)
            }
            verdicts.append(
                Verdict(
                    usage: RecordID(.usage, id), solution: solution.id, solutionName: solution.name,
                    authorities: solution.authorities, service: RecordID(.service, serviceId),
                    serviceName: service.name,
                    vendor: RecordID(.vendor, service.vendor), vendorName: vendorNames[service.vendor] ?? "",
                    route: route, vendorOwnPurposes: ownPurposes, outcome: finding.outcome, rule: finding.rule,
                    reason: finding.reason, evidence: finding.evidence, lapses: finding.lapses))
        }
        return Evaluation(
            asOf: day, policy: policy, solutions: order.compactMap { solutions[$0] }, verdicts: verdicts)
    }

    /// The evidence that can count: superseded and withdrawn evidence never does.
    static func countingEvidence(_ db: Database, fallback day: Day) throws -> [Int64: Rules.EvidenceFacts] {
        var evidence: [Int64: Rules.EvidenceFacts] = [:]
        try Row.fetchCursor(
            db,
            sql: """
                SELECT id, kind, captured, signed, validFrom, validUntil, reviewBy, noticeDays,
                       clause IS NOT NULL AND trim(clause) <> '', substr(filedAt, 1, 10)
                FROM evidence e
                WHERE withdrawnAt IS NULL AND NOT EXISTS (
                  SELECT 1 FROM evidence n WHERE n.supersedesId = e.id AND n.withdrawnAt IS NULL)
                """
        ).forEach { row in
            let id: Int64 = row[0]
            let filedText: String = row[9]
            evidence[id] = Rules.EvidenceFacts(
                id: RecordID(.evidence, id), kind: row[1], captured: row[2], signed: row[3], validFrom: row[4],
                validUntil: row[5], reviewBy: row[6], noticeDays: row[7], hasClause: row[8],
                filed: (try? Day(parsing: filedText)) ?? day)
        }
        return evidence
    }
}
