/// The versions of the rules evident has judged by, kept side by side.
///
/// A bundle names the version its verdicts were made under, and `bundle verify` re-judges it under that
/// version, so that a bundle sealed today verifies with the evident of years from now. A version, once
/// shipped, never changes: a change to the rules is a new version.
public enum RulesVersion: Int, Sendable, Codable, CaseIterable, Comparable {
    /// The rules as first shipped (`RulesV1`).
    case v1 = 1
    /// The rules after a close reading of the guidance (`RulesV2`): any route that holds, the evidence's
    /// parties, dates that mean what they say.
    case v2 = 2

    /// The version new verdicts are made under.
    public static let current = RulesVersion.v2

    /// Orders versions oldest first.
    public static func < (lhs: RulesVersion, rhs: RulesVersion) -> Bool { lhs.rawValue < rhs.rawValue }
}
