import Foundation

/// A calendar day without a time zone, written `YYYY-MM-DD` (ISO 8601).
///
/// Evidence speaks about days (signed, valid until, review by), so the rules
/// compare days, never instants. Stored as a day count for cheap arithmetic.
///
/// Days run from 0001-01-01 to 9999-12-31, the days `YYYY-MM-DD` can write; arithmetic that would leave that
/// range stops at its ends instead of trapping, whatever the input.
public struct Day: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public let ordinal: Int

    /// The ordinals of 0001-01-01 and 9999-12-31.
    static let ordinals = -719_162...2_932_896
    /// The first and the last day there is.
    public static let first = Day(ordinal: ordinals.lowerBound)
    public static let last = Day(ordinal: ordinals.upperBound)

    /// The day `ordinal` days after 1970-01-01 (before it when negative), kept within `first...last`.
    public init(ordinal: Int) {
        self.ordinal = min(max(ordinal, Day.ordinals.lowerBound), Day.ordinals.upperBound)
    }

    /// Creates a day from its parts, or returns nil when the day does not exist (2026-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Day.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.ordinal = Day.ordinal(year: year, month: month, day: day)
    }

    /// Parses `YYYY-MM-DD`, or throws an error naming the field and the value.
    public init(parsing text: String, field: Field = .date) throws(InputError) {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D,
            let year = number(0..<4), let month = number(5..<7), let day = number(8..<10)
        else {
            throw InputError(field: field, value: text, reason: "expected a date as YYYY-MM-DD")
        }
        guard let parsed = Day(year: year, month: month, day: day) else {
            throw InputError(field: field, value: text, reason: "no such day in the calendar")
        }
        self = parsed
    }

    /// The UTC day that contains `date`.
    public init(containing date: Date) {
        let days = (date.timeIntervalSince1970 / 86_400).rounded(.down)
        // Beyond the range (or not a number) is the end nearest to it.
        self.init(ordinal: days.isNaN ? 0 : Int(max(min(days, 1e15), -1e15)))
    }

    /// The year, the month (1–12) and the day of the month.
    public var components: (year: Int, month: Int, day: Int) {
        // Howard Hinnant's civil_from_days.
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The day as `YYYY-MM-DD`.
    public var description: String {
        let (year, month, day) = components
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// The day `days` later (earlier when negative), stopping at the first or last day.
    public func adding(days: Int) -> Day {
        let (sum, overflow) = ordinal.addingReportingOverflow(days)
        return overflow ? (days > 0 ? .last : .first) : Day(ordinal: sum)
    }

    /// The same day `months` later, clamped to the month's last day (31 January + 1 month is 28 or 29 February),
    /// stopping at the first or last day.
    public func adding(months: Int) -> Day {
        let (year, month, day) = components
        // Months are counted from January of year 0; the clamp keeps the sum far from overflow.
        let index = year * 12 + (month - 1) + min(max(months, -200_000), 200_000)
        guard index >= 12 else { return .first }
        guard index < 10_000 * 12 else { return .last }
        let (targetYear, targetMonth) = (index / 12, index % 12 + 1)
        return Day(
            year: targetYear, month: targetMonth, day: min(day, Day.daysIn(month: targetMonth, year: targetYear)))
            ?? self
    }

    /// Whether `lhs` is before `rhs`.
    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

    /// Decodes a day from its `YYYY-MM-DD` text.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            self = try Day(parsing: text)
        } catch {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    /// Encodes the day as its `YYYY-MM-DD` text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's days_from_civil.
    static func ordinal(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
