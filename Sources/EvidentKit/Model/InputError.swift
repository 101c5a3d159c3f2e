/// A value given by the user that cannot be accepted, naming the field and the value.
///
/// The command line maps it to a usage error (exit 64): the input was wrong,
/// nothing was looked up or changed.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    public let field: String
    public let value: String
    public let reason: String

    public init(field: String, value: String, reason: String) {
        self.field = field
        self.value = value
        self.reason = reason
    }

    public var description: String {
        "\(field) '\(value)': \(reason)"
    }
}
