import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One filing's claim on the store, from before it streams its first file until after its commit.
///
/// Its intent file, `objects/pending/<id>.intent`, is locked (`flock`) for the filing's whole life and names
/// the objects it places; its temp files are `objects/tmp/<id>.<n>.tmp`. The kernel drops the lock when the
/// process dies, however it dies, so another process, in any PID namespace, tells a live filing (locked) from
/// the leftovers of a dead one (unlocked) without guessing from process ids.
final class Filing {
    /// The name the intent file and the temp files share.
    let id: String
    let intentPath: String
    /// The open intent file, which holds the lock.
    private var descriptor: Int32

    /// Starts a filing: creates its intent file, locks it, and only then puts it where others look.
    init(pendingDirectory: String) throws(StoreError) {
        guard mkdir(pendingDirectory, 0o700) == 0 || errno == EEXIST else {
            throw StoreError.writeFailed(path: pendingDirectory, reason: FileIO.lastError())
        }
        id = UUID().uuidString
        intentPath = "\(pendingDirectory)/\(id).intent"
        // Locked before it gets the name others read, so that nobody ever sees it unlocked while it lives.
        let creating = "\(pendingDirectory)/\(id).new"
        descriptor = open(creating, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw StoreError.writeFailed(path: creating, reason: FileIO.lastError()) }
        guard flock(descriptor, LOCK_EX) == 0, rename(creating, intentPath) == 0 else {
            let reason = FileIO.lastError()
            close(descriptor)
            unlink(creating)
            throw StoreError.writeFailed(path: intentPath, reason: reason)
        }
        // Durable before any object is placed, so that a crash cannot keep an object and lose its intent.
        FileIO.syncDirectory(pendingDirectory)
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Notes, durably, the objects the filing is about to place, so that they can be removed if it dies before
    /// its commit.
    func note(_ sha256s: [String]) throws(StoreError) {
        let bytes = Array(sha256s.map { $0 + "\n" }.joined().utf8)
        guard ftruncate(descriptor, 0) == 0 else {
            throw StoreError.writeFailed(path: intentPath, reason: FileIO.lastError())
        }
        var failure: StoreError?
        bytes.withUnsafeBytes { buffer in
            do throws(StoreError) {
                _ = lseek(descriptor, 0, SEEK_SET)
                try FileIO.writeAll(descriptor, buffer, path: intentPath)
            } catch { failure = error }
        }
        if let failure { throw failure }
        guard fsync(descriptor) == 0 else { throw StoreError.writeFailed(path: intentPath, reason: FileIO.lastError()) }
    }

    /// Ends the filing, committed or undone, once its temp files are gone: removes the intent, then unlocks it.
    func finish() {
        unlink(intentPath)
        close(descriptor)
        descriptor = -1
    }

    /// The objects the intent file at `path` names (as `note` wrote them); none when it cannot be read.
    static func noted(intentPath path: String) -> [String] {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map(String.init).filter { $0.count == 64 }
    }

    /// Whether the filing that owns the intent file at `path` is still alive; false for a dead one's and for an
    /// intent that is gone.
    static func isLive(intentPath path: String) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return flock(descriptor, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK
    }

    /// The intent of a dead filing, locked by the caller so that nobody else undoes it at the same time.
    final class Leftover {
        let path: String
        let sha256s: [String]
        private let descriptor: Int32

        /// Takes the intent at `path` when its filing is dead; nil while it lives or once it is gone.
        init?(intentPath path: String) {
            descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { return nil }
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
                close(descriptor)
                return nil
            }
            self.path = path
            sha256s = Filing.noted(intentPath: path)
        }

        deinit {
            close(descriptor)
        }

        /// Removes the intent once what it names has been undone.
        func clear() {
            unlink(path)
        }
    }
}
