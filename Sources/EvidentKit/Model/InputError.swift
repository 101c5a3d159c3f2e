/// A value given by the user that cannot be accepted, naming the field and the value.
///
/// The command line maps it to a usage error (exit 64): the input was wrong,
/// nothing was looked up or changed.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    public let field: Field
    public let value: String
    public let reason: UserMessage

    public init(field: Field, value: String, reason: UserMessage) {
        self.field = field
        self.value = value
        self.reason = reason
    }

    /// The field, the value and the reason, the fields left for the printer to spell.
    public var message: UserMessage {
        "\(field) '\(value)': \(reason)"
    }

    public var description: String {
        message.description
    }
}
