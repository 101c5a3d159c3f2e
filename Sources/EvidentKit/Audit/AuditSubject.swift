/// What an audit event can record a change of: a record, or the home's settings.
///
/// The settings are not a record (they have no id and are never removed), but the rules read them, so the trail
/// records their content like a record's; in an event they are named `settings`.
public enum AuditSubject: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    case record(RecordID)
    case settings

    static let settingsName = "settings"

    /// Parses a record id (`SOL-3`) or `settings`; nil for anything else.
    public init?(_ text: String) {
        if text == Self.settingsName {
            self = .settings
        } else if let id = RecordID(text) {
            self = .record(id)
        } else {
            return nil
        }
    }

    /// The record, when the subject is one.
    public var record: RecordID? {
        if case .record(let id) = self { return id }
        return nil
    }

    public var description: String {
        switch self {
        case .record(let id): id.description
        case .settings: Self.settingsName
        }
    }

    /// Records in id order, then the settings.
    public static func < (lhs: AuditSubject, rhs: AuditSubject) -> Bool {
        switch (lhs, rhs) {
        case (.record(let left), .record(let right)): left < right
        case (.record, .settings): true
        case (.settings, _): false
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let subject = AuditSubject(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is neither a record id nor settings")
            )
        }
        self = subject
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
