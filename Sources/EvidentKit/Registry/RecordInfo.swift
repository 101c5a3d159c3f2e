// The records as users and scripts see them: ids as `AUT-1`, references resolved
// to ids and names. JSON output prints these; `schema/` describes them.

/// An authority as users and scripts see it.
public struct AuthorityInfo: Codable, Sendable, Equatable {
    /// Its short id, such as `AUT-1`.
    public var id: RecordID
    /// Its name.
    public var name: String
    /// Its CVR number.
    public var cvr: String
    /// What kind of body it is; §2 S4 asks for a state authority.
    public var kind: AuthorityKind
}

/// A solution as users and scripts see it, with its owners and its §2 scope.
public struct SolutionInfo: Codable, Sendable, Equatable {
    /// An authority's part in the solution.
    public struct Owner: Codable, Sendable, Equatable {
        /// The authority's id.
        public var authority: RecordID
        /// The authority's name.
        public var authorityName: String
        /// What kind of body the authority is.
        public var authorityKind: AuthorityKind
        /// How it takes part.
        public var role: OwnerRole
    }

    /// Its short id, such as `SOL-3`.
    public var id: RecordID
    /// Its name.
    public var name: String
    /// What it is; §2 S1 covers self-service solutions and national portals.
    public var kind: SolutionKind
    /// Whether it is a website or an app.
    public var channel: Channel
    /// Its address, for a web solution.
    public var url: String?
    /// Its app id, for an app.
    public var appId: String?
    /// Whom it is aimed at; §2 S3 covers solutions aimed at citizens.
    public var audience: Audience
    /// Whether it is the citizens' mandatory channel to the authority (§2 S2).
    public var mandatory: Bool
    /// The law or rule that makes it mandatory, if recorded.
    public var mandatedBy: String?
    /// The authorities that take part in it, in id order.
    public var owners: [Owner]
    /// Whether §2 covers the solution, derived from the fields above.
    public var scope: Scope
}

/// A vendor of third-party services as users and scripts see it.
public struct VendorInfo: Codable, Sendable, Equatable {
    /// Its short id, such as `VEN-2`.
    public var id: RecordID
    /// Its name.
    public var name: String
    /// Its country, as an ISO 3166-1 alpha-2 code such as `DK`.
    public var country: String
    /// Its CVR number, if recorded.
    public var cvr: String?
    /// Its EU VAT number, such as `IE6388047V`, if recorded.
    public var vat: String?
    /// Its website, if recorded.
    public var website: String?
}

/// A third-party service as users and scripts see it.
public struct ServiceInfo: Codable, Sendable, Equatable {
    /// Its short id, such as `SVC-5`.
    public var id: RecordID
    /// The id of the vendor that provides it.
    public var vendor: RecordID
    /// The vendor's name.
    public var vendorName: String
    /// Its name.
    public var name: String
    /// What it does for the solutions that embed it.
    public var category: ServiceCategory
    /// The host patterns it is loaded from, such as `*.google-analytics.com`.
    public var hosts: [String]
    /// The names of the cookies it sets.
    public var cookies: [String]
}

/// A usage as users and scripts see it: a solution embedding a service under a claimed §3.1 route.
public struct UsageInfo: Codable, Sendable, Equatable {
    /// Its short id, such as `USE-7`.
    public var id: RecordID
    /// The id of the solution that embeds the service.
    public var solution: RecordID
    /// The solution's name.
    public var solutionName: String
    /// The id of the service it embeds.
    public var service: RecordID
    /// The service's name.
    public var serviceName: String
    /// The first day of the usage.
    public var since: Day
    /// The last day of the usage; nil while it goes on.
    public var until: Day?
    /// What the solution uses the service for, if recorded.
    public var purpose: String?
    /// The §3.1 route claimed for it.
    public var route: Route
    /// Whether the vendor can use the collected data for its own purposes.
    public var vendorOwnPurposes: OwnPurposes
}

/// Evidence as users and scripts see it: what it proves, its documents, what it covers, and its status.
public struct EvidenceInfo: Sendable, Equatable {
    /// Whether the evidence can count at all.
    public enum Status: String, Codable, Sendable {
        /// Only active evidence counts: superseded evidence was replaced by newer evidence, withdrawn was taken back.
        case active, superseded, withdrawn
    }

    /// One stored document of the evidence.
    public struct File: Codable, Sendable, Equatable {
        /// The file's name when it was filed.
        public var name: String
        /// The SHA-256 of its bytes, which names it in the store.
        public var sha256: String
        /// Its size in bytes.
        public var size: Int64
        /// Its media type, recognised from its bytes, such as `application/pdf`.
        public var mediaType: String
    }

    /// Who withdrew the evidence, when and why.
    public struct Withdrawal: Codable, Sendable, Equatable {
        /// When it was withdrawn, as an ISO 8601 timestamp.
        public var at: String
        /// Who withdrew it.
        public var by: String
        /// Why, if a reason was given.
        public var reason: String?
    }

    /// Its short id, such as `EVD-12`.
    public var id: RecordID
    /// What it is, which decides the route it proves.
    public var kind: EvidenceKind
    /// Its title.
    public var title: String
    /// Whether it can count at all.
    public var status: Status
    /// The days it speaks about; in JSON they sit beside the other fields.
    public var dates: EvidenceDates
    /// Where it forbids own-purpose use, such as `Punkt 7.1`; R2 needs one.
    public var clause: String?
    /// The authorities it binds, by id; empty for a framework agreement (`allState`).
    public var parties: [RecordID]
    /// A framework agreement binding every state authority.
    public var allState: Bool
    /// The evidence it replaces, if any.
    public var supersedes: RecordID?
    /// The evidence that replaces it and is not withdrawn, in id order.
    public var supersededBy: [RecordID]
    /// The usages, services and vendors it covers, in id order.
    public var covers: [RecordID]
    /// Its documents, in the order they were filed.
    public var files: [File]
    /// When it was filed, as an ISO 8601 timestamp.
    public var filedAt: String
    /// Who filed it.
    public var filedBy: String
    /// Who withdrew it, when and why; nil unless withdrawn.
    public var withdrawn: Withdrawal?
}

extension EvidenceInfo: Codable {
    /// The keys of evidence JSON, registry.json included: the dates sit beside the other fields.
    private enum Key: String, CodingKey {
        case id, kind, title, status, clause, parties, allState, supersedes, supersededBy, covers, files, filedAt
        case filedBy, withdrawn
    }

    /// Decodes evidence JSON, the dates read from beside the other fields.
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

    /// Encodes evidence JSON, the dates beside the other fields.
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
