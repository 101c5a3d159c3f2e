import Crypto
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a file in chunks on the calling thread and hashes them on a second one, so that hashing, the slowest
/// step, runs on its own core while the caller reads, writes or copies.
///
/// Chunks go round a small ring of buffers (`depth` × `FileIO.chunkSize`), so memory stays the same whatever the
/// file's size. The caller's `body` sees each chunk while the hasher may be reading it too; neither writes to it.
enum HashingReader {
    /// How many chunks may be read ahead of the hasher.
    static let depth = 3
    /// Files up to this size are hashed on the calling thread.
    static let inlineLimit = 2 * FileIO.chunkSize

    /// Reads `descriptor` to its end, handing each chunk to `body`; returns the SHA-256 of every byte read.
    static func stream(
        _ descriptor: Int32, path: String, _ body: (UnsafeRawBufferPointer) throws -> Void
    ) throws -> SHA256.Digest {
        var info = stat()
        let size = fstat(descriptor, &info) == 0 ? Int64(info.st_size) : Int64.max
        return try stream(expectedSize: size, body) { buffer in
            var count: Int
            repeat { count = read(descriptor, buffer.baseAddress, buffer.count) } while count < 0 && errno == EINTR
            if count < 0 { throw StoreError.unreadable(path: path, reason: FileIO.lastError()) }
            return count
        }
    }

    /// Reads with `read` (which fills the buffer it is given and returns how many bytes it wrote, 0 at the end)
    /// until it returns 0, handing each chunk to `body`; returns the SHA-256 of every byte read. A file of at most
    /// `inlineLimit` bytes (`expectedSize`, a hint) is hashed on the calling thread, and so is every file when
    /// `onThisThread` (for a caller whose other threads keep the other cores busy).
    static func stream(
        expectedSize: Int64, onThisThread: Bool = false, _ body: (UnsafeRawBufferPointer) throws -> Void,
        read: (UnsafeMutableRawBufferPointer) throws -> Int
    ) throws -> SHA256.Digest {
        // A second thread costs more than it saves on a small file.
        if onThisThread || expectedSize <= Int64(inlineLimit) {
            var hasher = SHA256()
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: FileIO.chunkSize, alignment: 64)
            defer { buffer.deallocate() }
            while true {
                let count = try read(buffer)
                if count == 0 { break }
                let chunk = UnsafeRawBufferPointer(rebasing: buffer[0..<count])
                hasher.update(bufferPointer: chunk)
                try body(chunk)
            }
            return hasher.finalize()
        }
        let ring = Ring(depth: depth)
        let hasher = Thread { ring.hashUntilEnd() }
        hasher.start()
        var next = 0
        var holding = false
        // A zero count stops the hasher; its buffers are freed only once it has.
        func end() {
            if !holding { ring.free.wait() }
            ring.counts[next % depth] = 0
            ring.filled.signal()
            ring.done.wait()
        }
        do {
            while true {
                ring.free.wait()
                holding = true
                let slot = ring.slots[next % depth]
                let count = try read(slot)
                if count == 0 { break }
                ring.counts[next % depth] = count
                ring.filled.signal()
                holding = false
                next += 1
                try body(UnsafeRawBufferPointer(rebasing: slot[0..<count]))
            }
        } catch {
            end()
            throw error
        }
        end()
        return ring.hasher.finalize()
    }

    /// The buffers and the hasher the two threads share; the semaphores order every access.
    private final class Ring: @unchecked Sendable {
        let slots: [UnsafeMutableRawBufferPointer]
        var counts: [Int]
        var hasher = SHA256()
        /// Chunks read and not hashed yet; a zero count ends the file.
        let filled = DispatchSemaphore(value: 0)
        /// Buffers free to read into.
        let free: DispatchSemaphore
        /// Signalled once the hasher has stopped.
        let done = DispatchSemaphore(value: 0)

        /// The buffers' memory, mapped rather than allocated, so that rings made and freed on many threads do not
        /// pile up in malloc's per-thread arenas.
        private let memory: UnsafeMutableRawPointer

        /// Memory of rings that have gone, kept for the next (at most `spareLimit`): a fresh mapping costs a page
        /// fault per page the first time it is read into, which for many files costs as much as copying them.
        nonisolated(unsafe) private static var spare: [UnsafeMutableRawPointer] = []
        private static let spareLock = NSLock()
        private static let spareLimit = 2

        init(depth: Int) {
            precondition(depth == HashingReader.depth, "spare memory is of one size")
            let reused = Self.spareLock.withLock { Self.spare.popLast() }
            let mapped =
                reused
                ?? mmap(nil, depth * FileIO.chunkSize, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
            guard let mapped, mapped != MAP_FAILED else { fatalError("cannot map \(depth) MiB: \(FileIO.lastError())") }
            memory = mapped
            slots = (0..<depth).map {
                UnsafeMutableRawBufferPointer(start: mapped + $0 * FileIO.chunkSize, count: FileIO.chunkSize)
            }
            counts = Array(repeating: 0, count: depth)
            // Counted up rather than created at `depth`: libdispatch refuses to free a semaphore below its
            // initial value.
            free = DispatchSemaphore(value: 0)
            for _ in 0..<depth { free.signal() }
        }

        deinit {
            let kept = Self.spareLock.withLock {
                guard Self.spare.count < Self.spareLimit else { return false }
                Self.spare.append(memory)
                return true
            }
            if !kept { munmap(memory, slots.count * FileIO.chunkSize) }
        }

        func hashUntilEnd() {
            var index = 0
            while true {
                filled.wait()
                let count = counts[index % slots.count]
                if count == 0 { break }
                hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: slots[index % slots.count][0..<count]))
                free.signal()
                index += 1
            }
            done.signal()
        }
    }
}
