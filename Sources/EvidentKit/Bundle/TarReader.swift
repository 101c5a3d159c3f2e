import CArchive
import Foundation

/// Reads a tar as a stream through libarchive, with only the tar reader and no decompression filters.
final class TarReader {
    /// One entry's header as the verifier needs it.
    struct Entry {
        enum Kind { case file, directory, other(String) }

        let path: String?
        let rawPath: [UInt8]
        let kind: Kind
        /// The size its header declares.
        let size: Int64
        /// Where its data starts in the file.
        let dataOffset: Int64
    }

    private let archive: OpaquePointer
    private let source: TarSource

    init(descriptor: Int32) throws(ArchiveError) {
        guard let archive = archive_read_new() else { throw ArchiveError("archive_read_new", nil) }
        self.archive = archive
        source = TarSource(descriptor: descriptor)
        guard archive_read_support_format_tar(archive) == ARCHIVE_OK else { throw ArchiveError("open", archive) }
        archive_read_set_callback_data(archive, Unmanaged.passUnretained(source).toOpaque())
        archive_read_set_read_callback(archive) { _, context, buffer in
            guard let block = Unmanaged<TarSource>.fromOpaque(context!).takeUnretainedValue().next() else { return -1 }
            buffer?.pointee = block.baseAddress
            return block.count
        }
        // Entries whose data is not read through libarchive are skipped without reading them.
        archive_read_set_skip_callback(archive) { _, context, request in
            Unmanaged<TarSource>.fromOpaque(context!).takeUnretainedValue().skip(request)
        }
        guard archive_read_open1(archive) == ARCHIVE_OK else { throw ArchiveError("open", archive) }
    }

    deinit {
        archive_read_free(archive)
    }

    /// The next entry's header, or nil at the end of the archive.
    func next() throws(ArchiveError) -> Entry? {
        try ArchiveLocale.run { () throws(ArchiveError) -> Entry? in try nextEntry() }
    }

    private func nextEntry() throws(ArchiveError) -> Entry? {
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
        // libarchive has consumed the entry's headers, and no more: its data comes next.
        return Entry(
            path: path, rawPath: raw, kind: kind, size: archive_entry_size(entry),
            dataOffset: archive_filter_bytes(archive, 0))
    }

    /// The descriptor of the file, for reading entries' data at their offsets, each reader with its own buffer.
    var descriptor: Int32 { source.descriptor }

    /// The file's size when it was opened.
    var openedSize: Int64? { source.openedSize }

    /// Notes that reading an entry's data at its offset failed, for `problem()` to report.
    func noteFailure(_ error: TarSource.RegionError) {
        source.noteFailure(error)
    }

    /// Why what was read cannot be trusted: the file changed while it was read, or a read failed; nil when
    /// neither happened. Asked after the last entry, and whenever reading fails.
    func problem() -> String? {
        source.problem()
    }

    /// The offset of the first byte after the end of the archive that is not zero padding, or nil when there is
    /// none; asked once `next` has returned nil.
    ///
    /// libarchive stops at the end-of-archive blocks and ignores what follows, but GNU `tar -i` reads on and
    /// extracts a second archive appended there, so anything but zeros is refused.
    func firstTrailingByte() -> Int64? {
        source.firstNonZero(from: archive_filter_bytes(archive, 0))
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
