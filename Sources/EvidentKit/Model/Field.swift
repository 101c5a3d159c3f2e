/// The input fields of the registry's records and commands, named by what they are.
///
/// Not by how a command line spells them: errors name the field a value came in, and whoever shows them to a
/// person spells the field its own way.
public enum Field: String, Sendable, CaseIterable {
    /// Authorities and vendors: a name (of any record), a CVR or EU VAT number, a country and a website.
    case name, cvr, vat, country, website
    /// Solutions: the channel, the address on it (`url` or `appId`), the law that mandates it, and an owner.
    case channel, url, appId, mandatedBy, owner
    /// Services: the vendor, a host pattern and a cookie name.
    case vendor, host, cookie
    /// Usages: the solution and service, the period (`since`, `until`) and the purpose.
    case solution, service, since, until, purpose
    /// Evidence: its kind, the files filed, the title, what it covers, its dates, its clause and what it supersedes.
    case kind, files, title, covers, captured, signed, validFrom, validUntil, reviewBy, noticeDays, clause, supersedes
    /// Whom evidence binds: an authority, or all-state for a framework agreement.
    case party
    /// Why evidence is withdrawn, and the one document of evidence to export.
    case reason, document
    /// A date given on its own, when the caller names no field.
    case date
    /// Selections (`authority`), the audit trail (`record`), reports (`year`) and windows in days.
    case authority, record, year, within, window
    /// The window of a listing of what expires.
    case expiringWithin
    /// The reference day of a verdict, and the first day `due` looks at.
    case asOf, from
    /// The moment of the audit trail a registry is rebuilt as.
    case asRecorded
    /// Where a command writes: a file or a directory.
    case destination
    /// A signing key file, the identity a new key is made for, and the file of keys trusted to sign bundles.
    case key, identity, allowedSigners
    /// The list of authorities a national evaluation expects a bundle from.
    case expect
    /// The settings, each named by its key.
    case optOutReviewMonths, warningDays
    /// The domains a solution serves itself from besides its URL's, which scans count as its own.
    case firstParty
}
