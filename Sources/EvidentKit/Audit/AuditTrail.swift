import Crypto
import Foundation
import GRDB

/// A record an audit event touched, with the SHA-256 of its canonical JSON after the change.
public struct AuditedRecord: Codable, Sendable, Equatable {
    public var id: RecordID
    /// Nil when the change removed the record.
    public var sha256: String?
}

/// The hash-chained, append-only log of every change.
enum AuditTrail {
    static let genesisHash = String(repeating: "0", count: 64)

    /// The fields an event's hash covers, in canonical JSON.
    struct HashedFields: Encodable {
        var at: String
        var actor: String
        var command: String
        var records: [AuditedRecord]
        var previousHash: String
    }
}

extension AuditEventRecord {
    /// The hash this event's fields and the previous event's hash give: what `hash` must be.
    func contentHash() throws -> String {
        try CanonicalJSON.sha256(
            AuditTrail.HashedFields(
                at: at, actor: actor, command: command, records: records, previousHash: previousHash))
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
            records.append(AuditedRecord(id: id, sha256: try storedForm(of: id, db).map(CanonicalJSON.sha256)))
        }
        var event = AuditEventRecord(
            id: nil, at: date.formatted(.iso8601), actor: context.actor, command: context.command, records: records,
            previousHash: previous, hash: "")
        event.hash = try event.contentHash()
        try event.insert(db)
    }

    /// A record as stored: its row and the rows it owns. Nil when it does not exist.
    static func storedForm(of id: RecordID, _ db: Database) throws -> StoredForm? {
        switch id.kind {
        case .authority:
            return try AuthorityRecord.fetchOne(db, key: id.number).map(StoredForm.authority)
        case .solution:
            guard let solution = try SolutionRecord.fetchOne(db, key: id.number) else { return nil }
            let owners = try SolutionOwnerRecord.filter(SolutionOwnerRecord.Columns.solutionId == id.number)
                .order(SolutionOwnerRecord.Columns.authorityId).fetchAll(db)
            return .solution(solution, owners: owners)
        case .vendor:
            return try VendorRecord.fetchOne(db, key: id.number).map(StoredForm.vendor)
        case .service:
            return try ServiceRecord.fetchOne(db, key: id.number).map(StoredForm.service)
        case .usage:
            return try UsageRecord.fetchOne(db, key: id.number).map(StoredForm.usage)
        case .evidence:
            guard let evidence = try EvidenceRecord.fetchOne(db, key: id.number) else { return nil }
            let files = try EvidenceFileRecord.filter(EvidenceFileRecord.Columns.evidenceId == id.number)
                .order(EvidenceFileRecord.Columns.position).fetchAll(db)
            let coverage = try CoverageRecord.filter(CoverageRecord.Columns.evidenceId == id.number)
                .fetchAll(db).sorted { $0.target < $1.target }
            return .evidence(evidence, files: files, coverage: coverage)
        }
    }

    /// The canonical shape of a stored record whose hash the audit trail keeps.
    enum StoredForm: Encodable {
        case authority(AuthorityRecord)
        case solution(SolutionRecord, owners: [SolutionOwnerRecord])
        case vendor(VendorRecord)
        case service(ServiceRecord)
        case usage(UsageRecord)
        case evidence(EvidenceRecord, files: [EvidenceFileRecord], coverage: [CoverageRecord])

        enum Key: String, CodingKey {
            case record, owners, files, coverage
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            switch self {
            case .authority(let record): try container.encode(record, forKey: .record)
            case .solution(let record, let owners):
                try container.encode(record, forKey: .record)
                try container.encode(owners, forKey: .owners)
            case .vendor(let record): try container.encode(record, forKey: .record)
            case .service(let record): try container.encode(record, forKey: .record)
            case .usage(let record): try container.encode(record, forKey: .record)
            case .evidence(let record, let files, let coverage):
                try container.encode(record, forKey: .record)
                try container.encode(files, forKey: .files)
                try container.encode(coverage, forKey: .coverage)
            }
        }
    }
}
