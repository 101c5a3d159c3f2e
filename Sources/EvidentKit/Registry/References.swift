import Foundation
import GRDB

extension RecordKind {
    /// The column users name records of this kind by; usages have no name, only their id.
    var nameColumn: String? {
        switch self {
        case .authority, .solution, .vendor, .service: "name"
        case .evidence: "title"
        case .receivedBundle: "identifier"
        case .usage: nil
        }
    }
}

extension Registry {
    /// Resolves what a user typed (an id such as `SOL-3`, or an unambiguous name) to a record id.
    ///
    /// A name matches exactly, folded as `NameFolding` folds it (case, accents, æ/ø/å or ae/oe/aa); failing
    /// that, a unique prefix does. `field` is the field the
    /// reference was given in, nil for the record a command works on.
    func resolve(_ text: String, field: Field?, kinds: [RecordKind], _ db: Database) throws -> RecordID {
        let query = text.trimmingCharacters(in: .whitespaces)
        let unknown = RegistryError.unknownReference(field: field, value: text, expected: kinds)
        if let id = RecordID(query) {
            guard kinds.contains(id.kind),
                try Bool.fetchOne(db, sql: "SELECT 1 FROM \(id.kind.table) WHERE id = ?", arguments: [id.number])
                    == true
            else { throw unknown }
            return id
        }
        var candidates: [(id: RecordID, name: String)] = []
        for kind in kinds {
            guard let column = kind.nameColumn else { continue }
            let rows = try Row.fetchAll(db, sql: "SELECT id, \(column) FROM \(kind.table)")
            candidates += rows.map { (RecordID(kind, $0[0]), $0[1]) }
        }
        let wanted = NameFolding.key(query)
        let folded = candidates.map { (id: $0.id, name: $0.name, key: NameFolding.key($0.name)) }
        let exact = folded.filter { $0.key == wanted }
        let matches = exact.isEmpty ? folded.filter { $0.key.hasPrefix(wanted) } : exact
        guard !wanted.isEmpty, let first = matches.first else { throw unknown }
        guard matches.count == 1 else {
            throw RegistryError.ambiguousReference(
                field: field, value: text, expected: kinds,
                matches: matches.sorted { $0.id < $1.id }.prefix(8).map { "\($0.id) (\($0.name))" })
        }
        return first.id
    }

    /// Resolves a reference to a record of one kind.
    func resolve(_ text: String, field: Field?, kind: RecordKind) throws -> RecordID {
        try read { db in try resolve(text, field: field, kinds: [kind], db) }
    }
}

/// A part of the registry a command works on: one solution, the solutions an authority owns, or all.
public enum Selection: Sendable, Equatable {
    /// Every solution.
    case all
    /// One solution, by reference (an id or a name).
    case solution(String)
    /// The solutions an authority owns, by reference.
    case authority(String)
}

extension Registry {
    /// The solutions a selection names (nil for all of them), and the selection as an id or `all`.
    func solutions(in selection: Selection, _ db: Database) throws -> (ids: [Int64]?, name: String) {
        switch selection {
        case .all:
            return (nil, "all")
        case .solution(let reference):
            let id = try resolve(reference, field: .solution, kinds: [.solution], db)
            return ([id.number], id.description)
        case .authority(let reference):
            let id = try resolve(reference, field: .authority, kinds: [.authority], db)
            let ids = try Int64.fetchAll(
                db, sql: "SELECT solutionId FROM solutionOwner WHERE authorityId = ? ORDER BY solutionId",
                arguments: [id.number])
            return (ids, id.description)
        }
    }
}

/// Queries for the records that keep another from being removed.
enum Dependents {
    /// The evidence whose coverage names a record through `column` (`usageId`, `serviceId`, `vendorId`).
    static func evidence(covering column: String, _ number: Int64, _ db: Database) throws -> [RecordID] {
        try Int64.fetchAll(
            db, sql: "SELECT DISTINCT evidenceId FROM coverage WHERE \(column) = ? ORDER BY evidenceId",
            arguments: [number]
        ).map { RecordID(.evidence, $0) }
    }
}
