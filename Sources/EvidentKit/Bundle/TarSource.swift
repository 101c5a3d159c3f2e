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
/// told apart from one that was broken to begin with. Data libarchive skips (payload files) is not read here:
/// `PayloadHashing` reads it at its offsets afterwards, and reports failures back through `noteFailure`.
final class TarSource {
    let descriptor: Int32
    private let opened: FileState?
    private let buffer: UnsafeMutableRawBufferPointer
    /// How many bytes have been read from the file.
    private(set) var offset: Int64 = 0
    /// Why the last read failed, in the system's words.
    private var readFailure: String?
    /// Whether a part of the file read on its own ended before the entry it belongs to.
    private var endedEarly = false

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

    /// The file's size when it was opened, which every part read must lie within.
    var openedSize: Int64? { opened?.size }

    /// How much the next block reads: after a skip, most likely only the next entry's header is wanted before
    /// the next skip, so a small block, growing back to the buffer's size while libarchive keeps reading.
    private var blockSize = FileIO.chunkSize
    private static let headerBlockSize = 64 << 10

    /// The next block of the file, empty at its end, or nil when reading fails.
    func next() -> UnsafeRawBufferPointer? {
        while true {
            let count = pread(descriptor, buffer.baseAddress, blockSize, off_t(offset))
            if count < 0 {
                if errno == EINTR { continue }
                readFailure = FileIO.lastError()
                return nil
            }
            offset += Int64(count)
            blockSize = min(blockSize * 4, buffer.count)
            return UnsafeRawBufferPointer(rebasing: buffer[0..<count])
        }
    }

    /// Moves past up to `request` bytes without reading them, as far as the file's end when it was opened;
    /// returns how many. libarchive reads on for the rest, so a file too short for an entry reads as truncated.
    func skip(_ request: Int64) -> Int64 {
        let skipped = max(0, min(request, (opened?.size ?? offset) - offset))
        offset += skipped
        blockSize = Self.headerBlockSize
        return skipped
    }

    /// Reads one block of at most `limit` bytes at `start` into `buffer` (the caller's, so that several parts of
    /// the file can be read at once); returns how many, 0 only when `limit` is 0. Throws when the file ends first.
    static func readBlock(
        _ descriptor: Int32, at start: Int64, limit: Int64, into buffer: UnsafeMutableRawBufferPointer
    ) throws(RegionError) -> Int {
        guard limit > 0 else { return 0 }
        while true {
            let count = pread(descriptor, buffer.baseAddress, Int(min(Int64(buffer.count), limit)), off_t(start))
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(FileIO.lastError())
            }
            guard count > 0 else { throw .endedEarly }
            return count
        }
    }

    /// Why a region could not be read whole.
    enum RegionError: Error {
        case unreadable(String)
        case endedEarly
    }

    /// Notes why reading part of the file failed, for `problem()` to report.
    func noteFailure(_ error: RegionError) {
        switch error {
        case .unreadable(let reason): readFailure = readFailure ?? reason
        case .endedEarly: endedEarly = true
        }
    }

    /// Why the bytes read cannot be trusted: the file changed since it was opened, or a read failed; nil when
    /// neither happened.
    func problem() -> String? {
        if let readFailure { return "cannot be read (\(readFailure))" }
        guard let opened, let now = FileState(descriptor: descriptor), now != opened else {
            return endedEarly ? "cannot be read (it ends inside an entry)" : nil
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
