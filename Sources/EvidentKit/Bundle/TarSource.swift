import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file handed to libarchive in blocks read into one reused buffer, which notices the file changing.
///
/// The file is read, not mapped: a mapped file that another process truncates kills the reader with
/// SIGBUS, while a read merely comes up short. Blocks of 1 MiB stay in the processor's cache between
/// the copy and the hash, which keeps verify within a few percent of the mapping's speed on the
/// benchmark. The file's state when it was opened is kept, so that a file changed under the reader is
/// told apart from one that was broken to begin with.
final class TarSource {
    let descriptor: Int32
    private let opened: FileState?
    private let buffer: UnsafeMutableRawBufferPointer
    /// How many bytes have been read from the file.
    private(set) var offset: Int64 = 0
    /// Why the last read failed, in the system's words.
    private var readFailure: String?

    init(descriptor: Int32) {
        self.descriptor = descriptor
        opened = FileState(descriptor: descriptor)
        buffer = .allocate(byteCount: FileIO.chunkSize, alignment: 16)
        #if canImport(Glibc)
            // The kernel reads further ahead for a file read from start to end.
            posix_fadvise(descriptor, 0, 0, POSIX_FADV_SEQUENTIAL)
        #endif
    }

    deinit {
        buffer.deallocate()
    }

    /// The next block of the file, empty at its end, or nil when reading fails.
    func next() -> UnsafeRawBufferPointer? {
        while true {
            let count = read(descriptor, buffer.baseAddress, buffer.count)
            if count < 0 {
                if errno == EINTR { continue }
                readFailure = FileIO.lastError()
                return nil
            }
            offset += Int64(count)
            return UnsafeRawBufferPointer(rebasing: buffer[0..<count])
        }
    }

    /// Why the bytes read cannot be trusted: the file changed since it was opened, or a read failed; nil when
    /// neither happened.
    func problem() -> String? {
        if let readFailure { return "cannot be read (\(readFailure))" }
        guard let opened, let now = FileState(descriptor: descriptor), now != opened else {
            return nil
        }
        return now.size == opened.size
            ? "changed while it was being read"
            : "changed while it was being read (\(opened.size) bytes when opened, \(now.size) now)"
    }

    /// The offset of the first byte from `start` to the end of the file that is not zero, or nil when all are.
    func firstNonZero(from start: Int64) -> Int64? {
        var position = start
        while true {
            let count = pread(descriptor, buffer.baseAddress, buffer.count, off_t(position))
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                if count < 0 { readFailure = FileIO.lastError() }
                return nil
            }
            let bytes = UnsafeRawBufferPointer(rebasing: buffer[0..<count])
            if let index = bytes.firstIndex(where: { $0 != 0 }) { return position + Int64(index) }
            position += Int64(count)
        }
    }
}
