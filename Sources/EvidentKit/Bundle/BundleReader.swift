import Crypto
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one pass over the tar: every entry checked, tag files kept, payload hashed.
extension BundleVerifier {

    /// Compression formats recognised by their first bytes, refused before the tar reader sees them.
    static let compressionMagic: [(String, [UInt8])] = [
        ("gzip", [0x1F, 0x8B]), ("bzip2", Array("BZh".utf8)), ("xz", [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]),
        ("zstd", [0x28, 0xB5, 0x2F, 0xFD]), ("lz4", [0x04, 0x22, 0x4D, 0x18]), ("compress", [0x1F, 0x9D]),
        ("lzip", Array("LZIP".utf8)), ("zip", [0x50, 0x4B, 0x03, 0x04]),
    ]

    /// Reads the bundle at `path` once, checking every entry; with `area`, keeps it there as it is read
    /// (`KeptBundle`), so that what is kept is exactly what was hashed. `workers` hash payload files at once.
    static func read(
        path: String, keepingIn area: StagingArea? = nil, workers: Int = defaultWorkers,
        problem: (BundleProblem.Code, String?, String) -> Void
    ) -> Contents? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            problem(.notReadable, nil, "cannot open '\(path)': \(FileIO.lastError())")
            return nil
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            problem(.notReadable, nil, "'\(path)' is not a regular file")
            return nil
        }
        var magic = [UInt8](repeating: 0, count: 8)
        let count = pread(descriptor, &magic, magic.count, 0)
        for (name, signature) in compressionMagic where count >= signature.count && magic.starts(with: signature) {
            problem(.compressedInput, nil, "the file is \(name)-compressed; bundles are plain, uncompressed tar files")
            return nil
        }

        var contents = Contents()
        var seen: Set<[UInt8]> = []
        var folded: [String: String] = [:]
        let reader: TarReader
        do {
            reader = try TarReader(descriptor: descriptor)
        } catch {
            problem(.notATar, nil, "not a readable tar archive (\(error))")
            return nil
        }
        var payload: [PayloadHashing.Job] = []
        var failure: (any Error)?
        do {
            while let entry = try reader.next() {
                // libarchive skips the data of an entry that is not read.
                guard let name = checkedPath(entry, problem: problem) else { continue }
                let components = name.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
                if !contents.topLevel.contains(components[0]) {
                    contents.topLevel.append(components[0])
                    if contents.topLevel.count == 2 {
                        problem(.multipleTopLevel, name, "a bundle holds exactly one top-level directory")
                    }
                }
                // Swift compares strings by canonical equivalence; duplicates are about bytes. libarchive
                // reads names in NFC, so names that differ only in normalisation arrive here as duplicates.
                if !seen.insert(Array(name.utf8)).inserted {
                    problem(
                        .duplicateEntry, name,
                        "the archive holds this path (after Unicode normalisation) more than once")
                }
                let key = name.precomposedStringWithCanonicalMapping.lowercased()
                if let other = folded[key], Array(other.utf8) != Array(name.utf8) {
                    problem(.nameCollision, name, "equals '\(other)' ignoring case or Unicode normalisation")
                }
                folded[key] = folded[key] ?? name
                switch entry.kind {
                case .directory:
                    break
                case .other(let kind):
                    problem(.notRegular, name, "a \(kind); bundles hold only regular files and directories")
                case .file:
                    guard components.count >= 2 else {
                        problem(.multipleTopLevel, name, "a file outside the bag directory")
                        continue
                    }
                    let relative = components.dropFirst().joined(separator: "/")
                    let isPayload = relative.hasPrefix("data/")
                    // Payload data is skipped here and hashed after the pass, several files at once.
                    if isPayload {
                        payload.append(.init(relative: relative, offset: entry.dataOffset, size: entry.size))
                        continue
                    }
                    var hasher = SHA256()
                    var size: Int64 = 0
                    var bytes: [UInt8] = []
                    try reader.readData { block in
                        hasher.update(bufferPointer: block)
                        size += Int64(block.count)
                        if size <= tagFileLimit { bytes += block }
                    }
                    let hash = Hashing.hex(hasher.finalize())
                    if size > tagFileLimit {
                        problem(.tagTooLarge, relative, "larger than \(tagFileLimit >> 20) MiB")
                    } else {
                        contents.tags[relative] = bytes
                        contents.tagHashes[relative] = hash
                    }
                }
            }
        } catch {
            failure = error
        }
        let trailing = failure == nil ? reader.firstTrailingByte() : nil
        if failure == nil {
            switch PayloadHashing.hash(
                payload, descriptor: reader.descriptor, sourcePath: path, tarSize: reader.openedSize ?? 0,
                keepingIn: area, workers: workers)
            {
            case .success(let hashed): (contents.payload, contents.kept) = (hashed.payload, hashed.kept)
            case .failure(.region(let error)): reader.noteFailure(error)
            case .failure(.notKept(let error)): contents.keepFailure = error
            }
        }
        // Whatever was kept goes again when the bundle turns out unreadable.
        func unreadable() -> Contents? {
            contents.kept.map { $0.staged.forEach { area?.store.discard($0) } }
            return nil
        }
        // A file truncated under the reader reads as a broken tar; say what really happened.
        if let changed = reader.problem() {
            problem(.notReadable, nil, "'\(path)' \(changed); verify it again once nothing writes to it")
            return unreadable()
        }
        if let failure {
            problem(.notATar, nil, "not a readable tar archive (\(failure))")
            return unreadable()
        }
        if let trailing {
            problem(
                .trailingData, nil,
                "byte \(trailing) after the end of the archive is not zero padding; other tools may read on and"
                    + " extract whatever was appended")
        }
        if contents.topLevel.isEmpty {
            problem(.notATar, nil, "the archive is empty")
            return unreadable()
        }
        return contents
    }

    /// The entry's path with a directory's trailing slash removed, or nil (and a problem) when it is unsafe.
    static func checkedPath(_ entry: TarReader.Entry, problem: (BundleProblem.Code, String?, String) -> Void) -> String?
    {
        guard var name = entry.path, !name.isEmpty else {
            problem(.unsafePath, String(decoding: entry.rawPath, as: UTF8.self), "the name is empty or not UTF-8")
            return nil
        }
        if case .directory = entry.kind, name.hasSuffix("/") { name.removeLast() }
        let reason: String? =
            if name.hasPrefix("/") { "an absolute path" } else if name.contains("\\") {
                "a backslash in the name"
            } else if name.unicodeScalars.contains(where: {
                $0.value < 0x20 || $0.value == 0x7F || (0x80..<0xA0).contains($0.value)
            }) {
                "a control character in the name"
            } else if name.split(separator: "/", omittingEmptySubsequences: false).contains(where: {
                $0 == "." || $0 == ".." || $0.isEmpty
            }) {
                "a '.', '..' or empty component"
            } else { nil }
        if let reason {
            problem(.unsafePath, name, reason)
            return nil
        }
        return name
    }
}
