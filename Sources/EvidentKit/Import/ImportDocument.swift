import Crypto
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A document an import names, found inside the import file's directory, hashed and typed without being copied.
struct ImportDocument: Sendable {
    /// The real path of the file.
    var path: String
    var fileName: String
    var sha256: String
    var size: Int64
    var mediaType: MediaType

    /// The document a row names by `relative`, which must stay inside `base` (a real directory path): no absolute
    /// path, no `..`, no symbolic link that leads out. Throws the reason it cannot be used.
    static func locate(_ relative: String, in base: String) throws(InputError) -> String {
        func refuse(_ reason: UserMessage) -> InputError {
            InputError(field: .document, value: relative, reason: reason)
        }
        guard !relative.hasPrefix("/"), !relative.hasPrefix("~") else {
            throw refuse("must be a path relative to the import file's directory, not an absolute one")
        }
        let parts = relative.split(separator: "/", omittingEmptySubsequences: true)
        guard !parts.contains(where: { $0 == ".." }) else {
            throw refuse("must not leave the import file's directory (no '..')")
        }
        guard !relative.contains("\0") else { throw refuse("must not contain a NUL character") }
        let joined = base + "/" + parts.joined(separator: "/")
        guard let resolved = realpath(joined, nil) else {
            throw refuse(
                errno == ENOENT || errno == ENOTDIR ? "no such file" : "cannot be read (\(FileIO.lastError()))")
        }
        defer { free(resolved) }
        let real = String(cString: resolved)
        guard real.hasPrefix(base + "/") else {
            throw refuse("is a symbolic link that leads out of the import file's directory")
        }
        var info = stat()
        guard stat(real, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw refuse("is not a regular file")
        }
        return real
    }

    /// Hashes a located file and detects its media type, reading it once.
    static func fingerprint(path: String, fileName: String) throws -> ImportDocument {
        let input = open(path, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw StoreError.unreadable(path: path, reason: FileIO.lastError()) }
        defer { close(input) }
        var hasher = SHA256()
        var head: [UInt8] = []
        var size = 0
        try FileIO.readChunks(input, path: path) { chunk in
            hasher.update(bufferPointer: chunk)
            if head.count < MediaTypeDetector.headSize {
                head.append(contentsOf: chunk.prefix(MediaTypeDetector.headSize - head.count))
            }
            size += chunk.count
        }
        guard size > 0 else { throw StoreError.emptyFile(path: path) }
        return ImportDocument(
            path: path, fileName: fileName, sha256: Hashing.hex(hasher.finalize()), size: Int64(size),
            mediaType: MediaTypeDetector.detect(head: head, path: path, fileName: fileName))
    }
}
