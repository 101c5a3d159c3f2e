import GRDB

// One Codable record per table, as GRDB recommends. These are the storage
// shapes; the shapes users and scripts see are in RecordInfo.swift.

extension Day: DatabaseValueConvertible {
    /// The day as stored: its `YYYY-MM-DD` text.
    public var databaseValue: DatabaseValue { description.databaseValue }

    /// The day stored as `YYYY-MM-DD` text; nil for anything else.
    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Day? {
        String.fromDatabaseValue(dbValue).flatMap { try? Day(parsing: $0) }
    }
}

extension AuthorityKind: DatabaseValueConvertible {}
extension SolutionKind: DatabaseValueConvertible {}
extension Channel: DatabaseValueConvertible {}
extension Audience: DatabaseValueConvertible {}
extension OwnerRole: DatabaseValueConvertible {}
extension ServiceCategory: DatabaseValueConvertible {}
extension Route: DatabaseValueConvertible {}
extension OwnPurposes: DatabaseValueConvertible {}
extension EvidenceKind: DatabaseValueConvertible {}

/// A row of `authority`.
struct AuthorityRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "authority"
    var id: Int64?
    var name: String
    var cvr: String
    var kind: AuthorityKind

    enum Columns {
        static let name = Column(CodingKeys.name)
        static let cvr = Column(CodingKeys.cvr)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A row of `solution`.
struct SolutionRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "solution"
    var id: Int64?
    var name: String
    var kind: SolutionKind
    var channel: Channel
    var url: String?
    var appId: String?
    var audience: Audience
    var mandatory: Bool
    var mandatedBy: String?

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A row of `solutionOwner`: an authority's part in a solution.
struct SolutionOwnerRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "solutionOwner"
    var solutionId: Int64
    var authorityId: Int64
    var role: OwnerRole

    enum Columns {
        static let solutionId = Column(CodingKeys.solutionId)
        static let authorityId = Column(CodingKeys.authorityId)
    }
}

/// A row of `vendor`.
struct VendorRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "vendor"
    var id: Int64?
    var name: String
    var country: String
    var cvr: String?
    var vat: String?
    var website: String?

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A row of `service`; host patterns and cookie names are stored as JSON arrays.
struct ServiceRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "service"
    var id: Int64?
    var vendorId: Int64
    var name: String
    var category: ServiceCategory
    var hosts: [String]
    var cookies: [String]

    enum Columns {
        static let vendorId = Column(CodingKeys.vendorId)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A row of `usage`: a solution embedding a service under a claimed route.
struct UsageRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "usage"
    var id: Int64?
    var solutionId: Int64
    var serviceId: Int64
    var since: Day
    var until: Day?
    var purpose: String?
    var route: Route
    var vendorOwnPurposes: OwnPurposes

    enum Columns {
        static let solutionId = Column(CodingKeys.solutionId)
        static let serviceId = Column(CodingKeys.serviceId)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A row of `document`: bytes in the store, named by their SHA-256.
struct DocumentRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "document"
    var sha256: String
    var size: Int64
    var mediaType: String
}

/// A row of `evidence`. Never deleted: withdrawing sets the `withdrawn` fields.
struct EvidenceRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "evidence"
    var id: Int64?
    var kind: EvidenceKind
    var title: String
    var captured: Day?
    var signed: Day?
    var validFrom: Day?
    var validUntil: Day?
    var reviewBy: Day?
    var noticeDays: Int?
    var clause: String?
    var supersedesId: Int64?
    var filedAt: String
    var filedBy: String
    var withdrawnAt: String?
    var withdrawnBy: String?
    var withdrawnReason: String?
    /// A framework agreement binding every state authority, rather than the parties listed.
    var allState = false

    enum Columns {
        static let supersedesId = Column(CodingKeys.supersedesId)
    }

    /// The dates the evidence speaks about, which the row keeps in columns of their own.
    var dates: EvidenceDates {
        get {
            EvidenceDates(
                captured: captured, signed: signed, validFrom: validFrom, validUntil: validUntil,
                reviewBy: reviewBy, noticeDays: noticeDays)
        }
        set {
            (captured, signed, validFrom) = (newValue.captured, newValue.signed, newValue.validFrom)
            (validUntil, reviewBy, noticeDays) = (newValue.validUntil, newValue.reviewBy, newValue.noticeDays)
        }
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A row of `evidenceFile`: one document of a piece of evidence, under the name it was filed with.
/// An authority bound by a piece of evidence: whose setup it shows or who signed it.
struct EvidencePartyRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "evidenceParty"
    var evidenceId: Int64
    var authorityId: Int64

    enum Columns {
        static let evidenceId = Column(CodingKeys.evidenceId)
        static let authorityId = Column(CodingKeys.authorityId)
    }
}

struct EvidenceFileRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "evidenceFile"
    var evidenceId: Int64
    var position: Int
    var sha256: String
    var fileName: String

    enum Columns {
        static let evidenceId = Column(CodingKeys.evidenceId)
        static let position = Column(CodingKeys.position)
        static let sha256 = Column(CodingKeys.sha256)
    }
}

/// A row of `coverage`: evidence covering exactly one usage, service or vendor.
struct CoverageRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "coverage"
    var evidenceId: Int64
    var usageId: Int64?
    var serviceId: Int64?
    var vendorId: Int64?

    enum Columns {
        static let evidenceId = Column(CodingKeys.evidenceId)
        static let usageId = Column(CodingKeys.usageId)
        static let serviceId = Column(CodingKeys.serviceId)
        static let vendorId = Column(CodingKeys.vendorId)
    }

    var target: RecordID {
        if let usageId { return RecordID(.usage, usageId) }
        if let serviceId { return RecordID(.service, serviceId) }
        return RecordID(.vendor, vendorId ?? 0)
    }

    init(evidenceId: Int64, target: RecordID) {
        self.evidenceId = evidenceId
        switch target.kind {
        case .usage: usageId = target.number
        case .service: serviceId = target.number
        default: vendorId = target.number
        }
    }
}

/// A row of `auditEvent`: one change, chained to the one before by hash.
struct AuditEventRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "auditEvent"
    var id: Int64?
    var at: String
    var actor: String
    var command: String
    var records: [AuditedRecord]
    var previousHash: String
    var hash: String

    enum Columns {
        static let id = Column(CodingKeys.id)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A row of `setting`: a key and its value, such as the default review period.
struct SettingRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "setting"
    var key: String
    var value: String

    enum Columns {
        static let key = Column(CodingKeys.key)
    }
}

extension AuditSubject: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { description.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> AuditSubject? {
        String.fromDatabaseValue(dbValue).flatMap(AuditSubject.init)
    }
}

/// A row of `auditRecordForm`: the canonical form of a record (or the settings) as an event left it.
struct AuditRecordFormRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "auditRecordForm"
    var eventId: Int64
    var recordId: AuditSubject
    var form: String

    enum Columns {
        static let eventId = Column(CodingKeys.eventId)
    }
}

/// The one row of `auditFormsFrom`: the first event that stores the form of every record it touches, and
/// whether the forms of records unchanged since earlier events were stored too.
struct AuditFormsFromRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "auditFormsFrom"
    var id: Int64
    var eventId: Int64
    var earlierStored: Bool
}
