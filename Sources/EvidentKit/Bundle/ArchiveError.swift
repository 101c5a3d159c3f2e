import CArchive

/// What libarchive reported, with its own words.
public struct ArchiveError: UserFacingError, Sendable, Equatable, CustomStringConvertible {
    public let operation: String
    public let message: String

    public var description: String { "\(operation): \(message)" }

    init(_ operation: String, _ archive: OpaquePointer?) {
        self.operation = operation
        self.message = archive.flatMap { archive_error_string($0) }.map { String(cString: $0) } ?? "unknown error"
    }
}
