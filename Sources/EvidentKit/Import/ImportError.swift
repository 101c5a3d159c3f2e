/// Why an import or export wrote nothing, worded for the user.
public enum ImportError: UserFacingError, Sendable, Equatable {
    /// The file is not valid UTF-8 from this line on.
    case notUTF8(line: Int)
    /// The CSV's quoting is broken on this line.
    case malformedCSV(line: Int, reason: String)
    /// The JSON cannot be read as an import.
    case malformedJSON(reason: String)
    /// Rows that cannot be imported; nothing was written.
    case problems([ImportProblem])
    /// A registry export can only rebuild a home that has no records yet.
    case homeNotEmpty
    /// The directory an export would write to already holds files.
    case destinationNotEmpty(path: String)
    /// A registry export names a document its documents folder lacks or holds other bytes for.
    case exportDocument(sha256: String, reason: String)
    /// A document's bytes changed between checking and storing them.
    case documentChanged(path: String)

    public var description: String {
        switch self {
        case .notUTF8(let line):
            return
                "line \(line): not valid UTF-8 (a file saved as Windows-1252, ANSI, must be imported as windows-1252)"
        case .malformedCSV(let line, let reason):
            return "line \(line): \(reason)"
        case .malformedJSON(let reason):
            return "not an import file: \(reason)"
        case .problems(let problems):
            return "\(Counted(problems.count, "problem")), nothing imported:\n"
                + problems.map(\.description).joined(separator: "\n")
        case .homeNotEmpty:
            return "a registry export rebuilds an empty home only; this home already has records"
        case .destinationNotEmpty(let path):
            return "'\(path)' already holds files; export into a new or empty directory"
        case .exportDocument(let sha256, let reason):
            return "document \(sha256): \(reason)"
        case .documentChanged(let path):
            return "file '\(path)' changed while it was imported; run the import again"
        }
    }
}
