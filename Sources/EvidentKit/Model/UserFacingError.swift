/// An error whose description is written for the user, so the command line prints it as it is (exit 1).
///
/// Each area's error type adopts it; anything else reaching the top is a bug and is reported as one.
public protocol UserFacingError: Error, CustomStringConvertible {
    /// The description with the fields it names left for the printer to spell.
    var message: UserMessage { get }
}

extension UserFacingError {
    /// An error that names no field says the same to everyone.
    public var message: UserMessage {
        "\(description)"
    }
}
