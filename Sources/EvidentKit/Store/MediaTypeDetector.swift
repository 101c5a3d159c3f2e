import CArchive
import Foundation

/// Recognises a document's media type from its first bytes, never from its file name alone.
///
/// A ZIP container is told apart (DOCX, ODT or another archive) by the names inside it.
package enum MediaTypeDetector {
    /// How many leading bytes the detector looks at.
    package static let headSize = 64 * 1024

    /// Detects the type of a file whose first bytes are `head`; `path` is read again only for ZIP containers.
    package static func detect(head: [UInt8], path: String, fileName: String) -> MediaType {
        func starts(with signature: [UInt8], at offset: Int = 0) -> Bool {
            head.count >= offset + signature.count && Array(head[offset..<offset + signature.count]) == signature
        }
        if starts(with: Array("%PDF-".utf8)) { return .pdf }
        if starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts(with: Array("RIFF".utf8)) && starts(with: Array("WEBP".utf8), at: 8) { return .webp }
        if starts(with: Array("GIF87a".utf8)) || starts(with: Array("GIF89a".utf8)) { return .gif }
        if starts(with: [0x50, 0x4B, 0x03, 0x04]) { return ZipContents.officeType(path: path) ?? .zip }
        guard let text = textPrefix(head) else { return .binary }
        return classify(text: text, fileName: fileName)
    }

    /// The head decoded as UTF-8 text, or nil when it holds binary data.
    static func textPrefix(_ head: [UInt8]) -> Substring? {
        var bytes = head[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        // A multi-byte character may be cut at the end of the head: drop at most 3 bytes of it.
        for cut in 0...min(3, bytes.count) {
            let candidate = bytes.dropLast(cut)
            if let text = String(validating: candidate, as: UTF8.self) {
                let binary = text.unicodeScalars.contains {
                    $0.value < 0x20 && !["\t", "\n", "\r", "\u{0C}"].contains($0) || $0.value == 0x7F
                }
                return binary ? nil : text[...]
            }
            if cut == 0 && head.count < headSize { return nil }
        }
        return nil
    }

    static func classify(text: Substring, fileName: String) -> MediaType {
        let trimmed = text.drop { $0.isWhitespace }
        let lower = trimmed.prefix(512).lowercased()
        if lower.hasPrefix("<!doctype html") || lower.hasPrefix("<html") { return .html }
        if lower.hasPrefix("<?xml") {
            return lower.contains("<html") ? .html : .xml
        }
        if lower.hasPrefix("<") && !lower.hasPrefix("<!--") { return .xml }
        if trimmed.first == "{" || trimmed.first == "[" {
            if JSONSerialization.isValidJSONPrefix(Data(text.utf8), complete: text.utf8.count < headSize) {
                return .json
            }
        }
        let name = fileName.lowercased()
        if trimmed.hasPrefix("---") || trimmed.hasPrefix("%YAML") || name.hasSuffix(".yaml")
            || name.hasSuffix(".yml")
        {
            return .yaml
        }
        return .text
    }
}

extension JSONSerialization {
    /// Whether `data` parses as JSON; a head cut from a larger file is only checked for its opening.
    static func isValidJSONPrefix(_ data: Data, complete: Bool) -> Bool {
        guard complete else { return true }
        return (try? jsonObject(with: data, options: [.fragmentsAllowed])) != nil
    }
}

/// Looks inside ZIP containers through libarchive to tell DOCX and ODT from other ZIP files.
enum ZipContents {
    /// How many entries to look at before giving up: office files name their markers early.
    static let entryLimit = 10_000

    static func officeType(path: String) -> MediaType? {
        guard let archive = archive_read_new() else { return nil }
        defer { archive_read_free(archive) }
        archive_read_support_format_zip(archive)
        guard archive_read_open_filename(archive, path, 64 * 1024) == ARCHIVE_OK else { return nil }
        var entry: OpaquePointer?
        var seen = 0
        while seen < entryLimit, archive_read_next_header(archive, &entry) == ARCHIVE_OK {
            seen += 1
            guard let name = archive_entry_pathname(entry).map({ String(cString: $0) }) else { continue }
            if name == "word/document.xml" { return .docx }
            if name == "mimetype" {
                var buffer = [UInt8](repeating: 0, count: 128)
                let count = buffer.withUnsafeMutableBytes {
                    archive_read_data(archive, $0.baseAddress, $0.count)
                }
                if count > 0,
                    String(decoding: buffer[..<count], as: UTF8.self) == MediaType.odt.rawValue
                {
                    return .odt
                }
            }
        }
        return nil
    }
}
