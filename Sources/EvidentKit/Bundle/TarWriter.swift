import CArchive
import Foundation

/// Writes an uncompressed pax tar through libarchive; owns the `archive*` and frees it in `deinit`.
///
/// Every entry gets the same mtime, uid and gid 0 and fixed modes, and nothing else, so that the
/// same entries give the same bytes.
final class TarWriter {
    private let archive: OpaquePointer
    private let mtime: Int
    private var closed = false

    init(path: String, mtime: Int) throws(ArchiveError) {
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
        let written = ArchiveLocale.run { archive_write_header(archive, entry) }
        guard written == ARCHIVE_OK else { throw ArchiveError("write \(path)", archive) }
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
        guard ArchiveLocale.run({ archive_write_close(archive) }) == ARCHIVE_OK else {
            throw ArchiveError("close", archive)
        }
    }
}
