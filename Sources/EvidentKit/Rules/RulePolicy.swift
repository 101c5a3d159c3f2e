/// How the rules are tuned for one registry.
public struct RulePolicy: Sendable, Codable, Equatable {
    /// Opt-out evidence without a review date is due for review this many months after capture.
    public var optOutReviewMonths: Int
    /// Compliant usages whose proof lapses within this many days are reported as expiring.
    public var warningDays: Int

    /// The defaults: opt-out evidence due for review after 12 months, a warning window of 60 days.
    public static let standard = RulePolicy(optOutReviewMonths: 12, warningDays: 60)

    /// A policy with the review period and warning window given.
    public init(optOutReviewMonths: Int, warningDays: Int) {
        self.optOutReviewMonths = optOutReviewMonths
        self.warningDays = warningDays
    }
}
