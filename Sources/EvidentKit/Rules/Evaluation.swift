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
    /// The version of the rules the verdicts were made under.
    public var rules: RulesVersion
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
        asOf day: Day, filter: Selection = .all, policy: RulePolicy? = nil, rules: RulesVersion = .current
    ) throws -> Evaluation {
        try Rules.checkReferenceDay(day, field: .asOf, rules: rules)
        let policy = try policy ?? self.policy()
        return try read { db in
            let selected = try solutions(in: filter, db).ids.map(Set.init)
            return try EvaluationLoader.evaluate(db, asOf: day, solutions: selected, policy: policy, rules: rules)
        }
    }
}
