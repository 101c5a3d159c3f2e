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

/// An error whose description is written for the user, so the command line prints it as it is (exit 1).
///
/// Each area's error type adopts it; anything else reaching the top is a bug and is reported as one.
public protocol UserFacingError: Error, CustomStringConvertible {}

extension RegistryError: UserFacingError {}
extension StoreError: UserFacingError {}
extension KeyError: UserFacingError {}
extension ArchiveError: UserFacingError {}
extension BundleVerifier.ExtractionError: UserFacingError {}
