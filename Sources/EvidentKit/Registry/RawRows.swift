import GRDB
import GRDBSQLite

/// Steps through a query's rows with SQLite's C API on GRDB's own statement.
///
/// The verdict loaders read hundreds of thousands of small integers, where
/// GRDB's generic row decoding costs more than SQLite's work. Only for queries
/// whose columns are integers or NULL.
struct RawRows {
    let statement: SQLiteStatement

    static func forEach(
        _ db: Database, _ sql: String, arguments: StatementArguments = [], _ body: (RawRows) throws -> Void
    ) throws {
        let statement = try db.makeStatement(sql: sql)
        try statement.setArguments(arguments)
        let raw = statement.sqliteStatement
        defer { sqlite3_reset(raw) }
        while true {
            let code = sqlite3_step(raw)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: code),
                    message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                    sql: sql)
            }
            try body(RawRows(statement: raw))
        }
    }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(statement, column) == SQLITE_NULL }

    func int(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }

    func optionalInt(_ column: Int32) -> Int64? { isNull(column) ? nil : int(column) }

    func day(_ column: Int32) -> Day? { optionalInt(column).map { Day(ordinal: Int($0)) } }
}
