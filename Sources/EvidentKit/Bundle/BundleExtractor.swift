import Crypto
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Extracting a verified bundle: only its regular files, each hashed again as it is written.
extension BundleVerifier {
    /// Why an extraction stopped after verification passed.
    public struct ExtractionError: UserFacingError, Sendable, CustomStringConvertible {
        /// What went wrong, in words for the user.
        public let description: String
    }

    /// Verifies the bundle, then writes its regular files, and nothing else, under `directory`/<bag>.
    ///
    /// The tar is read a second time to write; every file must hash as it did when verified, so a
    /// bundle swapped between the two reads is caught, and what was written is removed.
    public static func extract(path: String, to directory: String, allowedSigners: AllowedSigners?) throws
        -> BundleVerification
    {
        let (verification, contents, _) = check(path: path, allowedSigners: allowedSigners)
        guard verification.status == .valid || verification.status == .unverified, let contents,
            let bag = contents.topLevel.first
        else {
            return verification
        }
        let root = URL(fileURLWithPath: directory).appendingPathComponent(bag).path
        guard mkdir(directory, 0o755) == 0 || errno == EEXIST else {
            throw ExtractionError(description: "cannot create '\(directory)': \(FileIO.lastError())")
        }
        guard mkdir(root, 0o755) == 0 else {
            throw ExtractionError(
                description: errno == EEXIST
                    ? "'\(root)' already exists; extract into an empty directory"
                    : "cannot create '\(root)': \(FileIO.lastError())")
        }
        do {
            try writeFiles(path: path, root: root, bag: bag, expected: contents)
        } catch {
            try? FileManager.default.removeItem(atPath: root)
            throw error
        }
        return verification
    }

    private static func writeFiles(path: String, root: String, bag: String, expected: Contents) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ExtractionError(description: "cannot reopen '\(path)'") }
        defer { close(descriptor) }
        let reader = try TarReader(descriptor: descriptor)
        let written = Result { try writeEntries(reader, root: root, bag: bag, expected: expected) }
        // A file truncated under the reader reads as a broken tar; say what really happened.
        if let changed = reader.problem() {
            throw ExtractionError(description: "'\(path)' \(changed); nothing was kept")
        }
        try written.get()
    }

    private static func writeEntries(_ reader: TarReader, root: String, bag: String, expected: Contents) throws {
        var written = 0
        while let entry = try reader.next() {
            // libarchive skips the data of an entry that is not read.
            guard let name = entry.path, name != bag, name != bag + "/" else { continue }
            let relative = String(name.dropFirst(bag.count + 1))
            let target = root + "/" + relative
            switch entry.kind {
            case .directory:
                let trimmed = target.hasSuffix("/") ? String(target.dropLast()) : target
                guard mkdir(trimmed, 0o755) == 0 else {
                    throw ExtractionError(description: "cannot create '\(trimmed)': \(FileIO.lastError())")
                }
            case .file:
                // Never follow a link and never replace a file: the verified tree is written fresh.
                let output = open(target, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
                guard output >= 0 else {
                    throw ExtractionError(description: "cannot create '\(target)': \(FileIO.lastError())")
                }
                defer { close(output) }
                var hasher = SHA256()
                try reader.readData { block in
                    hasher.update(bufferPointer: block)
                    try FileIO.writeAll(output, block, path: target)
                }
                let hash = Hashing.hex(hasher.finalize())
                let wanted = expected.payload[relative]?.sha256 ?? expected.tagHashes[relative]
                guard hash == wanted else {
                    throw ExtractionError(description: "'\(relative)' changed after it was verified; nothing was kept")
                }
                written += 1
            case .other:
                throw ExtractionError(description: "'\(name)' changed after it was verified; nothing was kept")
            }
        }
        guard written == expected.payload.count + expected.tags.count else {
            throw ExtractionError(description: "the bundle changed after it was verified; nothing was kept")
        }
    }
}
