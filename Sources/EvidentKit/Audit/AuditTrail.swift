import Crypto
import Foundation
import GRDB

/// A record an audit event touched, with the SHA-256 of its canonical JSON after the change.
public struct AuditedRecord: Codable, Sendable, Equatable {
    /// The record that was added, changed or removed.
    public var id: RecordID
    /// The SHA-256 of the record's canonical form after the change; nil when the change removed it.
    public var sha256: String?
}

/// The hash-chained, append-only log of every change.
enum AuditTrail {
    static let genesisHash = String(repeating: "0", count: 64)

}

extension AuditEventRecord {
    /// The hash this event's fields and the previous event's hash give: what `hash` must be.
    func contentHash() -> String {
        CanonicalForm.object([
            "at": .string(at), "actor": .string(actor), "command": .string(command),
            "records": .array(
                records.map { .object(["id": .string($0.id.description), "sha256": .string($0.sha256)]) }),
            "previousHash": .string(previousHash),
        ]).sha256
    }
}

extension AuditTrail {
    /// Appends the event for a change, inside the change's own transaction.
    static func append(context: ChangeContext, touched: [RecordID], at date: Date, _ db: Database) throws {
        let previous =
            try String.fetchOne(db, sql: "SELECT hash FROM auditEvent ORDER BY id DESC LIMIT 1")
            ?? genesisHash
        var records: [AuditedRecord] = []
        for id in Set(touched).sorted() {
            records.append(AuditedRecord(id: id, sha256: try storedForm(of: id, db)?.sha256))
        }
        var event = AuditEventRecord(
            id: nil, at: date.formatted(.iso8601), actor: context.actor, command: context.command, records: records,
            previousHash: previous, hash: "")
        event.hash = event.contentHash()
        try event.insert(db)
    }

    /// A record as stored, its row and the rows it owns, in canonical form. Nil when it does not exist.
    static func storedForm(of id: RecordID, _ db: Database) throws -> CanonicalForm? {
        switch id.kind {
        case .authority:
            return try AuthorityRecord.fetchOne(db, key: id.number).map { .object(["record": $0.canonicalForm]) }
        case .solution:
            guard let solution = try SolutionRecord.fetchOne(db, key: id.number) else { return nil }
            let owners = try SolutionOwnerRecord.filter(SolutionOwnerRecord.Columns.solutionId == id.number)
                .order(SolutionOwnerRecord.Columns.authorityId).fetchAll(db)
            return .object(["record": solution.canonicalForm, "owners": .array(owners.map(\.canonicalForm))])
        case .vendor:
            return try VendorRecord.fetchOne(db, key: id.number).map { .object(["record": $0.canonicalForm]) }
        case .service:
            return try ServiceRecord.fetchOne(db, key: id.number).map { .object(["record": $0.canonicalForm]) }
        case .usage:
            return try UsageRecord.fetchOne(db, key: id.number).map { .object(["record": $0.canonicalForm]) }
        case .evidence:
            guard let evidence = try EvidenceRecord.fetchOne(db, key: id.number) else { return nil }
            let files = try EvidenceFileRecord.filter(EvidenceFileRecord.Columns.evidenceId == id.number)
                .order(EvidenceFileRecord.Columns.position).fetchAll(db)
            let coverage = try CoverageRecord.filter(CoverageRecord.Columns.evidenceId == id.number)
                .fetchAll(db).sorted { $0.target < $1.target }
            let parties = try EvidencePartyRecord.filter(EvidencePartyRecord.Columns.evidenceId == id.number)
                .order(EvidencePartyRecord.Columns.authorityId).fetchAll(db)
            return .object([
                "record": evidence.canonicalForm, "files": .array(files.map(\.canonicalForm)),
                "coverage": .array(coverage.map(\.canonicalForm)),
                "parties": .array(parties.map(\.canonicalForm)),
            ])
        }
    }
}

extension Registry {
    /// Appends one audit event for the records a migration changed, which SQL alone cannot hash.
    ///
    /// The migration lists them in `auditPending` inside its own transaction; this runs on every open
    /// until the event is written, so a process killed in between leaves nothing untraced.
    func auditMigratedRecords() throws {
        let pending = try read { db in try Row.fetchAll(db, sql: "SELECT recordId, change FROM auditPending") }
        guard !pending.isEmpty else { return }
        let ids = pending.compactMap { RecordID($0["recordId"] as String) }
        let change: String = pending[0]["change"]
        try write(ChangeContext(actor: "evident", command: change)) { db in
            try db.execute(sql: "DELETE FROM auditPending")
            return ((), ids)
        }
    }
}
