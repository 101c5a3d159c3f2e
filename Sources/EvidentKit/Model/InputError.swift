/// A value given by the user that cannot be accepted, naming the field and the value.
///
/// The command line maps it to a usage error (exit 64): the input was wrong,
/// nothing was looked up or changed.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The field the value came in.
    public let field: Field
    /// The value as the user gave it.
    public let value: String
    /// Why the value cannot be accepted.
    public let reason: UserMessage

    /// An error for `value`, given in `field` and refused for `reason`.
    public init(field: Field, value: String, reason: UserMessage) {
        self.field = field
        self.value = value
        self.reason = reason
    }

    /// The field, the value and the reason, the fields left for the printer to spell.
    public var message: UserMessage {
        "\(field) '\(value)': \(reason)"
    }

    /// The message with each field written as its name.
    public var description: String {
        message.description
    }
}
