import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Who makes a change and with which command; recorded in the audit trail.
public struct ChangeContext: Sendable {
    /// Who makes the change, such as a user name or an email address.
    public var actor: String
    /// The command that makes it, such as `evidence add`.
    public var command: String

    /// The context of a change `actor` makes with `command`.
    public init(actor: String, command: String) {
        self.actor = actor
        self.command = command
    }
}

/// The registry: the database of records and the store of their documents, in one home.
///
/// Every public write is one transaction that also appends its audit event, so
/// a change and its trace are both there or both absent.
public struct Registry: Sendable {
    /// The directory the registry lives in.
    public let home: Home
    /// Where the documents live; only the registry reads and writes them, so they stay in step with the rows.
    let store: DocumentStore
    /// Where changes go, opened on the first one; nil in a view of one moment (`frozen()`, `asRecorded(_:)`),
    /// which is for reading only.
    private let writable: LazyWriter?
    /// Where reads go: a read-only connection to the home's database, or the view's own database.
    let reader: any DatabaseReader
    /// The name SQLite opened the home's database by: its path, or a URI that reads a copy on read-only media.
    let databaseLocation: String
    /// The home's read connections, also in a view frozen from them: a load may read on a second connection at
    /// once when it can tell that connection sees what `reader` sees (`EvaluationLoader`). Nil for a copy on
    /// read-only media (one connection) and a view rebuilt in memory.
    let pool: DatabasePool?
    let clock: @Sendable () -> Date

    private init(
        home: Home, writable: LazyWriter?, reader: any DatabaseReader, databaseLocation: String, pool: DatabasePool?,
        clock: @escaping @Sendable () -> Date
    ) {
        self.home = home
        self.store = DocumentStore(root: home.objectsPath)
        self.writable = writable
        self.reader = reader
        self.databaseLocation = databaseLocation
        self.pool = pool
        self.clock = clock
    }

    /// A view of the registry at one moment, read from `reader` (and, where it was frozen from them, the home's
    /// `pool`): it refuses every change.
    init(
        home: Home, view reader: any DatabaseReader, databaseLocation: String, pool: DatabasePool? = nil,
        clock: @escaping @Sendable () -> Date
    ) {
        self.init(
            home: home, writable: nil, reader: reader, databaseLocation: databaseLocation, pool: pool, clock: clock)
    }

    /// Where changes go.
    var writer: any DatabaseWriter {
        get throws {
            guard let writable else { throw RegistryError.readOnlyView }
            return try Self.storageErrors { try writable.writer() }
        }
    }

    /// Creates a new home (directory 0700, database 0600) with an empty, migrated registry.
    public static func create(
        at home: Home, clock: @escaping @Sendable () -> Date = { Date() }
    ) throws -> Registry {
        if FileManager.default.fileExists(atPath: home.databasePath) {
            throw RegistryError.homeExists(path: home.path)
        }
        guard mkdir(home.path, 0o700) == 0 || errno == EEXIST else {
            throw StoreError.writeFailed(path: home.path, reason: FileIO.lastError())
        }
        chmod(home.path, 0o700)
        // Created here so that SQLite finds it 0600 and keeps that mode for its WAL files.
        try FileIO.createExclusive(home.databasePath, mode: 0o600, contents: [])
        try DocumentStore(root: home.objectsPath).create()
        let writer = LazyWriter(home: home)
        try storageErrors { try Migrations.migrator.migrate(try writer.writer()) }
        return try open(at: home, writer: writer, clock: clock)
    }

    /// Opens an existing home, applying any migrations it lacks; only `create` makes a database.
    ///
    /// The database is read through a read-only connection, and opened for writing only when a change (or a
    /// migration) needs it. A file that is missing, empty, not SQLite, or another program's database is
    /// refused before SQLite opens it for writing, so it is left exactly as it was.
    public static func open(
        at home: Home, clock: @escaping @Sendable () -> Date = { Date() }
    ) throws -> Registry {
        try DatabaseAccess.checkFile(of: home)
        return try open(at: home, writer: LazyWriter(home: home), clock: clock)
    }

    private static func open(
        at home: Home, writer: LazyWriter, clock: @escaping @Sendable () -> Date
    ) throws -> Registry {
        try storageErrors {
            let (reader, location) = try DatabaseAccess.openReader(home)
            if try DatabaseAccess.content(of: reader, path: home.databasePath) == .earlier {
                do {
                    try Migrations.migrator.migrate(try writer.writer())
                } catch RegistryError.readOnlyHome {
                    throw RegistryError.needsUpgrade(path: home.path)
                }
            }
            let registry = Registry(
                home: home, writable: writer, reader: reader, databaseLocation: location,
                pool: reader as? DatabasePool, clock: clock)
            do {
                try registry.finishMigrations()
            } catch RegistryError.readOnlyHome {
                throw RegistryError.needsUpgrade(path: home.path)
            }
            return registry
        }
    }

    /// The SQL of every table, index and trigger, as the migrations leave a new database.
    public static func schemaSQL() throws -> String {
        let queue = try DatabaseQueue()
        try Migrations.migrator.migrate(queue)
        return try queue.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT sql || ';' FROM sqlite_master
                    WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'
                    ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END, name
                    """
            ).joined(separator: "\n\n") + "\n"
        }
    }

    // MARK: - Transactions

    /// Turns SQLite's errors into the registry's, worded for the user.
    static func storageErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            throw RegistryError.storage(error.message ?? error.description)
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try Self.storageErrors { try reader.read(body) }
    }

    /// Runs one write transaction that changes the records `body` returns and appends their audit event.
    func write<T>(
        _ context: ChangeContext, _ body: (Database) throws -> (result: T, touched: [RecordID])
    ) throws -> T {
        try write(
            context,
            subjects: { db in
                let (result, touched) = try body(db)
                return (result, touched.map(AuditSubject.record))
            })
    }

    /// Runs one write transaction that changes the subjects `body` returns (records or the settings) and appends
    /// their audit event.
    func write<T>(
        _ context: ChangeContext, subjects body: (Database) throws -> (result: T, touched: [AuditSubject])
    ) throws -> T {
        try Self.storageErrors {
            try writer.write { db in
                let (result, touched) = try body(db)
                try AuditTrail.append(context: context, touched: touched, at: clock(), db)
                return result
            }
        }
    }

    /// Today's date where the registry is used (the local calendar day).
    public var today: Day {
        let now = clock()
        return Day(containing: now.addingTimeInterval(TimeInterval(TimeZone.current.secondsFromGMT(for: now))))
    }

    func timestamp() -> String {
        clock().formatted(.iso8601)
    }
}
