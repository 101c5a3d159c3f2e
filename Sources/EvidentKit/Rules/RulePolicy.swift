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
