import Foundation

/// A moment of the audit trail: the registry as it stood after the last event recorded at or before `at`, or,
/// when `event` is given, after exactly that event.
///
/// Written `2026-11-30T12:00:05Z` or `2026-11-30T12:00:05Z@57`. Events record their time to the second and
/// several can share one, so a report names the last event it includes as well: its moment then means the
/// same registry however many events were appended later in that second.
public struct RecordedMoment: Sendable, Hashable, Codable, CustomStringConvertible {
    /// ISO 8601 in UTC with seconds, as events record their time, so that the two compare as text.
    public let at: String
    /// The last event included; nil for every event recorded at or before `at`.
    public let event: Int64?

    init(at: String, event: Int64?) {
        self.at = at
        self.event = event
    }

    /// Parses `2026-11-30T12:00:05Z` (any ISO 8601 time with seconds and a zone), optionally followed by
    /// `@` and an event number.
    public init(parsing text: String, field: Field = .asRecorded) throws(InputError) {
        let parts = text.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false)
        guard let date = try? Date(String(parts[0]), strategy: .iso8601),
            parts.count == 1 || Int64(parts[1]).map({ $0 > 0 }) == true
        else {
            throw InputError(
                field: field, value: text,
                reason: "expected a time such as 2026-11-30T12:00:05Z, optionally with the event as @57")
        }
        self.init(at: date.formatted(.iso8601), event: parts.count == 2 ? Int64(parts[1]) : nil)
    }

    public var description: String {
        event.map { "\(at)@\($0)" } ?? at
    }
}
