import Crypto
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The content-addressed store: `objects/sha256/ab/cdef…`, one read-only file per distinct content.
///
/// Files are streamed in fixed-size chunks, never read whole, so filing a
/// document of any size needs the same small amount of memory.
struct DocumentStore: Sendable {
    /// The `objects` directory of a home.
    let root: String

    init(root: String) {
        self.root = root
    }

    /// A file streamed into the store's temp area, hashed and typed, not yet in place.
    struct Staged: Sendable {
        let fileName: String
        let tempPath: String
        let sha256: String
        let size: Int64
        let mediaType: MediaType
    }

    var tempDirectory: String { root + "/tmp" }

    /// Where a filing notes the objects it is about to place, until its transaction has committed.
    var pendingDirectory: String { root + "/pending" }

    /// Where the object with this SHA-256 lives.
    func objectPath(sha256: String) -> String {
        let split = sha256.index(sha256.startIndex, offsetBy: 2)
        return "\(root)/sha256/\(sha256[..<split])/\(sha256[split...])"
    }

    /// Creates the store's directories.
    func create() throws(StoreError) {
        for directory in [root, root + "/sha256", tempDirectory] {
            guard mkdir(directory, 0o700) == 0 || errno == EEXIST else {
                throw StoreError.writeFailed(path: directory, reason: FileIO.lastError())
            }
        }
    }

    /// Streams `path` into a temp file, hashing it and detecting its media type on the way; `durable: false`
    /// leaves flushing it to the caller's `syncFileSystem()`, for many files at once.
    func stage(path: String, durable: Bool = true) throws(StoreError) -> Staged {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { throw StoreError.missingFile(path: path) }
            throw StoreError.unreadable(path: path, reason: FileIO.lastError())
        }
        if info.st_mode & S_IFMT == S_IFDIR { throw StoreError.isDirectory(path: path) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw StoreError.notRegularFile(path: path) }

        let input = open(path, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw StoreError.unreadable(path: path, reason: FileIO.lastError()) }
        defer { close(input) }

        // The process id in the name lets recovery tell a dead filing's leftovers from a live one's.
        let tempPath = "\(tempDirectory)/\(getpid())-\(UUID().uuidString).tmp"
        let output = open(tempPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard output >= 0 else { throw StoreError.writeFailed(path: tempPath, reason: FileIO.lastError()) }
        var keepTemp = false
        defer {
            close(output)
            if !keepTemp { unlink(tempPath) }
        }

        var hasher = SHA256()
        var head: [UInt8] = []
        var size: Int64 = 0
        do {
            try FileIO.readChunks(input, path: path) { chunk in
                hasher.update(bufferPointer: chunk)
                if head.count < MediaTypeDetector.headSize {
                    head.append(contentsOf: chunk.prefix(MediaTypeDetector.headSize - head.count))
                }
                try FileIO.writeAll(output, chunk, path: tempPath)
                size += Int64(chunk.count)
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.unreadable(path: path, reason: "\(error)")
        }
        guard size > 0 else { throw StoreError.emptyFile(path: path) }
        guard !durable || fsync(output) == 0 else {
            throw StoreError.writeFailed(path: tempPath, reason: FileIO.lastError())
        }

        let fileName = URL(fileURLWithPath: path).lastPathComponent
        let mediaType = MediaTypeDetector.detect(head: head, path: tempPath, fileName: fileName)
        keepTemp = true
        return Staged(
            fileName: fileName, tempPath: tempPath,
            sha256: Hashing.hex(hasher.finalize()), size: size, mediaType: mediaType)
    }

    /// Moves a staged file into place, read-only; returns false when the store already had those bytes.
    /// `durable: false` leaves syncing its directory to the caller's `syncFileSystem()`.
    func place(_ staged: Staged, durable: Bool = true) throws(StoreError) -> Bool {
        let destination = objectPath(sha256: staged.sha256)
        let directory = String(destination[..<destination.lastIndex(of: "/")!])
        guard mkdir(directory, 0o700) == 0 || errno == EEXIST else {
            throw StoreError.writeFailed(path: directory, reason: FileIO.lastError())
        }
        var existing = stat()
        if lstat(destination, &existing) == 0 {
            discard(staged)
            return false
        }
        guard chmod(staged.tempPath, 0o444) == 0, rename(staged.tempPath, destination) == 0 else {
            throw StoreError.writeFailed(path: destination, reason: FileIO.lastError())
        }
        if durable { FileIO.syncDirectory(directory) }
        return true
    }

    /// Flushes everything written to the store's file system, staged files and renames alike: one flush for a
    /// batch of files instead of one per file and per directory.
    func syncFileSystem() throws(StoreError) {
        let descriptor = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw StoreError.writeFailed(path: root, reason: FileIO.lastError()) }
        defer { close(descriptor) }
        #if canImport(Glibc)
            let flushed = flushFileSystem(descriptor) == 0
        #else
            let flushed = fcntl(descriptor, F_FULLFSYNC) == 0
        #endif
        guard flushed else { throw StoreError.writeFailed(path: root, reason: FileIO.lastError()) }
    }

