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
        for directory in [root, root + "/sha256", tempDirectory, pendingDirectory] {
            guard mkdir(directory, 0o700) == 0 || errno == EEXIST else {
                throw StoreError.writeFailed(path: directory, reason: FileIO.lastError())
            }
        }
    }

    /// Starts a filing: its locked intent file, which its temp files are named after.
    func beginFiling() throws(StoreError) -> Filing {
        try Filing(pendingDirectory: pendingDirectory)
    }

    /// How many bytes a filing writes between asking the disk to start writing them.
    static let writebackStride = Int64(8 * FileIO.chunkSize)

    /// Streams `path` into a temp file of `filing`, hashing it and detecting its media type on the way;
    /// `durable: false` leaves flushing it to the caller's `syncFileSystem()`, for many files at once.
    func stage(path: String, for filing: Filing, durable: Bool = true) throws(StoreError) -> Staged {
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
        guard let before = FileState(descriptor: input) else {
            throw StoreError.unreadable(path: path, reason: FileIO.lastError())
        }

        let output = try StagingFile(store: self, filingID: filing.id)
        var head: [UInt8] = []
        let digest: SHA256.Digest
        do {
            digest = try HashingReader.stream(input, path: path) { chunk in
                if head.count < MediaTypeDetector.headSize {
                    head.append(contentsOf: chunk.prefix(MediaTypeDetector.headSize - head.count))
                }
                try output.write(chunk)
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.unreadable(path: path, reason: "\(error)")
        }
        // Another process writing to the file meanwhile would leave a torn copy: refuse it, and keep nothing.
        guard let after = FileState(descriptor: input), after == before, output.size == after.size else {
            throw StoreError.changedWhileFiled(path: path)
        }
        guard output.size > 0 else { throw StoreError.emptyFile(path: path) }
        let fileName = URL(fileURLWithPath: path).lastPathComponent
        let mediaType = MediaTypeDetector.detect(head: head, path: output.path, fileName: fileName)
        return try output.stage(fileName: fileName, sha256: Hashing.hex(digest), mediaType: mediaType, durable: durable)
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

    /// The intent files of filings that have not finished, live or dead.
    private func intentPaths() -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: pendingDirectory) else { return [] }
        return names.filter { $0.hasSuffix(".intent") }.sorted().map { "\(pendingDirectory)/\($0)" }
    }

    /// The intents of filings that died before finishing, each locked until the caller lets it go.
    func deadFilings() -> [Filing.Leftover] {
        intentPaths().compactMap(Filing.Leftover.init(intentPath:))
    }

    /// The objects that live filings have placed or are about to: not orphans, even when no committed row names
    /// them yet.
    func objectsOfLiveFilings() -> Set<String> {
        var names: Set<String> = []
        for path in intentPaths() where Filing.isLive(intentPath: path) {
            names.formUnion(Filing.noted(intentPath: path))
        }
        return names
    }

    /// Temp files no live filing owns: a filing interrupted while streaming. A filing's temp files are gone
    /// before its intent is, so a temp file without a locked intent is a dead filing's (or one from an evident
    /// that named them otherwise).
    func abandonedTemporaryFiles() -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: tempDirectory) else { return [] }
        return names.sorted().compactMap { name in
            let filing = name.split(separator: ".", maxSplits: 1).first.map(String.init) ?? name
            guard !Filing.isLive(intentPath: "\(pendingDirectory)/\(filing).intent") else { return nil }
            return "\(tempDirectory)/\(name)"
        }
    }

    /// What the store holds: every object (a regular file named by 62 hex digits in a directory named by 2), by
    /// the SHA-256 its path names, and everything that is neither an object nor part of the store's layout
    /// (`sha256/`, `tmp/`, `pending/`), as paths under the home, such as `objects/notes.txt`.
    func listing() -> (objects: [String], strays: [String]) {
        let manager = FileManager.default
        var objects: [String] = []
        var strays: [String] = []
        for name in (try? manager.contentsOfDirectory(atPath: root)) ?? []
        where !["sha256", "tmp", "pending"].contains(name) {
            strays.append("objects/\(name)")
        }
        let base = root + "/sha256"
        for prefix in (try? manager.contentsOfDirectory(atPath: base)) ?? [] {
            guard prefix.count == 2, Self.isHex(prefix), Self.isDirectory("\(base)/\(prefix)") else {
                strays.append("objects/sha256/\(prefix)")
                continue
            }
            for rest in (try? manager.contentsOfDirectory(atPath: "\(base)/\(prefix)")) ?? [] {
                if rest.count == 62, Self.isHex(rest), Self.isRegularFile("\(base)/\(prefix)/\(rest)") {
                    objects.append(prefix + rest)
                } else {
                    strays.append("objects/sha256/\(prefix)/\(rest)")
                }
            }
        }
        return (objects.sorted(), strays.sorted())
    }

    /// Lower-case hex digits only, as object names are written.
    private static func isHex(_ name: String) -> Bool {
        name.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    private static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    private static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }

    /// The size of the object with this SHA-256; nil when it is missing.
    func objectSize(sha256: String) -> Int64? {
        var info = stat()
        guard lstat(objectPath(sha256: sha256), &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return Int64(info.st_size)
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

    /// Checks that a filed document's object has the size the registry records for it.
    func checkSize(sha256: String, recorded: Int64, evidence: String, fileName: String) throws(StoreError) {
        var info = stat()
        guard stat(objectPath(sha256: sha256), &info) == 0 else { throw StoreError.objectMissing(sha256: sha256) }
        guard Int64(info.st_size) == recorded else {
            throw StoreError.sizeMismatch(
                evidence: evidence, fileName: fileName, sha256: sha256, recorded: recorded, actual: Int64(info.st_size))
        }
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
        let actual = Hashing.hex(try HashingReader.stream(input, path: path, output))
        guard actual == sha256 else { throw StoreError.objectCorrupt(sha256: sha256, actual: actual) }
    }

    /// Streams an object to a file descriptor, checking its hash on the way.
    func copyObject(sha256: String, to output: Int32, outputPath: String) throws {
        try streamObject(sha256: sha256) { chunk in try FileIO.writeAll(output, chunk, path: outputPath) }
    }

    /// Writes an object to a file at `path`, all or nothing; over an existing file only when `replace`.
    func exportObject(sha256: String, to path: String, replace: Bool) throws {
        try FileIO.replaceAtomically(path, replace: replace) { temporary in
            let output = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            guard output >= 0 else { throw StoreError.writeFailed(path: path, reason: FileIO.lastError()) }
            defer { close(output) }
            try copyObject(sha256: sha256, to: output, outputPath: path)
        }
    }
}

#if canImport(Glibc)
    /// Linux's syncfs(2): flushes the one file system `descriptor` is on. Glibc declares it only for _GNU_SOURCE,
    /// which Swift's Glibc module does not set.
    @_silgen_name("syncfs")
    private func flushFileSystem(_ descriptor: Int32) -> Int32
#endif
