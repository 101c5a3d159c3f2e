/// What can go wrong reading or changing the registry, worded for the user.
public enum RegistryError: UserFacingError, Sendable, Equatable, CustomStringConvertible {
    case homeMissing(path: String)
    case homeExists(path: String)
    case unknownReference(field: String, value: String, expected: [RecordKind])
    case ambiguousReference(field: String, value: String, matches: [String])
    case inUse(RecordID, dependents: [RecordID])
    case duplicate(field: String, value: String, existing: RecordID)
    case alreadyWithdrawn(RecordID)
    case withdrawn(field: String, RecordID)
    case nothingToChange(RecordID)
    case storage(String)

    public var description: String {
        switch self {
        case .homeMissing(let path):
            return "no registry at \(path): create one with 'evident init --home \(path)'"
                + " (or choose another with --home or EVIDENT_HOME)"
        case .homeExists(let path):
            return "a registry already exists at \(path)"
        case .unknownReference(let field, let value, let expected):
            let kinds = expected.map(\.rawValue).joined(separator: " or ")
            return "\(field) '\(value)': no \(kinds) with that id or name"
        case .ambiguousReference(let field, let value, let matches):
            return "\(field) '\(value)' is ambiguous: it matches \(matches.joined(separator: ", ")); use the id"
        case .inUse(let id, let dependents):
            let shown = dependents.prefix(10).map(\.description).joined(separator: ", ")
            let more = dependents.count > 10 ? " and \(dependents.count - 10) more" : ""
            return "\(id) cannot be removed: \(shown)\(more) still \(dependents.count == 1 ? "refers" : "refer") to it"
        case .duplicate(let field, let value, let existing):
            return "\(field) '\(value)' is already registered as \(existing)"
        case .alreadyWithdrawn(let id):
            return "\(id) is already withdrawn"
        case .withdrawn(let field, let id):
            return "\(field) '\(id)': that evidence is withdrawn"
        case .nothingToChange(let id):
            return "nothing to change for \(id): give at least one option to edit"
        case .storage(let message):
            return "the registry database failed: \(message)"
        }
    }
}
