import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A temp file of a filing, written chunk by chunk by whoever hashes the bytes, and then staged under that hash.
///
/// Named after its filing, whose locked intent tells recovery that it is still being written. The disk is asked
/// to start writing as the file grows, so that the flush before the commit has little left to wait for. A file
/// that is never staged is deleted when it goes.
final class StagingFile {
    let path: String
    private var descriptor: Int32
    private(set) var size: Int64 = 0
    private var staged = false

    init(store: DocumentStore, filingID: String) throws(StoreError) {
        path = "\(store.tempDirectory)/\(filingID).\(UUID().uuidString).tmp"
        descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        // A home copied by a tool that leaves out empty directories (git does) has no temp directory.
        if descriptor < 0 && errno == ENOENT && mkdir(store.tempDirectory, 0o700) == 0 {
            descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        }
        guard descriptor >= 0 else { throw StoreError.writeFailed(path: path, reason: FileIO.lastError()) }
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
        if !staged { unlink(path) }
    }

    func write(_ chunk: UnsafeRawBufferPointer) throws(StoreError) {
        try FileIO.writeAll(descriptor, chunk, path: path)
        grow(by: chunk.count)
    }

    /// Appends `count` bytes of `source` from `offset`, handing `body` each stretch of them as this file holds
    /// them, so that what the caller hashes is what is kept; returns how many were appended, fewer only when
    /// `source` ends first.
    ///
    /// The kernel copies the bytes where it can (`copy_file_range`), and `body` reads them from a mapping of this
    /// file, a window at a time: no byte is copied through this process. Where the kernel cannot copy (another
    /// file system, an older kernel), the bytes are read and written.
    func append(
        from source: Int32, sourcePath: String, at offset: Int64, count: Int64,
        _ body: (UnsafeRawBufferPointer) throws -> Void
    ) throws -> Int64 {
        var done: Int64 = 0
        while done < count {
            let window = Int(min(count - done, Self.window))
            let appended =
                try kernelCopies
                ? copyWindow(from: source, sourcePath: sourcePath, at: offset + done, count: window, body)
                : readWindow(from: source, sourcePath: sourcePath, at: offset + done, count: window, body)
            done += Int64(appended)
            if appended < window { break }
        }
        return done
    }

    /// How much is copied and mapped at once: page-aligned, so each window of this file can be mapped.
    private static let window: Int64 = 8 << 20

    private func copyWindow(
        from source: Int32, sourcePath: String, at offset: Int64, count: Int,
        _ body: (UnsafeRawBufferPointer) throws -> Void
    ) throws -> Int {
        var from = off_t(offset)
        var copied = 0
        while copied < count {
            let result = copyFileRange(source, &from, descriptor, nil, count - copied, 0)
            if result < 0 {
                if errno == EINTR { continue }
                // Nothing of the window copied yet: read and write it instead.
                if copied == 0, [EXDEV, ENOSYS, EINVAL, EOPNOTSUPP].contains(errno) {
                    kernelCopies = false
                    return try readWindow(from: source, sourcePath: sourcePath, at: offset, count: count, body)
                }
                throw StoreError.writeFailed(path: path, reason: FileIO.lastError())
            }
            if result == 0 { break }
            copied += result
        }
        guard copied > 0 else { return 0 }
        let start = off_t(size)
        guard let mapped = mmap(nil, copied, PROT_READ, MAP_SHARED | Self.populate, descriptor, start),
            mapped != MAP_FAILED
        else { throw StoreError.unreadable(path: path, reason: FileIO.lastError()) }
        defer { munmap(mapped, copied) }
        grow(by: copied)
        try body(UnsafeRawBufferPointer(start: mapped, count: copied))
        return copied
    }

    private func readWindow(
        from source: Int32, sourcePath: String, at offset: Int64, count: Int,
        _ body: (UnsafeRawBufferPointer) throws -> Void
    ) throws -> Int {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: min(count, FileIO.chunkSize), alignment: 64)
        defer { buffer.deallocate() }
        var done = 0
        while done < count {
            let read = pread(source, buffer.baseAddress, min(buffer.count, count - done), off_t(offset) + off_t(done))
            if read < 0 && errno == EINTR { continue }
            guard read >= 0 else { throw StoreError.unreadable(path: sourcePath, reason: FileIO.lastError()) }
            if read == 0 { break }
            let chunk = UnsafeRawBufferPointer(rebasing: buffer[0..<read])
            try write(chunk)
            try body(chunk)
            done += read
        }
        return done
    }

    #if canImport(Glibc)
        /// The mapping's pages are read in at once rather than faulted in one by one.
        private static let populate = MAP_POPULATE
    #else
        private static let populate: Int32 = 0
    #endif

    /// Whether `copy_file_range` has worked so far.
    private var kernelCopies = true

    private func grow(by count: Int) {
        let before = size
        size += Int64(count)
        if before / DocumentStore.writebackStride != size / DocumentStore.writebackStride {
            FileIO.startWriteback(descriptor, upTo: size)
        }
    }

    /// Closes the file, flushed when `durable`, and hands it over as staged: from now on it is the caller's to
    /// place or discard.
    func stage(fileName: String, sha256: String, mediaType: MediaType, durable: Bool) throws(StoreError)
        -> DocumentStore.Staged
    {
        if durable {
            guard fsync(descriptor) == 0 else { throw StoreError.writeFailed(path: path, reason: FileIO.lastError()) }
        } else {
            // The disk starts on what is left now, not when the caller flushes them all: a file smaller than the
            // stride has not been started at all.
            FileIO.startWriteback(descriptor, upTo: size)
        }
        close(descriptor)
        descriptor = -1
        staged = true
        return DocumentStore.Staged(
            fileName: fileName, tempPath: path, sha256: sha256, size: size, mediaType: mediaType)
    }
}

/// Where one filing's temp files go, for workers on other threads to write them.
struct StagingArea: Sendable {
    let store: DocumentStore
    let filingID: String

    func newFile() throws(StoreError) -> StagingFile {
        try StagingFile(store: store, filingID: filingID)
    }
}

#if canImport(Glibc)
    /// Linux's copy_file_range(2), which Swift's Glibc module does not declare (it needs _GNU_SOURCE).
    @_silgen_name("copy_file_range")
    private func copyFileRange(
        _ input: Int32, _ inputOffset: UnsafeMutablePointer<off_t>?, _ output: Int32,
        _ outputOffset: UnsafeMutablePointer<off_t>?, _ count: Int, _ flags: UInt32
    ) -> Int
#else
    /// Elsewhere the bytes are read and written.
    private func copyFileRange(
        _ input: Int32, _ inputOffset: UnsafeMutablePointer<off_t>?, _ output: Int32,
        _ outputOffset: UnsafeMutablePointer<off_t>?, _ count: Int, _ flags: UInt32
    ) -> Int {
        errno = ENOSYS
        return -1
    }
#endif
