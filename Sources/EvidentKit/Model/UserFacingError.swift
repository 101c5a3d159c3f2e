/// An error whose description is written for the user, so the command line prints it as it is (exit 1).
///
/// Each area's error type adopts it; anything else reaching the top is a bug and is reported as one.
public protocol UserFacingError: Error, CustomStringConvertible {}
