import Foundation

/// One thing wrong with one row of an import file: where it is, the value and why it cannot be taken.
public struct ImportProblem: Sendable, Equatable, Codable, CustomStringConvertible {
    /// The line the row starts on (CSV), or the object's position counted from 1 (JSON).
    public var line: Int
    /// The column (CSV) or key (JSON) the value is in, as the file names it; empty for the row as a whole.
    public var column: String
    /// The value as the file gives it.
    public var value: String
    /// Why it cannot be taken, naming other columns as the import's column table does.
    public var reason: String

    /// A problem with `value` in `column` of the row at `line`.
    public init(line: Int, column: String, value: String, reason: String) {
        (self.line, self.column, self.value, self.reason) = (line, column, value, reason)
    }

    /// `line 7, column valid until '31.02.2027': no such day in the calendar`.
    public var description: String {
        let place = column.isEmpty ? "line \(line)" : "line \(line), column \(column)"
        let oneLine = value.replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n")
        let shown = oneLine.count > 80 ? String(oneLine.prefix(77)) + "..." : oneLine
        return "\(place) '\(shown)': \(reason)"
    }
}
