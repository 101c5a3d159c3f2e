import Crypto
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A bundle as intake keeps it, read and hashed once: each payload file staged as a document under the SHA-256
/// that verification computed for it, and the rest of the tar (its headers, tag files and padding) staged as the
/// bundle's frame. The tar is the frame with each part's data put back at its offset, byte for byte.
struct KeptBundle: Sendable {
    /// A payload file's data: where it lies in the tar, and its staged copy.
    struct Part: Sendable {
        var offset: Int64
        var staged: DocumentStore.Staged
    }

    var frame: DocumentStore.Staged
    var parts: [Part]

    /// Every staged file, the frame first.
    var staged: [DocumentStore.Staged] { [frame] + parts.map(\.staged) }

    /// Stages the bytes of the tar at `descriptor` (of `size` bytes) that lie outside `parts` as the frame, and
    /// returns the bundle kept; the parts must be in the tar's order and must not overlap. A failure leaves no
    /// copy behind, the parts' included.
    static func keep(
        descriptor: Int32, size: Int64, parts: [Part], area: StagingArea, fileName: String
    ) throws(PayloadHashing.Failure) -> KeptBundle {
        do {
            return try frame(descriptor: descriptor, size: size, parts: parts, area: area, fileName: fileName)
        } catch {
            parts.forEach { area.store.discard($0.staged) }
            throw error
        }
    }

    private static func frame(
        descriptor: Int32, size: Int64, parts: [Part], area: StagingArea, fileName: String
    ) throws(PayloadHashing.Failure) -> KeptBundle {
        var gaps: [(start: Int64, end: Int64)] = []
        var position: Int64 = 0
        for part in parts {
            guard part.offset >= position, part.offset + part.staged.size <= size else {
                throw .region(.endedEarly)
            }
            gaps.append((position, part.offset))
            position = part.offset + part.staged.size
        }
        gaps.append((position, size))

        let frame: StagingFile
        do {
            frame = try area.newFile()
        } catch {
            throw .notKept(error)
        }
        var hasher = SHA256()
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: FileIO.chunkSize, alignment: 64)
        defer { buffer.deallocate() }
        for gap in gaps {
            var offset = gap.start
            while offset < gap.end {
                let count: Int
                do {
                    count = try TarSource.readBlock(descriptor, at: offset, limit: gap.end - offset, into: buffer)
                } catch {
                    throw .region(error)
                }
                let chunk = UnsafeRawBufferPointer(rebasing: buffer[0..<count])
                hasher.update(bufferPointer: chunk)
                do {
                    try frame.write(chunk)
                } catch {
                    throw .notKept(error)
                }
                offset += Int64(count)
            }
        }
        do {
            let staged = try frame.stage(
                fileName: fileName, sha256: Hashing.hex(hasher.finalize()), mediaType: .binary, durable: false)
            return KeptBundle(frame: staged, parts: parts)
        } catch {
            throw .notKept(error)
        }
    }
}

extension KeptBundle {
    /// Writes the tar a kept bundle came from to `path`: the frame object with each part's object put back at its
    /// offset, every object checked against its SHA-256 on the way. All or nothing; over an existing file only
    /// when `replace`.
    static func write(
        frame: String, parts: [(offset: Int64, size: Int64, sha256: String)], from store: DocumentStore,
        to path: String, replace: Bool
    ) throws {
        let misfit = StoreError.unreadable(
            path: store.objectPath(sha256: frame), reason: "the received bundle's parts do not fit its frame")
        try FileIO.replaceAtomically(path, replace: replace) { temporary in
            let output = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            guard output >= 0 else { throw StoreError.writeFailed(path: path, reason: FileIO.lastError()) }
            defer { close(output) }
            var position: Int64 = 0
            var next = 0
            // The parts that start where the tar has got to.
            func writeParts() throws {
                while next < parts.count, parts[next].offset == position {
                    try store.copyObject(sha256: parts[next].sha256, to: output, outputPath: path)
                    position += parts[next].size
                    next += 1
                }
            }
            try store.streamObject(sha256: frame) { chunk in
                var rest = chunk
                while !rest.isEmpty {
                    try writeParts()
                    let room = next < parts.count ? parts[next].offset - position : Int64(rest.count)
                    guard room > 0 else { throw misfit }
                    let count = Int(min(room, Int64(rest.count)))
                    try FileIO.writeAll(output, UnsafeRawBufferPointer(rebasing: rest.prefix(count)), path: path)
                    position += Int64(count)
                    rest = UnsafeRawBufferPointer(rebasing: rest.dropFirst(count))
                }
            }
            try writeParts()
            guard next == parts.count else { throw misfit }
        }
    }
}

extension BundleVerifier {
    /// The SHA-256 of the tag manifest of the bundle at `path`, read from its tar without hashing its payload;
    /// nil when it has none or cannot be read.
    static func tagManifestHash(path: String) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        guard let reader = try? TarReader(descriptor: descriptor) else { return nil }
        while let entry = try? reader.next() {
            guard case .file = entry.kind, let name = entry.path,
                name.split(separator: "/", omittingEmptySubsequences: false).count == 2,
                name.hasSuffix("/tagmanifest-sha256.txt")
            else { continue }
            var hasher = SHA256()
            guard (try? reader.readData { hasher.update(bufferPointer: $0) }) != nil else { return nil }
            return Hashing.hex(hasher.finalize())
        }
        return nil
    }
}
