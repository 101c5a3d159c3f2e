/// An audit event as `evident log` shows it and a bundle carries it.
public struct AuditEventInfo: Codable, Sendable, Equatable {
    /// The event's place in the trail, counting from 1.
    public var id: Int64
    /// When the change was made, as an ISO 8601 timestamp.
    public var at: String
    /// Who made the change.
    public var actor: String
    /// The command that made it, such as `evidence add`.
    public var command: String
    /// The records it touched, each with the hash of its stored form afterwards.
    public var records: [AuditedRecord]
    /// The hash of the event before it; 64 zeros for the first event.
    public var previousHash: String
    /// The SHA-256 of this event's fields and `previousHash`, which the next event names.
    public var hash: String

    init(_ record: AuditEventRecord) {
        (id, at, actor, command) = (record.id!, record.at, record.actor, record.command)
        (records, previousHash, hash) = (record.records, record.previousHash, record.hash)
    }
}
