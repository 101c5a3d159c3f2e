/// The outcome for one usage on a reference date, from best to worst.
public enum Outcome: String, Sendable, Codable, CaseIterable, Comparable {
    /// The claimed route is proven on the day.
    case compliant
    /// Compliant, but the proof lapses within the warning window.
    case expiring
    /// A route is claimed but not proven on the day.
    case missingEvidence = "missing-evidence"
    /// No route is claimed, or R3 is claimed while the vendor can use the data for its own purposes.
    case nonCompliant = "non-compliant"
    /// The solution fails a §2 condition, so the guidance does not apply.
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

    /// Orders outcomes from best to worst.
    public static func < (lhs: Outcome, rhs: Outcome) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
