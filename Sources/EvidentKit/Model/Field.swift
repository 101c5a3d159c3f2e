/// The input fields of the registry's records and commands, named by what they are, not by how a command line
/// spells them.
///
/// Errors name the field a value came in; whoever shows them to a person spells the field its own way.
public enum Field: String, Sendable, CaseIterable {
    // Authorities, vendors and solutions.
    case name, cvr, vat, country, website
    case channel, url, appId, mandatedBy, owner
    // Services and usages.
    case vendor, host, cookie
    case solution, service, since, until, purpose
    // Evidence: the documents filed, what they cover, their dates, and the one document to export.
    case files, title, covers, captured, signed, validFrom, validUntil, reviewBy, noticeDays, clause, supersedes
    case reason, document
    /// A date given on its own, when the caller names no field.
    case date
    // Selections, the audit trail and reports.
    case authority, record, year, within, window
    /// The moment of the audit trail a registry is rebuilt as.
    case asRecorded
    /// Where a command writes: a file or a directory.
    case destination
    // Signing keys.
    case key, identity
    // Settings, each named by its key.
    case optOutReviewMonths, warningDays
}
