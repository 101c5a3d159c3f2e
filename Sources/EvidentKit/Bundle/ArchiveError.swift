import CArchive
import Foundation

/// What libarchive reported, with its own words and the system's.
public struct ArchiveError: UserFacingError, Sendable, Equatable, CustomStringConvertible {
    /// What evident asked libarchive to do, such as `read header`.
    public let operation: String
    /// libarchive's own description of the error, with the system's words for its errno when it has one.
    public let message: String

    /// The operation and libarchive's message.
    public var description: String { "\(operation): \(message)" }

    init(_ operation: String, _ archive: OpaquePointer?) {
        self.operation = operation
        let text = archive.flatMap { archive_error_string($0) }.map { String(cString: $0) }
        // libarchive's codes for a bad format or a misuse are errno values too; only a system error has words.
        let code = archive.map { archive_errno($0) } ?? 0
        let words = code > 0 && code != EILSEQ && code != EINVAL ? FileIO.words(errno: code) : nil
        switch (text, words) {
        case (let text?, let words?) where !text.contains(words): message = "\(text): \(words)"
        case (let text?, _): message = text
        case (nil, let words?): message = words
        case (nil, nil): message = "libarchive gave no reason"
        }
    }

    init(_ operation: String, message: String) {
        self.operation = operation
        self.message = message
    }
}
