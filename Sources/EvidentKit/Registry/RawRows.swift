import GRDB
import GRDBSQLite

/// Steps through a query's rows with SQLite's C API on GRDB's own statement.
///
/// The verdict loaders read hundreds of thousands of small integers, where
/// GRDB's generic row decoding costs more than SQLite's work. Only for queries
/// whose columns are integers, NULL, dates or enums' raw values.
struct RawRows {
    let statement: SQLiteStatement
    let db: Database

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
            try body(RawRows(statement: raw, db: db))
        }
    }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(statement, column) == SQLITE_NULL }

    func int(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }

    func optionalInt(_ column: Int32) -> Int64? { isNull(column) ? nil : int(column) }

    /// A column's bytes: its text or blob, a number as SQL writes it as text; nil when it is NULL.
    func bytes(_ column: Int32) -> UnsafeRawBufferPointer? {
        isNull(column) ? nil : storedBytes(column)
    }

    /// The bytes of a column that is not NULL.
    private func storedBytes(_ column: Int32) -> UnsafeRawBufferPointer {
        // As a blob: the text of a row is not NUL-terminated, and asking for it as text copies it to make it so.
        let start = sqlite3_column_blob(statement, column)
        return UnsafeRawBufferPointer(start: start, count: Int(sqlite3_column_bytes(statement, column)))
    }

    /// A text column as the case of `Value` whose raw value it spells (as SQL's `=` compares text); nil when it
    /// spells none or is not text. `cases` are the enum's cases with their raw values' bytes.
    func match<Value>(_ column: Int32, _ cases: [(bytes: [UInt8], value: Value)]) -> Value? {
        guard sqlite3_column_type(statement, column) == SQLITE_TEXT else { return nil }
        let text = storedBytes(column)
        for (bytes, value) in cases where bytes.count == text.count {
            if bytes.withUnsafeBytes({ $0.elementsEqual(text) }) { return value }
        }
        return nil
    }

    /// A date column as the day `EvaluationLoader.ordinal` makes of it in SQL: read here when it is `YYYY-MM-DD`
    /// text naming a real day, as every date evident writes is (SQLite's `julianday` for six dates a row was a
    /// twentieth of status's instructions), else by SQLite, so that any other value reads exactly as SQL reads it.
    func day(text column: Int32) throws -> Day? {
        switch sqlite3_column_type(statement, column) {
        case SQLITE_NULL: return nil
        case SQLITE_TEXT:
            let text = storedBytes(column)
            if text.count == 10, let day = Self.day(yyyyMMdd: text.baseAddress!.assumingMemoryBound(to: UInt8.self)) {
                return day
            }
        default: break
        }
        let fallback = try db.cachedStatement(sql: "SELECT \(EvaluationLoader.ordinal("?"))").sqliteStatement
        defer { sqlite3_reset(fallback) }
        sqlite3_bind_value(fallback, 1, sqlite3_column_value(statement, column))
        guard sqlite3_step(fallback) == SQLITE_ROW, sqlite3_column_type(fallback, 0) != SQLITE_NULL else { return nil }
        return Day(ordinal: Int(sqlite3_column_int64(fallback, 0)))
    }

    /// The day ten bytes spell as `YYYY-MM-DD`, or nil when they do not name a real day that way.
    private static func day(yyyyMMdd text: UnsafePointer<UInt8>) -> Day? {
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = Int(text[index]) - 0x30
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard text[4] == 0x2D, text[7] == 0x2D, let year = number(0..<4), let month = number(5..<7),
            let day = number(8..<10)
        else { return nil }
        return Day(year: year, month: month, day: day)
    }
}
