/// What can go wrong filing or reading documents, worded for the user.
public enum StoreError: UserFacingError, Sendable, Equatable, CustomStringConvertible {
    /// No file exists at the path given.
    case missingFile(path: String)
    /// The path given is a directory.
    case isDirectory(path: String)
    /// The path given is neither a regular file nor a directory.
    case notRegularFile(path: String)
    /// The file cannot be read.
    case unreadable(path: String, reason: String)
    /// The file is empty.
    case emptyFile(path: String)
    /// The file's media type does not fit the kind of evidence.
    case kindMismatch(path: String, mediaType: MediaType, kind: EvidenceKind)
    /// A filed document's bytes are missing from the store.
    case objectMissing(sha256: String)
    /// A filed document's bytes no longer hash to its SHA-256.
    case objectCorrupt(sha256: String, actual: String)
    /// A file or directory cannot be written.
    case writeFailed(path: String, reason: String)
    /// A file to write already exists.
    case alreadyExists(path: String)
    /// The directory to write into, or the one a file to write would go in, does not exist.
    case missingDirectory(path: String)
    /// A document that is not text would be written to a terminal, where it garbles the screen.
    case binaryToTerminal(mediaType: String)
    /// The file changed (grew, shrank or was rewritten) while it was being filed.
    case changedWhileFiled(path: String)
    /// A filed document's stored bytes are not as many as the registry records, as after an edit with SQL.
    case sizeMismatch(evidence: String, fileName: String, sha256: String, recorded: Int64, actual: Int64)

    /// The description, with the fields it names left for the printer to spell.
    public var message: UserMessage {
        switch self {
        case .binaryToTerminal(let mediaType):
            "refusing to write \(mediaType) to a terminal: give \(Field.destination) FILE or DIR/, or pipe the output"
        default: "\(description)"
        }
    }

    /// What went wrong, naming the file or document.
    public var description: String {
        switch self {
        case .missingFile(let path):
            return "file '\(path)': no such file"
        case .isDirectory(let path):
            return "file '\(path)': is a directory, not a file"
        case .notRegularFile(let path):
            return "file '\(path)': not a regular file"
        case .unreadable(let path, let reason):
            return "file '\(path)': cannot be read (\(reason))"
        case .emptyFile(let path):
            return "file '\(path)': is empty"
        case .kindMismatch(let path, let mediaType, let kind):
            let allowed = kind.allowedMediaTypes.map(\.label).sorted().joined(separator: ", ")
            return "file '\(path)' is \(mediaType.label) (\(mediaType.rawValue)),"
                + " which does not fit kind \(kind.rawValue) (expects \(allowed))"
        case .objectMissing(let sha256):
            return "document \(sha256) is missing from the store"
        case .objectCorrupt(let sha256, let actual):
            return "document \(sha256) is corrupt in the store: its bytes hash to \(actual)"
        case .writeFailed(let path, let reason):
            return "cannot write '\(path)': \(reason)"
        case .alreadyExists(let path):
            return "'\(path)' already exists; choose another name or remove it first"
        case .missingDirectory(let path):
            return "directory '\(path)' does not exist; nothing was written"
        case .binaryToTerminal:
            return message.description
        case .changedWhileFiled(let path):
            return "file '\(path)' changed while it was being filed; nothing was filed"
        case .sizeMismatch(let evidence, let fileName, let sha256, let recorded, let actual):
            return "\(evidence) '\(fileName)': the registry records \(recorded) bytes,"
                + " but its stored document \(sha256) has \(actual)"
        }
    }
}
