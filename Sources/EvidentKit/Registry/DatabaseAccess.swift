import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How a home's database is reached: read-only unless a change asks for more, also on read-only media.
///
/// Commands that only read never open the database for writing, so an auditor's copy on a read-only disc works
/// and a read cannot change the file. The writer is opened on the first change, once per registry.
enum DatabaseAccess {
    /// The first bytes of every SQLite database file.
    static let sqliteHeader = Array("SQLite format 3\0".utf8)

    /// Refuses a database file that `init` did not make: missing, empty, not a file or not SQLite. Reads only.
    static func checkFile(of home: Home) throws(RegistryError) {
        var info = stat()
        guard stat(home.databasePath, &info) == 0 else { throw RegistryError.homeMissing(path: home.path) }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw RegistryError.notARegistry(path: home.databasePath, reason: "it is not a regular file")
        }
        // A database whose content is still all in its write-ahead log has an empty main file.
        var log = stat()
        let logged = stat(home.databasePath + "-wal", &log) == 0 && log.st_size > 0
        if info.st_size == 0 {
            guard logged else { throw RegistryError.notARegistry(path: home.databasePath, reason: "it is empty") }
            return
        }
        guard let handle = FileHandle(forReadingAtPath: home.databasePath) else {
            throw RegistryError.storage("cannot read \(home.databasePath): \(FileIO.lastError())")
        }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: sqliteHeader.count)).map(Array.init) ?? []
        guard head == sqliteHeader else {
            throw RegistryError.notARegistry(path: home.databasePath, reason: "it is not an SQLite database")
        }
    }

    /// The settings every connection shares.
    static func configuration(readonly: Bool) -> Configuration {
        var configuration = Configuration()
        configuration.readonly = readonly
        configuration.foreignKeysEnabled = true
        // Other evident processes may hold the write lock while filing; wait for them.
        configuration.busyMode = .timeout(30)
        if !readonly {
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA synchronous = FULL")
            }
        }
        return configuration
    }

    /// Opens the database for reading only; returns the reader and the name SQLite opened it by.
    ///
    /// Where the home can be written, or SQLite's shared-memory file is there already, readers share the
    /// write-ahead log with writers as usual. A copy on read-only media without one cannot have it created: it
    /// is opened as immutable, which is exact only when no log holds changes the database file lacks, so a copy
    /// with such a log but without its shared-memory file is refused.
    static func openReader(_ home: Home) throws -> (reader: any DatabaseReader, location: String) {
        let path = home.databasePath
        let sharedMemory = FileManager.default.fileExists(atPath: path + "-shm")
        if sharedMemory || access(home.path, W_OK) == 0 {
            return (try DatabasePool(path: path, configuration: configuration(readonly: true)), path)
        }
        var log = stat()
        if stat(path + "-wal", &log) == 0 && log.st_size > 0 {
            throw RegistryError.unreadableCopy(path: path)
        }
        var components = URLComponents()
        components.scheme = "file"
        components.path = path
        components.queryItems = [URLQueryItem(name: "immutable", value: "1")]
        let location = components.string ?? path
        return (try DatabaseQueue(path: location, configuration: configuration(readonly: true)), location)
    }

    /// What the database holds, read without changing it.
    enum Content {
        /// An evident registry with every migration this version knows applied.
        case current
        /// An evident registry that an earlier version made, which needs migrating.
        case earlier
    }

    /// Tells an evident registry from another program's SQLite database, and from one a later evident made.
    static func content(of reader: any DatabaseReader, path: String) throws -> Content {
        try reader.read { db in
            guard try db.tableExists("grdb_migrations") else {
                throw RegistryError.notARegistry(path: path, reason: "it is an SQLite database, but not evident's")
            }
            let applied = Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
            let known = Migrations.migrator.migrations
            guard applied.contains(known[0]) else {
                throw RegistryError.notARegistry(path: path, reason: "it is an SQLite database, but not evident's")
            }
            guard applied.isSubset(of: known) else { throw RegistryError.madeByNewerVersion(path: path) }
            return applied.count == known.count ? .current : .earlier
        }
    }
}

/// The database's writer, opened on the first change and kept for the registry's life.
final class LazyWriter: @unchecked Sendable {
    private let home: Home
    private let lock = NSLock()
    private var pool: DatabasePool?

    init(home: Home) {
        self.home = home
    }

    /// The writer; throws when the home cannot be written, such as a copy on read-only media.
    func writer() throws -> DatabasePool {
        lock.lock()
        defer { lock.unlock() }
        if let pool { return pool }
        guard access(home.databasePath, W_OK) == 0, access(home.path, W_OK) == 0 else {
            throw RegistryError.readOnlyHome(path: home.path)
        }
        let pool = try DatabasePool(
            path: home.databasePath, configuration: DatabaseAccess.configuration(readonly: false))
        self.pool = pool
        return pool
    }
}
