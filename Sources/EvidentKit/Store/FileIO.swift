import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The POSIX file handling the store, keys, bundles and extraction share: whole writes, exclusive and
/// atomic creation, directory syncs, and errno in words.
enum FileIO {
    /// The size of the chunks files are read in.
    static let chunkSize = 1 << 20

    /// The system's words for the last error, such as `No space left on device`.
    static func lastError() -> String { words(errno: errno) }

    /// The system's words for an errno value.
    static func words(errno code: Int32) -> String { String(cString: strerror(code)) }

    static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws(StoreError) {
        var offset = 0
        while offset < bytes.count {
            let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw StoreError.writeFailed(path: path, reason: lastError())
            }
            offset += written
        }
    }

    /// Reads a file descriptor to its end in fixed-size chunks, whatever the file's size.
    static func readChunks(
        _ descriptor: Int32, path: String, _ body: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = read(descriptor, buffer.baseAddress, buffer.count)
            if count < 0 {
                if errno == EINTR { continue }
                throw StoreError.unreadable(path: path, reason: lastError())
            }
            if count == 0 { return }
            try body(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        }
    }

    /// Creates a new file with `contents`, refusing to replace one.
    static func createExclusive(_ path: String, mode: mode_t, contents: [UInt8]) throws(StoreError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else {
            throw errno == EEXIST
                ? StoreError.alreadyExists(path: path) : StoreError.writeFailed(path: path, reason: lastError())
        }
        defer { close(descriptor) }
        var failure: StoreError?
        contents.withUnsafeBytes { bytes in
            do throws(StoreError) { try writeAll(descriptor, bytes, path: path) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Writes `path` all or nothing: `produce` writes a temp file beside it, which is fsynced and renamed over
    /// `path` only when `produce` returns, and removed when it throws. Unless `replace`, an existing `path` is
    /// refused and left alone, also one that appears while `produce` runs.
    ///
    /// Each call has a temp file of its own, so two processes writing the same path at once each finish a
    /// whole file, and the last rename wins.
    static func replaceAtomically(
        _ path: String, replace: Bool = true, produce: (_ temporaryPath: String) throws -> Void
    ) throws {
        // A short name of its own: the target's name may already be as long as a name can be (255 bytes).
        let directory = (path as NSString).deletingLastPathComponent
        let temporary =
            (directory.isEmpty ? "" : directory + "/") + ".evident-\(getpid())-\(UUID().uuidString).partial"
        do {
            try produce(temporary)
            try sync(temporary)
            if replace {
                guard rename(temporary, path) == 0 else {
                    throw StoreError.writeFailed(path: path, reason: lastError())
                }
            } else {
                // A hard link never replaces what is there; the temp name goes once the target has the bytes.
                guard link(temporary, path) == 0 else {
                    throw errno == EEXIST
                        ? StoreError.alreadyExists(path: path) : StoreError.writeFailed(path: path, reason: lastError())
                }
                unlink(temporary)
            }
        } catch StoreError.writeFailed(let failed, let reason) where failed == temporary {
            unlink(temporary)
            throw StoreError.writeFailed(path: path, reason: reason)
        } catch {
            unlink(temporary)
            throw error
        }
        syncDirectory(URL(fileURLWithPath: path).deletingLastPathComponent().path)
    }

    /// Flushes a written file to storage.
    static func sync(_ path: String) throws(StoreError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw StoreError.writeFailed(path: path, reason: lastError()) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw StoreError.writeFailed(path: path, reason: lastError()) }
    }

    /// Asks the system to start writing a file's bytes up to `offset` to storage, without waiting for it: a later
    /// fsync then has less to wait for. Linux only; elsewhere the fsync does it all.
    static func startWriteback(_ descriptor: Int32, upTo offset: Int64) {
        #if canImport(Glibc)
            _ = startWritingRange(descriptor, 0, offset, 2)  // SYNC_FILE_RANGE_WRITE
        #endif
    }

    static func syncDirectory(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}

#if canImport(Glibc)
    /// Linux's sync_file_range(2), which Swift's Glibc module does not declare (it needs _GNU_SOURCE).
    @_silgen_name("sync_file_range")
    private func startWritingRange(_ descriptor: Int32, _ offset: Int64, _ count: Int64, _ flags: UInt32) -> Int32
#endif
