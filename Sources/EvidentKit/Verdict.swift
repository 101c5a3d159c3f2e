/// The outcome for one usage on a reference date, from best to worst.
public enum Outcome: String, Sendable, Codable, CaseIterable, Comparable {
    case compliant
    case expiring
    case missingEvidence = "missing-evidence"
    case nonCompliant = "non-compliant"
    case outOfScope = "out-of-scope"

    /// How bad an outcome is for `--fail-on`; out of scope is not a failure.
    public var severity: Int {
        switch self {
        case .outOfScope, .compliant: 0
        case .expiring: 1
        case .missingEvidence: 2
        case .nonCompliant: 3
        }
    }

    /// How many of `verdicts` have each outcome, by its name; every outcome is present, if only as 0.
    public static func totals(_ verdicts: some Sequence<Verdict>) -> [String: Int] {
        var totals = Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, 0) })
        for verdict in verdicts { totals[verdict.outcome.rawValue, default: 0] += 1 }
        return totals
    }

    public static func < (lhs: Outcome, rhs: Outcome) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The verdict on one usage: its outcome, the rule it rests on, why, and the evidence it used.
public struct Verdict: Sendable, Codable, Equatable {
    public var usage: RecordID
    public var solution: RecordID
    public var solutionName: String
    public var authorities: [RecordID]
    public var service: RecordID
    public var serviceName: String
    public var vendor: RecordID
    public var vendorName: String
    public var route: Route
    public var vendorOwnPurposes: OwnPurposes
    public var outcome: Outcome
    /// The rule cited, such as `§3.1 R2` or `§2 S4`.
    public var rule: String
    public var reason: String
    /// The evidence the verdict rests on (or that was considered and found wanting).
    public var evidence: [RecordID]
    /// When the proof next lapses (review date, end of validity, or last day to give notice), if it does.
    public var lapses: Day?
}

/// How the rules are tuned for one registry.
public struct RulePolicy: Sendable, Codable, Equatable {
    /// Opt-out evidence without a review date is due for review this many months after capture.
    public var optOutReviewMonths: Int
    /// Compliant usages whose proof lapses within this many days are reported as expiring.
    public var warningDays: Int

    public static let standard = RulePolicy(optOutReviewMonths: 12, warningDays: 60)

    public init(optOutReviewMonths: Int, warningDays: Int) {
        self.optOutReviewMonths = optOutReviewMonths
        self.warningDays = warningDays
    }
}
