import GRDB

/// A row of `solutionFirstParty`: a domain a solution serves itself from besides its URL's.
struct SolutionFirstPartyRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "solutionFirstParty"
    var solutionId: Int64
    var domain: String

    enum Columns {
        static let solutionId = Column(CodingKeys.solutionId)
    }

    /// Its part of the solution's canonical form (version 3 on).
    var canonicalForm: CanonicalForm {
        .object(["solutionId": .integer(solutionId), "domain": .string(domain)])
    }
}

/// The domains a scan treats as a solution's own.
public enum FirstPartyDomains {
    /// A domain as a solution's own: a host name, lower case, not a public suffix such as `co.uk`.
    public static func validate(_ value: String) throws(InputError) -> String {
        let trimmed = value.hasSuffix(".") ? String(value.dropLast()) : value
        let domain = try Validate.hostPattern(trimmed, field: .firstParty)
        guard !domain.hasPrefix("*.") else {
            throw InputError(
                field: .firstParty, value: value,
                reason: "give the domain itself (its subdomains are first party too), without '*.'")
        }
        guard RegistrableDomain.of(domain) != nil else {
            throw InputError(
                field: .firstParty, value: value,
                reason: "is a public suffix, shared by unrelated owners; give the solution's own domain under it")
        }
        return domain
    }

    /// The checked domains, without repeats, in order.
    public static func validate(_ values: [String]) throws(InputError) -> [String] {
        var domains: [String] = []
        for value in values {
            let domain = try validate(value)
            if !domains.contains(domain) { domains.append(domain) }
        }
        return domains
    }
}

extension Registry {
    /// The first-party domains kept on a solution, in alphabetical order.
    public func firstPartyDomains(of reference: String) throws -> [String] {
        try read { db in
            let id = try resolve(reference, field: .solution, kinds: [.solution], db)
            return try Self.firstPartyDomains(of: id.number, db)
        }
    }

    static func firstPartyDomains(of solutionId: Int64, _ db: Database) throws -> [String] {
        try String.fetchAll(
            db, sql: "SELECT domain FROM solutionFirstParty WHERE solutionId = ? ORDER BY domain",
            arguments: [solutionId])
    }

    func replaceFirstParty(of solutionId: Int64, with domains: [String], _ db: Database) throws {
        try SolutionFirstPartyRecord.filter(SolutionFirstPartyRecord.Columns.solutionId == solutionId).deleteAll(db)
        for domain in domains { try SolutionFirstPartyRecord(solutionId: solutionId, domain: domain).insert(db) }
    }
}
