import CArchive
import Foundation

/// What libarchive reported, with its own words.
public struct ArchiveError: Error, Sendable, Equatable, CustomStringConvertible {
    public let operation: String
    public let message: String

    public var description: String { "\(operation): \(message)" }

    init(_ operation: String, _ archive: OpaquePointer?) {
        self.operation = operation
        self.message = archive.flatMap { archive_error_string($0) }.map { String(cString: $0) } ?? "unknown error"
    }
}

/// Writes an uncompressed pax tar through libarchive; owns the `archive*` and frees it in `deinit`.
///
/// Every entry gets the same mtime, uid and gid 0 and fixed modes, and nothing else, so that the
/// same entries give the same bytes.
final class TarWriter {
    private let archive: OpaquePointer
    private let mtime: Int
    private var closed = false

    init(path: String, mtime: Int) throws(ArchiveError) {
        // libarchive can crash writing pax headers for non-ASCII names under the C locale.
        setlocale(LC_ALL, "C.UTF-8")
        guard let archive = archive_write_new() else { throw ArchiveError("archive_write_new", nil) }
        self.archive = archive
        self.mtime = mtime
        guard archive_write_set_format_pax_restricted(archive) == ARCHIVE_OK,
            archive_write_add_filter_none(archive) == ARCHIVE_OK,
            archive_write_open_filename(archive, path) == ARCHIVE_OK
        else { throw ArchiveError("open \(path)", archive) }
    }

    deinit {
        if !closed { archive_write_close(archive) }
        archive_write_free(archive)
    }

    private func header(_ path: String, type: UInt32, mode: mode_t, size: Int64) throws(ArchiveError) {
        guard let entry = archive_entry_new() else { throw ArchiveError("archive_entry_new", archive) }
        defer { archive_entry_free(entry) }
        archive_entry_set_pathname_utf8(entry, path)
        archive_entry_set_filetype(entry, type)
        archive_entry_set_perm(entry, mode)
        archive_entry_set_size(entry, size)
        archive_entry_set_mtime(entry, time_t(mtime), 0)
        archive_entry_set_uid(entry, 0)
        archive_entry_set_gid(entry, 0)
        guard archive_write_header(archive, entry) == ARCHIVE_OK else { throw ArchiveError("write \(path)", archive) }
    }

    func addDirectory(_ path: String) throws(ArchiveError) {
        try header(path, type: CARCHIVE_AE_IFDIR, mode: 0o755, size: 0)
    }

    /// Adds a regular file whose `size` bytes `produce` writes through the callback it is given.
    func addFile(
        _ path: String, size: Int64, produce: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void
    ) throws {
        try header(path, type: CARCHIVE_AE_IFREG, mode: 0o644, size: size)
        var written: Int64 = 0
        try produce { chunk in
            guard written + Int64(chunk.count) <= size,
                archive_write_data(archive, chunk.baseAddress, chunk.count) == chunk.count
            else { throw ArchiveError("write data of \(path)", archive) }
            written += Int64(chunk.count)
        }
        guard written == size else { throw ArchiveError("write data of \(path)", archive) }
        guard archive_write_finish_entry(archive) == ARCHIVE_OK else { throw ArchiveError("finish \(path)", archive) }
    }

    func addFile(_ path: String, bytes: [UInt8]) throws {
        try addFile(path, size: Int64(bytes.count)) { write in try bytes.withUnsafeBytes { try write($0) } }
    }

    func close() throws(ArchiveError) {
        closed = true
        guard archive_write_close(archive) == ARCHIVE_OK else { throw ArchiveError("close", archive) }
    }
}

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

/// Reads a tar as a stream through libarchive, with only the tar reader and no decompression filters.
final class TarReader {
    /// One entry's header as the verifier needs it.
    struct Entry {
        enum Kind { case file, directory, other(String) }

        let path: String?
        let rawPath: [UInt8]
        let kind: Kind
    }

    private let archive: OpaquePointer
    private let windows: MappedWindows?

    init(descriptor: Int32) throws(ArchiveError) {
        setlocale(LC_ALL, "C.UTF-8")
        guard let archive = archive_read_new() else { throw ArchiveError("archive_read_new", nil) }
        self.archive = archive
        windows = MappedWindows(descriptor: descriptor)
        guard archive_read_support_format_tar(archive) == ARCHIVE_OK else { throw ArchiveError("open", archive) }
        let opened: Int32
        if let windows {
            archive_read_set_callback_data(archive, Unmanaged.passUnretained(windows).toOpaque())
            archive_read_set_read_callback(archive) { _, context, buffer in
                let window = Unmanaged<MappedWindows>.fromOpaque(context!).takeUnretainedValue().next()
                buffer?.pointee = window.baseAddress
                return window.count
            }
            opened = archive_read_open1(archive)
        } else {
            opened = archive_read_open_fd(archive, descriptor, 1 << 20)
        }
        guard opened == ARCHIVE_OK else { throw ArchiveError("open", archive) }
    }

    deinit {
        archive_read_free(archive)
    }

    /// The next entry's header, or nil at the end of the archive.
    func next() throws(ArchiveError) -> Entry? {
        var entry: OpaquePointer?
        switch archive_read_next_header(archive, &entry) {
        case ARCHIVE_OK, ARCHIVE_WARN: break
        case ARCHIVE_EOF: return nil
        default: throw ArchiveError("read header", archive)
        }
        guard let entry else { throw ArchiveError("read header", archive) }
        let raw =
            archive_entry_pathname(entry).map { Array(UnsafeBufferPointer(start: $0, count: strlen($0))) }
            .map { $0.map { UInt8(bitPattern: $0) } } ?? []
        let path = archive_entry_pathname_utf8(entry).map { String(cString: $0) }
        let kind: Entry.Kind
        let type = archive_entry_filetype(entry)
        if archive_entry_hardlink(entry) != nil {
            kind = .other("hard link")
        } else if archive_entry_sparse_count(entry) > 0 {
            kind = .other("sparse file")
        } else if type == CARCHIVE_AE_IFREG {
            kind = .file
        } else if type == CARCHIVE_AE_IFDIR {
            kind = .directory
        } else if type == CARCHIVE_AE_IFLNK {
            kind = .other("symbolic link")
        } else {
            kind = .other("device, FIFO or socket")
        }
        return Entry(path: path, rawPath: raw, kind: kind)
    }

    /// Streams the current entry's data in the blocks libarchive holds, without copying them.
    func readData(_ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        var buffer: UnsafeRawPointer?
        var size = 0
        var offset: la_int64_t = 0
        while true {
            let code = archive_read_data_block(archive, &buffer, &size, &offset)
            if code == ARCHIVE_EOF { return }
            guard code == ARCHIVE_OK || code == ARCHIVE_WARN else { throw ArchiveError("read data", archive) }
            try body(UnsafeRawBufferPointer(start: buffer, count: size))
        }
    }
}
