import GRDB

/// The verdicts on every usage active on a reference date, with the scope of every solution considered.
public struct Evaluation: Sendable, Encodable, Equatable {
    /// A solution and whether §2 covers it.
    public struct SolutionScope: Sendable, Encodable, Equatable {
        /// The solution's id.
        public var id: RecordID
        /// Its name.
        public var name: String
        /// What it is.
        public var kind: SolutionKind
        /// The authorities that own it, in id order.
        public var authorities: [RecordID]
        /// Whether §2 covers it.
        public var covered: Bool
        /// The §2 conditions that fail, with reasons; empty when covered.
        public var failures: [Scope.Failure]
    }

    /// The reference date: the usages active on it are judged.
    public var asOf: Day
    /// The version of the rules the verdicts were made under.
    public var rules: RulesVersion
    /// The rule policy the verdicts were made with.
    public var policy: RulePolicy
    /// Every solution considered, with its §2 scope, in id order.
    public var solutions: [SolutionScope]
    /// One verdict per usage active on the reference date, by solution, then usage.
    public var verdicts: [Verdict]

    /// How many verdicts have each outcome, by its name; every outcome is present.
    public var totals: [String: Int] { Outcome.totals(verdicts) }
}

extension Registry {
    /// Evaluates every usage active on `day` (§2 scope, then §3.1 route) in one read.
    public func evaluate(
        asOf day: Day, filter: Selection = .all, policy: RulePolicy? = nil, rules: RulesVersion = .current
    ) throws -> Evaluation {
        try evaluate(asOf: day, filter: filter, policy: policy, rules: rules, betweenSnapshots: {})
    }

    /// `evaluate`, running `betweenSnapshots` where the two connections it loads on take their snapshots (for
    /// tests).
    func evaluate(
        asOf day: Day, filter: Selection, policy: RulePolicy?, rules: RulesVersion,
        betweenSnapshots: () throws -> Void
    ) throws -> Evaluation {
        try Rules.checkReferenceDay(day, field: .asOf, rules: rules)
        let policy = try policy ?? self.policy()
        let select = { (db: Database) in try solutions(in: filter, db).ids.map(Set.init) }
        guard let pool else {
            return try read { db in
                try EvaluationLoader.evaluate(db, asOf: day, solutions: select(db), policy: policy, rules: rules)
            }
        }
        return try Self.storageErrors {
            try EvaluationLoader.evaluate(
                reader, alongside: pool, asOf: day, solutions: select, policy: policy, rules: rules,
                betweenSnapshots: betweenSnapshots)
        }
    }
}
