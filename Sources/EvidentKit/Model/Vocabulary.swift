// The closed vocabularies of the domain, spelled as users type them.

/// What kind of body an authority is; §2 S4 asks whether a state authority takes part.
public enum AuthorityKind: String, Sendable, Codable, CaseIterable {
    /// A state authority, a region, a municipality, or a private party; only `state` meets §2 S4.
    case state, region, municipality, `private`
}

/// What a solution is; §2 S1 covers self-service solutions and national portals.
public enum SolutionKind: String, Sendable, Codable, CaseIterable {
    /// A digital self-service solution, where citizens deal with an authority (§2 S1).
    case selfService = "self-service"
    /// A national portal, the entrance to self-service solutions (§2 S1).
    case nationalPortal = "national-portal"
    /// A site that only publishes information; §2 S1 does not cover it.
    case information
}

/// Whether a solution is a website or an app; §2 says it makes no difference.
public enum Channel: String, Sendable, Codable, CaseIterable {
    /// A website, reached at its URL, or an app, known by its app id.
    case web, app
}

/// Whom a solution is aimed at; §2 S3 covers solutions aimed at citizens.
public enum Audience: String, Sendable, Codable, CaseIterable {
    /// Aimed at citizens, at businesses only, or at both; businesses only fails §2 S3.
    case citizens, businesses, both
}

/// How an authority takes part in a solution.
public enum OwnerRole: String, Sendable, Codable, CaseIterable {
    /// The authority responsible for the solution.
    case responsible
    /// An authority that owns the solution together with others.
    case coOwner = "co-owner"
    /// An authority that operates the solution.
    case `operator`
}

/// What a third-party service does for the solution that embeds it.
public enum ServiceCategory: String, Sendable, Codable, CaseIterable {
    /// Statistics, web fonts, video, images, maps, chat, consent, security, login, a CDN, or something else.
    case statistics, fonts, video, images, maps, chat, consent, security, login, cdn, other
}

/// The §3.1 route a usage claims: R1 opt-out, R2 agreement, R3 technically necessary.
public enum Route: String, Sendable, Codable, CaseIterable {
    /// R1: the vendor's own setting that stops it using the data for its own purposes is switched on.
    case optOut = "opt-out"
    /// R2: an agreement (a data-processing agreement will do) forbids that own-purpose use.
    case agreement
    /// R3: a technical precondition or there for security, and the vendor cannot use the data itself.
    case technicallyNecessary = "technically-necessary"
    /// No route is claimed; on a covered solution the usage is non-compliant.
    case none
}

/// Whether the vendor can use the collected data for its own purposes (§3.1 R3).
public enum OwnPurposes: String, Sendable, Codable, CaseIterable {
    /// It can, it cannot, or it is not known; R3 needs `no`.
    case yes, no, unknown
}

/// What a piece of evidence is, which decides the files it may hold and the route it proves.
public enum EvidenceKind: String, Sendable, Codable, CaseIterable {
    /// A screenshot (an image or PDF) of the vendor's opt-out setting switched on; proves R1.
    case optOutScreenshot = "opt-out-screenshot"
    /// A configuration export (JSON, YAML, XML or text) showing the opt-out setting; proves R1.
    case optOutConfig = "opt-out-config"
    /// A data-processing agreement; proves R2 when it cites the clause that forbids own-purpose use.
    case dataProcessingAgreement = "data-processing-agreement"
    /// Another agreement; proves R2 when it cites the clause that forbids own-purpose use.
    case agreement
    /// Why the service is technically necessary; proves R3.
    case technicalJustification = "technical-justification"
    /// The vendor's terms, kept for reference; they prove no route.
    case vendorTerms = "vendor-terms"
    /// Anything else kept for reference; it proves no route.
    case other
    /// A capture of what a solution loaded (HAR or inspection.json), filed by `scan`: it shows what was observed
    /// and when, and proves no route.
    case scan

    /// A screenshot or configuration export of an opt-out setting (§3.1 R1): captured on a day, never signed.
    public var isOptOut: Bool { self == .optOutScreenshot || self == .optOutConfig }
}
