/// What an import did, or what a dry run would do: for each row the evidence it added, revised, changed or left.
public struct ImportSummary: Sendable, Codable, Equatable {
    /// What one row did.
    public enum Action: String, Sendable, Codable {
        /// Filed new evidence.
        case added
        /// Filed a new revision (the document or dates changed) that supersedes the evidence it replaces.
        case revised
        /// Changed the evidence in place (title, clause or what it covers).
        case changed
        /// Found the evidence as the row gives it.
        case unchanged
    }

    /// One row's outcome.
    public struct Row: Sendable, Codable, Equatable {
        /// The line the row starts on (CSV), or the object's position (JSON).
        public var line: Int
        public var action: Action
        /// The evidence the row is: new, revised, changed or as it was.
        public var evidence: RecordID
        /// The evidence a revision supersedes.
        public var supersedes: RecordID?
    }

    /// The SHA-256 of the import file, which its audit event names.
    public var sha256: String
    /// Whether this was a dry run that wrote nothing.
    public var dryRun: Bool
    /// Rows that filed new evidence.
    public var added: Int
    /// Rows that revised or changed evidence.
    public var changed: Int
    /// Rows whose evidence was already there as they give it.
    public var unchanged: Int
    /// Vendors and services the import added, and vendors whose missing identifiers it filled in.
    public var addedRecords: [RecordID]
    public var changedRecords: [RecordID]
    /// Documents the import stored that the registry did not have.
    public var newDocuments: Int
    /// Every row, in file order.
    public var rows: [Row]

    /// `3 added, 1 changed, 26 unchanged`.
    public var counts: String { "\(added) added, \(changed) changed, \(unchanged) unchanged" }
}

/// How far an import has come, for a progress line.
public struct ImportProgress: Sendable, Equatable {
    /// What the import is doing.
    public enum Phase: String, Sendable {
        case checkingRows = "rows checked"
        case hashingDocuments = "documents hashed"
        case storingDocuments = "documents stored"
        case writingRows = "rows written"
    }

    public var phase: Phase
    public var done: Int
    public var total: Int
}
