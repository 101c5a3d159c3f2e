/// The closed vocabularies of the domain, spelled as users type them.

/// What kind of body an authority is; §2 S4 asks whether a state authority takes part.
public enum AuthorityKind: String, Sendable, Codable, CaseIterable {
    case state, region, municipality, `private`
}

/// What a solution is; §2 S1 covers self-service solutions and national portals.
public enum SolutionKind: String, Sendable, Codable, CaseIterable {
    case selfService = "self-service"
    case nationalPortal = "national-portal"
    case information
}

/// Whether a solution is a website or an app; §2 says it makes no difference.
public enum Channel: String, Sendable, Codable, CaseIterable {
    case web, app
}

/// Whom a solution is aimed at; §2 S3 covers solutions aimed at citizens.
public enum Audience: String, Sendable, Codable, CaseIterable {
    case citizens, businesses, both
}

/// How an authority takes part in a solution.
public enum OwnerRole: String, Sendable, Codable, CaseIterable {
    case responsible
    case coOwner = "co-owner"
    case `operator`
}

/// What a third-party service does for the solution that embeds it.
public enum ServiceCategory: String, Sendable, Codable, CaseIterable {
    case statistics, fonts, video, images, maps, chat, consent, security, login, cdn, other
}

/// The §3.1 route a usage claims: R1 opt-out, R2 agreement, R3 technically necessary.
public enum Route: String, Sendable, Codable, CaseIterable {
    case optOut = "opt-out"
    case agreement
    case technicallyNecessary = "technically-necessary"
    case none
}

/// Whether the vendor can use the collected data for its own purposes (§3.1 R3).
public enum OwnPurposes: String, Sendable, Codable, CaseIterable {
    case yes, no, unknown
}

/// What a piece of evidence is, which decides the files it may hold and the route it proves.
public enum EvidenceKind: String, Sendable, Codable, CaseIterable {
    case optOutScreenshot = "opt-out-screenshot"
    case optOutConfig = "opt-out-config"
    case dataProcessingAgreement = "data-processing-agreement"
    case agreement
    case technicalJustification = "technical-justification"
    case vendorTerms = "vendor-terms"
    case other

    /// A screenshot or configuration export of an opt-out setting (§3.1 R1): captured on a day, never signed.
    public var isOptOut: Bool { self == .optOutScreenshot || self == .optOutConfig }
}