    /// Notes, durably, the objects a filing is about to place, so that a crash before its commit can be undone.
    func writeIntent(_ sha256s: [String]) throws(StoreError) -> String {
        guard mkdir(pendingDirectory, 0o700) == 0 || errno == EEXIST else {
            throw StoreError.writeFailed(path: pendingDirectory, reason: FileIO.lastError())
        }
        let path = "\(pendingDirectory)/\(getpid())-\(UUID().uuidString).intent"
        try FileIO.createExclusive(
            path, mode: 0o600, contents: Array(sha256s.map { $0 + "\n" }.joined().utf8), durable: true)
        return path
    }

    /// Removes an intent once its filing has committed or been undone.
    func clearIntent(_ path: String) {
        unlink(path)
    }

    /// The intents left by filings that have not cleared them, with the objects each names.
    func pendingIntents() -> [(path: String, sha256s: [String])] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: pendingDirectory) else { return [] }
        return names.filter { $0.hasSuffix(".intent") }.sorted().map { name in
            let path = "\(pendingDirectory)/\(name)"
            let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            return (path, text.split(separator: "\n").map(String.init).filter { $0.count == 64 })
        }
    }

    /// Temp files whose writing process has died: a filing interrupted while streaming.
    func abandonedTemporaryFiles() -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: tempDirectory) else { return [] }
        return names.compactMap { name in
            guard let pid = Int32(name.split(separator: "-").first ?? ""), kill(pid, 0) != 0, errno == ESRCH else {
                return nil
            }
            return "\(tempDirectory)/\(name)"
        }
    }

    /// Every object file in the store, by the SHA-256 its path names.
    func objectNames() -> [String] {
        let base = root + "/sha256"
        guard let prefixes = try? FileManager.default.contentsOfDirectory(atPath: base) else { return [] }
        var names: [String] = []
        for prefix in prefixes.sorted() where prefix.count == 2 {
            for rest in (try? FileManager.default.contentsOfDirectory(atPath: "\(base)/\(prefix)")) ?? [] {
                names.append(prefix + rest)
            }
        }
        return names.sorted()
    }

    /// Deletes a staged file that will not be placed.
    func discard(_ staged: Staged) {
        unlink(staged.tempPath)
    }

    /// Deletes an object that this process placed in a transaction that then failed.
    func removeObject(sha256: String) {
        let path = objectPath(sha256: sha256)
        unlink(path)
        FileIO.syncDirectory(String(path[..<path.lastIndex(of: "/")!]))
    }

    /// Streams an object's bytes to `output`, checking on the way that they still hash to its name.
    ///
    /// The bytes are handed over before the check can finish, so callers write to something they
    /// can throw away when this throws.
    func streamObject(sha256: String, into output: (UnsafeRawBufferPointer) throws -> Void) throws {
        let path = objectPath(sha256: sha256)
        let input = open(path, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw StoreError.objectMissing(sha256: sha256) }
        defer { close(input) }
        var hasher = SHA256()
        try FileIO.readChunks(input, path: path) { chunk in
            hasher.update(bufferPointer: chunk)
            try output(chunk)
        }
        let actual = Hashing.hex(hasher.finalize())
        guard actual == sha256 else { throw StoreError.objectCorrupt(sha256: sha256, actual: actual) }
    }

    /// Streams an object to a file descriptor, checking its hash on the way.
    func copyObject(sha256: String, to output: Int32, outputPath: String) throws {
        try streamObject(sha256: sha256) { chunk in try FileIO.writeAll(output, chunk, path: outputPath) }
    }

    /// Writes an object to a new file at `path`, all or nothing.
    func exportObject(sha256: String, to path: String) throws {
        try FileIO.replaceAtomically(path) { temporary in
            let output = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard output >= 0 else { throw StoreError.writeFailed(path: path, reason: FileIO.lastError()) }
            defer { close(output) }
            try copyObject(sha256: sha256, to: output, outputPath: path)
            guard fsync(output) == 0 else { throw StoreError.writeFailed(path: path, reason: FileIO.lastError()) }
        }
    }
}

#if canImport(Glibc)
    /// Linux's syncfs(2): flushes the one file system `descriptor` is on. Glibc declares it only for _GNU_SOURCE,
    /// which Swift's Glibc module does not set.
    @_silgen_name("syncfs")
    private func flushFileSystem(_ descriptor: Int32) -> Int32
#endif
