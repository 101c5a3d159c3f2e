/// An audit event as `evident log` shows it and a bundle carries it.
public struct AuditEventInfo: Codable, Sendable, Equatable {
    public var id: Int64
    public var at: String
    public var actor: String
    public var command: String
    public var records: [AuditedRecord]
    public var previousHash: String
    public var hash: String

    init(_ record: AuditEventRecord) {
        (id, at, actor, command) = (record.id!, record.at, record.actor, record.command)
        (records, previousHash, hash) = (record.records, record.previousHash, record.hash)
    }
}
