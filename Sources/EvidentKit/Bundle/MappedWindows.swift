import Foundation

/// A file mapped into memory and handed to libarchive a window at a time.
///
/// Handing out mapped pages avoids copying every byte from the page cache, which on this kind of
/// machine costs as much as hashing it; each window is dropped from the process once libarchive asks
/// for the next, so memory stays flat whatever the size of the file.
final class MappedWindows {
    static let windowSize = 8 << 20

    let base: UnsafeMutableRawPointer
    let size: Int
    var offset = 0
    var previous: (start: Int, length: Int)?

    init?(descriptor: Int32) {
        // Only seekable files have an end to find; anything else is read the ordinary way.
        let end = lseek(descriptor, 0, SEEK_END)
        guard end > 0, lseek(descriptor, 0, SEEK_SET) == 0,
            let mapped = mmap(nil, Int(end), PROT_READ, MAP_PRIVATE, descriptor, 0), mapped != MAP_FAILED
        else { return nil }
        base = mapped
        size = Int(end)
        madvise(base, size, MADV_SEQUENTIAL)
    }

    deinit {
        munmap(base, size)
    }

    /// The next window, after releasing the one before it.
    func next() -> UnsafeRawBufferPointer {
        if let previous { madvise(base + previous.start, previous.length, MADV_DONTNEED) }
        let length = min(Self.windowSize, size - offset)
        defer {
            previous = (offset, length)
            offset += length
        }
        return UnsafeRawBufferPointer(start: base + offset, count: length)
    }
}
