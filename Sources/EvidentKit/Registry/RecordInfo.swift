/// The records as users and scripts see them: ids as `AUT-1`, references resolved
/// to ids and names. JSON output prints these; `schema/` describes them.

public struct AuthorityInfo: Codable, Sendable, Equatable {
    public var id: RecordID
    public var name: String
    public var cvr: String
    public var kind: AuthorityKind
}

public struct SolutionInfo: Codable, Sendable, Equatable {
    /// An authority's part in the solution.
    public struct Owner: Codable, Sendable, Equatable {
        public var authority: RecordID
        public var authorityName: String
        public var authorityKind: AuthorityKind
        public var role: OwnerRole
    }

    public var id: RecordID
    public var name: String
    public var kind: SolutionKind
    public var channel: Channel
    public var url: String?
    public var appId: String?
    public var audience: Audience
    public var mandatory: Bool
    public var mandatedBy: String?
    public var owners: [Owner]
    /// Whether §2 covers the solution, derived from the fields above.
    public var scope: Scope
}

public struct VendorInfo: Codable, Sendable, Equatable {
    public var id: RecordID
    public var name: String
    public var country: String
    public var cvr: String?
    public var vat: String?
    public var website: String?
}

public struct ServiceInfo: Codable, Sendable, Equatable {
    public var id: RecordID
    public var vendor: RecordID
    public var vendorName: String
    public var name: String
    public var category: ServiceCategory
    public var hosts: [String]
    public var cookies: [String]
}

public struct UsageInfo: Codable, Sendable, Equatable {
    public var id: RecordID
    public var solution: RecordID
    public var solutionName: String
    public var service: RecordID
    public var serviceName: String
    public var since: Day
    public var until: Day?
    public var purpose: String?
    public var route: Route
    public var vendorOwnPurposes: OwnPurposes
}

public struct EvidenceInfo: Sendable, Equatable {
    /// Whether the evidence can count at all.
    public enum Status: String, Codable, Sendable {
        case active, superseded, withdrawn
    }

    /// One stored document of the evidence.
    public struct File: Codable, Sendable, Equatable {
        public var name: String
        public var sha256: String
        public var size: Int64
        public var mediaType: String
    }

    /// Who withdrew the evidence, when and why.
    public struct Withdrawal: Codable, Sendable, Equatable {
        public var at: String
        public var by: String
        public var reason: String?
    }

    public var id: RecordID
    public var kind: EvidenceKind
    public var title: String
    public var status: Status
    public var dates: EvidenceDates
    public var clause: String?
    /// The authorities it binds, by id; empty for a framework agreement (`allState`).
    public var parties: [RecordID]
    /// A framework agreement binding every state authority.
    public var allState: Bool
    public var supersedes: RecordID?
    public var supersededBy: [RecordID]
    public var covers: [RecordID]
    public var files: [File]
    public var filedAt: String
    public var filedBy: String
    public var withdrawn: Withdrawal?
}

extension EvidenceInfo: Codable {
    /// The keys of evidence JSON, registry.json included: the dates sit beside the other fields.
    private enum Key: String, CodingKey {
        case id, kind, title, status, clause, parties, allState, supersedes, supersededBy, covers, files, filedAt
        case filedBy, withdrawn
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        id = try container.decode(RecordID.self, forKey: .id)
        kind = try container.decode(EvidenceKind.self, forKey: .kind)
        title = try container.decode(String.self, forKey: .title)
        status = try container.decode(Status.self, forKey: .status)
        dates = try EvidenceDates(from: decoder)
        clause = try container.decodeIfPresent(String.self, forKey: .clause)
        // Registry format 1 (rules version 1) had no parties.
        parties = try container.decodeIfPresent([RecordID].self, forKey: .parties) ?? []
        allState = try container.decodeIfPresent(Bool.self, forKey: .allState) ?? false
        supersedes = try container.decodeIfPresent(RecordID.self, forKey: .supersedes)
        supersededBy = try container.decode([RecordID].self, forKey: .supersededBy)
        covers = try container.decode([RecordID].self, forKey: .covers)
        files = try container.decode([File].self, forKey: .files)
        filedAt = try container.decode(String.self, forKey: .filedAt)
        filedBy = try container.decode(String.self, forKey: .filedBy)
        withdrawn = try container.decodeIfPresent(Withdrawal.self, forKey: .withdrawn)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(id, forKey: .id)
        try container.encode(kind, forKey: .kind)
        try container.encode(title, forKey: .title)
        try container.encode(status, forKey: .status)
        try dates.encode(to: encoder)
        try container.encodeIfPresent(clause, forKey: .clause)
        try container.encode(parties, forKey: .parties)
        try container.encode(allState, forKey: .allState)
        try container.encodeIfPresent(supersedes, forKey: .supersedes)
        try container.encode(supersededBy, forKey: .supersededBy)
        try container.encode(covers, forKey: .covers)
        try container.encode(files, forKey: .files)
        try container.encode(filedAt, forKey: .filedAt)
        try container.encode(filedBy, forKey: .filedBy)
        try container.encodeIfPresent(withdrawn, forKey: .withdrawn)
    }
}
