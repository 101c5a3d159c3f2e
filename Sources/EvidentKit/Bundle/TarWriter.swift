import CArchive
import Foundation

/// Writes an uncompressed pax tar through libarchive; owns the `archive*` and frees it in `deinit`.
///
/// Every entry gets the same mtime, uid and gid 0 and fixed modes, and nothing else, so that the
/// same entries give the same bytes. The bytes are written by evident, not by libarchive, so that a
/// failed write is reported in the system's words (`No space left on device`), not as libarchive's
/// `Write error`.
final class TarWriter {
    private let archive: OpaquePointer
    private let output: TarOutput
    private let mtime: Int
    private var closed = false
    /// How many bytes are written between asking the disk to start writing them.
    static let writebackStride = Int64(8 * FileIO.chunkSize)

    init(path: String, mtime: Int) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw StoreError.writeFailed(path: path, reason: FileIO.lastError()) }
        output = TarOutput(descriptor: descriptor, path: path)
        guard let archive = archive_write_new() else { throw ArchiveError("archive_write_new", nil) }
        self.archive = archive
        self.mtime = mtime
        // Written in blocks of 1 MiB rather than tar's 10 KiB (a hundred times fewer writes), and padded at the end
        // to 10 KiB as before, so the archive's bytes stay the same.
        guard archive_write_set_format_pax_restricted(archive) == ARCHIVE_OK,
            archive_write_add_filter_none(archive) == ARCHIVE_OK,
            archive_write_set_bytes_per_block(archive, Int32(FileIO.chunkSize)) == ARCHIVE_OK,
            archive_write_set_bytes_in_last_block(archive, 10240) == ARCHIVE_OK
        else { throw ArchiveError("open \(path)", archive) }
        let opened = archive_write_open(
            archive, Unmanaged.passUnretained(output).toOpaque(), nil,
            { _, context, buffer, length in
                let output = Unmanaged<TarOutput>.fromOpaque(context!).takeUnretainedValue()
                do throws(StoreError) {
                    try FileIO.writeAll(
                        output.descriptor, UnsafeRawBufferPointer(start: buffer, count: length), path: output.path)
                    output.written += Int64(length)
                    // The disk starts writing while the rest is produced, so the final fsync has less to wait for.
                    if output.written / TarWriter.writebackStride != (output.written - Int64(length))
                        / TarWriter.writebackStride
                    {
                        FileIO.startWriteback(output.descriptor, upTo: output.written)
                    }
                } catch {
                    output.failure = error
                    return -1
                }
                return la_ssize_t(length)
            }, nil)
        guard opened == ARCHIVE_OK else { throw failure("open \(path)") }
    }

    deinit {
        if !closed { archive_write_close(archive) }
        archive_write_free(archive)
    }

    /// Why the last call failed: the system's reason when writing the file failed, else libarchive's.
    private func failure(_ operation: String) -> any Error {
        output.failure ?? ArchiveError(operation, archive)
    }

    private func header(_ path: String, type: UInt32, mode: mode_t, size: Int64) throws {
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
        guard written == ARCHIVE_OK else { throw failure("write \(path)") }
    }

    func addDirectory(_ path: String) throws {
        try header(path, type: CARCHIVE_AE_IFDIR, mode: 0o755, size: 0)
    }

    /// Adds a regular file whose `size` bytes `produce` writes through the callback it is given.
    func addFile(
        _ path: String, size: Int64, produce: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void
    ) throws {
        try header(path, type: CARCHIVE_AE_IFREG, mode: 0o644, size: size)
        var written: Int64 = 0
        try produce { chunk in
            guard written + Int64(chunk.count) <= size else {
                throw ArchiveError("write data of \(path)", message: "more than the \(size) bytes its header declares")
            }
            guard archive_write_data(archive, chunk.baseAddress, chunk.count) == chunk.count else {
                throw failure("write data of \(path)")
            }
            written += Int64(chunk.count)
        }
        guard written == size else {
            throw ArchiveError("write data of \(path)", message: "\(written) bytes where its header declares \(size)")
        }
        guard archive_write_finish_entry(archive) == ARCHIVE_OK else { throw failure("finish \(path)") }
    }

    func addFile(_ path: String, bytes: [UInt8]) throws {
        try addFile(path, size: Int64(bytes.count)) { write in try bytes.withUnsafeBytes { try write($0) } }
    }

    func close() throws {
        closed = true
        guard ArchiveLocale.run({ archive_write_close(archive) }) == ARCHIVE_OK else {
            throw failure("close")
        }
    }
}

/// The file a `TarWriter` writes to, and why writing to it failed, if it did.
private final class TarOutput {
    let descriptor: Int32
    let path: String
    var failure: StoreError?
    /// How many bytes have been written.
    var written: Int64 = 0

    init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    deinit { close(descriptor) }
}
