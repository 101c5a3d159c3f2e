import CArchive

/// What libarchive reported, with its own words.
public struct ArchiveError: UserFacingError, Sendable, Equatable, CustomStringConvertible {
    /// What evident asked libarchive to do, such as `read header`.
    public let operation: String
    /// libarchive's own description of the error.
    public let message: String

    /// The operation and libarchive's message.
    public var description: String { "\(operation): \(message)" }

    init(_ operation: String, _ archive: OpaquePointer?) {
        self.operation = operation
        self.message = archive.flatMap { archive_error_string($0) }.map { String(cString: $0) } ?? "unknown error"
    }
}
