/// The ranges the numbers and texts the registry takes must lie in: help texts state them, errors name them.
public enum Limits {
    /// Counts of days: notice periods, warning windows, how far ahead `due` looks (up to ten years).
    public static let days = 0...3650
    /// Months after capture that an opt-out is due for review.
    public static let months = 0...3650
    /// The years an annual report evaluates: from the guidance's year, and each year's end has a next day.
    public static let years = 2022...9998
    /// The longest name of a record and the longest title of evidence, in characters.
    public static let nameLength = 200
    public static let titleLength = 300
    /// The longest other text (a clause, a purpose, a law, a reason), in characters.
    public static let textLength = 2000

    /// Why a number outside `range` is refused: the bound it passes, and the range in `unit`s (none when empty).
    public static func outside(_ range: ClosedRange<Int>, below: Bool, unit: String) -> UserMessage {
        let bound = below ? "\(range.lowerBound) or more" : "\(range.upperBound) or less"
        return "must be \(bound) (\(range.lowerBound) to \(range.upperBound)\(unit.isEmpty ? "" : " " + unit))"
    }
}
