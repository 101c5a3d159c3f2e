/// What can go wrong reading or changing the registry, worded for the user.
///
/// A reference's `field` is the field it was given in; nil when it names the record a command works on,
/// which the message then calls by its kind.
public enum RegistryError: UserFacingError, Sendable, Equatable, CustomStringConvertible {
    /// There is no registry at the home.
    case homeMissing(path: String)
    /// A registry already exists where a new one was to be created.
    case homeExists(path: String)
    /// The file where the database should be is not one `evident init` made.
    case notARegistry(path: String, reason: String)
    /// The database was made by a later evident, with migrations this one does not know.
    case madeByNewerVersion(path: String)
    /// A change asked of a home that cannot be written, such as a copy on read-only media.
    case readOnlyHome(path: String)
    /// A home made by an earlier evident needs migrating, which its read-only media do not allow.
    case needsUpgrade(path: String)
    /// A copy on read-only media whose write-ahead log holds changes, without the file SQLite needs to read it.
    case unreadableCopy(path: String)
    /// No record of the expected kinds has that id or name.
    case unknownReference(field: Field?, value: String, expected: [RecordKind])
    /// A name matches several records; `matches` lists some of them.
    case ambiguousReference(field: Field?, value: String, expected: [RecordKind], matches: [String])
    /// The record cannot be removed while `dependents` refer to it.
    case inUse(RecordID, dependents: [RecordID])
    /// The value is already registered, on `existing`.
    case duplicate(field: Field, value: String, existing: RecordID)
    /// The solution already embeds the service in part of the period, as `existing`.
    case overlappingUsage(existing: RecordID, solution: RecordID, service: RecordID)
    /// The evidence is withdrawn already, so it can be neither withdrawn nor edited.
    case alreadyWithdrawn(RecordID)
    /// The evidence is not withdrawn, so there is no withdrawal to take back.
    case notWithdrawn(RecordID)
    /// The evidence is superseded by `successors`; it stays as it was, and corrections go to them.
    case superseded(RecordID, by: [RecordID])
    /// The field names evidence that is withdrawn, which nothing can supersede.
    case withdrawn(field: Field, RecordID)
    /// An edit gives no field to change.
    case nothingToChange(RecordID)
    /// The audit trail cannot be trusted to rebuild the registry: an event or a stored form was changed.
    case auditTrailModified(event: Int64, subject: AuditSubject?)
    /// A change asked of a view of the registry at one moment.
    case readOnlyView
    /// The database failed, in SQLite's words.
    case storage(String)

    /// The description, with the fields it names left for the printer to spell.
    public var message: UserMessage {
        switch self {
        case .homeMissing(let path):
            return "no registry at \(path)"
        case .homeExists(let path):
            return "a registry already exists at \(path)"
        case .notARegistry(let path, let reason):
            return "\(path) is not an evident registry: \(reason); it was left as it is (only evident init creates one)"
        case .madeByNewerVersion(let path):
            return "the registry \(path) was made by a newer evident; use that version"
        case .readOnlyHome(let path):
            return "the registry at \(path) is read-only (read-only media or no write permission); it cannot be changed"
        case .needsUpgrade(let path):
            return """
                the registry at \(path) was made by an earlier evident and must be upgraded, which needs write \
                access; run any command once on a writable copy
                """
        case .unreadableCopy(let path):
            return """
                the registry \(path) is on read-only media with changes in its write-ahead log (-wal) but without \
                its -shm file; copy it with registry.sqlite-shm, or copy it again after evident check on the original
                """
        case .unknownReference(let field, let value, let expected):
            return "\(Self.naming(field, expected)) '\(value)': no \(Self.kinds(expected)) with that id or name"
        case .ambiguousReference(let field, let value, let expected, let matches):
            let listed = matches.joined(separator: ", ")
            return "\(Self.naming(field, expected)) '\(value)' is ambiguous: it matches \(listed); use the id"
        case .inUse(let id, let dependents):
            let shown = dependents.prefix(10).map(\.description).joined(separator: ", ")
            let more = dependents.count > 10 ? " and \(dependents.count - 10) more" : ""
            return "\(id) cannot be removed: \(shown)\(more) still \(dependents.count == 1 ? "refers" : "refer") to it"
        case .duplicate(let field, let value, let existing):
            return "\(field) '\(value)' is already registered as \(existing)"
        case .overlappingUsage(let existing, let solution, let service):
            return """
                \(solution) already uses \(service) in part of that period, as \(existing); edit or end \(existing) \
                instead
                """
        case .alreadyWithdrawn(let id):
            return "\(id) is already withdrawn"
        case .notWithdrawn(let id):
            return "\(id) is not withdrawn; there is nothing to restore"
        case .superseded(let id, let successors):
            let names = successors.map(\.description).joined(separator: ", ")
            return "\(id) is superseded by \(names) and is kept as it was; correct \(names) instead"
        case .withdrawn(let field, let id):
            return "\(field) '\(id)': that evidence is withdrawn"
        case .nothingToChange(let id):
            return "nothing to change for \(id): give at least one option to edit"
        case .auditTrailModified(let event, let subject):
            let what = subject.map { "the content of \($0) stored with audit event \(event)" } ?? "audit event \(event)"
            return "\(what) was changed outside evident, so the registry cannot be rebuilt from it; run evident check"
        case .readOnlyView:
            return "this is the registry as it was at one moment, for reading only; it cannot be changed"
        case .storage(let message):
            return "the registry database failed: \(message)"
        }
    }

    /// The message with each field written as its name.
    public var description: String {
        message.description
    }

    private static func kinds(_ expected: [RecordKind]) -> String {
        expected.map(\.rawValue).joined(separator: " or ")
    }

    /// The field a reference was given in, or the kind of record a command works on.
    private static func naming(_ field: Field?, _ expected: [RecordKind]) -> UserMessage {
        field.map { "\($0)" } ?? "\(kinds(expected))"
    }
}
