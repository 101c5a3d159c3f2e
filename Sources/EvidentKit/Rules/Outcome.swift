/// The outcome for one usage on a reference date, from best to worst.
public enum Outcome: String, Sendable, Codable, CaseIterable, Comparable {
    case compliant
    case expiring
    case missingEvidence = "missing-evidence"
    case nonCompliant = "non-compliant"
    case outOfScope = "out-of-scope"

    /// How bad an outcome is, for failing a run on it; out of scope is not a failure.
    public var severity: Int {
        switch self {
        case .outOfScope, .compliant: 0
        case .expiring: 1
        case .missingEvidence: 2
        case .nonCompliant: 3
        }
    }

    /// How many of `verdicts` have each outcome, by its name; every outcome is present, if only as 0.
    static func totals(_ verdicts: some Sequence<Verdict>) -> [String: Int] {
        var totals = Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, 0) })
        for verdict in verdicts { totals[verdict.outcome.rawValue, default: 0] += 1 }
        return totals
    }

    public static func < (lhs: Outcome, rhs: Outcome) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
