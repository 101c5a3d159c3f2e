import GRDB

/// A day by which a piece of evidence that counts must be reviewed, renewed or given notice on.
public struct DueItem: Sendable, Codable, Equatable {
    /// The day by which to act.
    public var day: Day
    /// Days from the day counted from to `day`; negative when the day has passed.
    public var daysLeft: Int
    /// Whether the day has passed while the evidence still counts: nothing has superseded it or withdrawn it yet.
    public var overdue: Bool
    /// What is due: a review, the end of validity, or the last day to give notice.
    public var deadline: Rules.Deadline.Kind
    /// The evidence concerned.
    public var evidence: RecordID
    /// What that evidence is.
    public var kind: EvidenceKind
    /// Its title.
    public var title: String
    /// What it covers, in id order.
    public var covers: [RecordID]
}

extension Registry {
    /// The deadlines of counting evidence up to `days` after `day`, earliest first: first those already passed
    /// (overdue), then those from `day` on.
    ///
    /// Evidence a successor supersedes counts until the day before the successor starts: its deadlines after
    /// that are not due, and its passed deadlines stop being overdue once the successor has started, as they do
    /// when the evidence is withdrawn.
    public func due(from day: Day, within days: Int) throws -> [DueItem] {
        try Validate.number(days, field: .within, in: Limits.days, unit: "days")
        try Rules.checkReferenceDay(day, field: .from)
        let policy = try self.policy()
        return try read { db in
            var facts = EvaluationFacts()
            try EvaluationLoader.loadEvidence(into: &facts, db, fallback: day)
            facts.markSuperseded()
            var titles: [Int64: String] = [:]
            try Row.fetchCursor(db, sql: "SELECT id, title FROM evidence WHERE withdrawnAt IS NULL").forEach {
                titles[$0[0]] = $0[1]
            }
            var covers: [Int64: [RecordID]] = [:]
            for coverage in try CoverageRecord.fetchAll(db) {
                covers[coverage.evidenceId, default: []].append(coverage.target)
            }
            let last = day.adding(days: days)
            var items: [DueItem] = []
            for item in facts.evidence where item.superseded != .entirely {
                let counts: Day? = if case .from(let start) = item.superseded { start.adding(days: -1) } else { nil }
                // Passed deadlines of evidence that still counts stay listed until it is superseded or withdrawn.
                guard (counts ?? day) >= day else { continue }
                for deadline in Rules.validity(of: item, policy: policy).deadlines
                where deadline.day <= min(last, counts ?? last) {
                    items.append(
                        DueItem(
                            day: deadline.day, daysLeft: deadline.day.ordinal - day.ordinal,
                            overdue: deadline.day < day, deadline: deadline.kind, evidence: item.id, kind: item.kind,
                            title: titles[item.id.number] ?? "",
                            covers: (covers[item.id.number] ?? []).sorted()))
                }
            }
            // Passed days sort first, so overdue items lead.
            return items.sorted { ($0.day, $0.evidence) < ($1.day, $1.evidence) }
        }
    }
}
