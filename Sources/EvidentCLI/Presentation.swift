import EvidentKit

/// How a kind of record is shown to people: a table row in lists, fields in `show`.
protocol Presentable: Encodable {
    static var tableHeader: [String] { get }
    /// The columns of names a narrow terminal may cut, and of ids it may move below the row.
    static var tableNames: Set<Int> { get }
    static var tableLists: Set<Int> { get }
    var tableRow: [String] { get }
    func tableRow(in words: ReportLanguage) -> [String]
    var fields: [(String, String?)] { get }
    /// The line printed when the record is added or edited.
    var summary: String { get }
}

extension Presentable {
    static var tableNames: Set<Int> { [1] }
    static var tableLists: Set<Int> { [] }
    /// The row with its words in `words`; ids, names and the values options take stay as they are.
    func tableRow(in words: ReportLanguage) -> [String] { tableRow }
}

extension Console {
    /// Prints records as JSON, or as a table for people in `words`.
    func present<Record: Presentable>(list records: [Record], json: Bool, words: ReportLanguage = .en) throws {
        if json {
            try self.json(records)
        } else if records.isEmpty {
            out(words.pick("(ingen)", "(none)"))
        } else {
            table(
                Record.tableHeader, records.map { $0.tableRow(in: words) }, names: Record.tableNames,
                lists: Record.tableLists, words: words)
        }
    }

    /// Prints one record as JSON, or as aligned fields for people.
    func present(_ record: some Presentable, json: Bool) throws {
        if json { try self.json(record) } else { lines(Printing.fields(record.fields)) }
    }

    /// Prints what a change produced: the record as JSON, or its one-line summary.
    func changed(_ verb: String, _ record: some Presentable, json: Bool) throws {
        if json { try self.json(record) } else { out("\(verb) \(record.summary)") }
    }

    /// Prints that a record was removed.
    func removed(_ id: RecordID, json: Bool) throws {
        if json { try self.json(["removed": id]) } else { out("Removed \(id)") }
    }
}

extension Optional where Wrapped: CustomStringConvertible {
    var text: String { map(\.description) ?? "" }
}

extension AuthorityInfo: Presentable {
    static let tableHeader = ["ID", "NAME", "CVR", "KIND"]
    var tableRow: [String] { [id.description, name, cvr, kind.rawValue] }
    var fields: [(String, String?)] {
        [("ID", id.description), ("Name", name), ("CVR", cvr), ("Kind", kind.rawValue)]
    }
    var summary: String { "\(id) \(name)" }
}

extension SolutionInfo: Presentable {
    static let tableHeader = ["ID", "NAME", "KIND", "AUDIENCE", "MANDATORY", "OWNERS", "SCOPE"]
    static let tableLists: Set<Int> = [5]
    var tableRow: [String] {
        [
            id.description, name, kind.rawValue, audience.rawValue, mandatory ? "yes" : "no",
            owners.map(\.authority.description).joined(separator: ","),
            scope.covered ? "covered" : "out (\(scope.failures.map(\.condition.citation).joined(separator: ", ")))",
        ]
    }
    var fields: [(String, String?)] {
        [
            ("ID", id.description), ("Name", name), ("Kind", kind.rawValue), ("Channel", channel.rawValue),
            ("URL", url), ("App id", appId), ("Audience", audience.rawValue), ("Mandatory", mandatory ? "yes" : "no"),
            ("Mandated by", mandatedBy),
            (
                "Owners",
                owners.map { "\($0.authority) \($0.authorityName) (\($0.role.rawValue))" }.joined(separator: "; ")
            ),
            ("Scope", scope.summary(for: kind)),
        ]
    }
    var summary: String { "\(id) \(name)" }
}

extension VendorInfo: Presentable {
    static let tableHeader = ["ID", "NAME", "COUNTRY", "CVR/VAT"]
    var tableRow: [String] { [id.description, name, country, cvr ?? vat ?? ""] }
    var fields: [(String, String?)] {
        [
            ("ID", id.description), ("Name", name), ("Country", country), ("CVR", cvr), ("VAT", vat),
            ("Website", website),
        ]
    }
    var summary: String { "\(id) \(name)" }
}

extension ServiceInfo: Presentable {
    static let tableHeader = ["ID", "NAME", "VENDOR", "CATEGORY", "HOSTS"]
    static let tableNames: Set<Int> = [1, 2]
    var tableRow: [String] {
        [id.description, name, "\(vendor) \(vendorName)", category.rawValue, hosts.joined(separator: " ")]
    }
    var fields: [(String, String?)] {
        [
            ("ID", id.description), ("Name", name), ("Vendor", "\(vendor) \(vendorName)"),
            ("Category", category.rawValue), ("Hosts", hosts.joined(separator: " ")),
            ("Cookies", cookies.isEmpty ? nil : cookies.joined(separator: " ")),
        ]
    }
    var summary: String { "\(id) \(name)" }
}

extension UsageInfo: Presentable {
    static let tableHeader = ["ID", "SOLUTION", "SERVICE", "SINCE", "UNTIL", "ROUTE", "OWN PURPOSES"]
    static let tableNames: Set<Int> = [1, 2]
    var tableRow: [String] {
        [
            id.description, "\(solution) \(solutionName)", "\(service) \(serviceName)", since.description,
            until.text, route.rawValue, vendorOwnPurposes.rawValue,
        ]
    }
    var fields: [(String, String?)] {
        [
            ("ID", id.description), ("Solution", "\(solution) \(solutionName)"),
            ("Service", "\(service) \(serviceName)"), ("Since", since.description), ("Until", until?.description),
            ("Purpose", purpose), ("Route", route.rawValue), ("Vendor own purposes", vendorOwnPurposes.rawValue),
        ]
    }
    var summary: String { "\(id) \(solutionName) uses \(serviceName)" }
}

extension EvidenceInfo: Presentable {
    static let tableHeader = ["ID", "KIND", "STATUS", "VALID UNTIL", "REVIEW BY", "COVERS", "PARTIES", "TITLE"]
    static let tableNames: Set<Int> = []
    static let tableLists: Set<Int> = [5, 6]
    var tableRow: [String] { tableRow(in: .en) }
    func tableRow(in words: ReportLanguage) -> [String] {
        [
            id.description, kind.rawValue, words == .en ? status.rawValue : words.evidenceStatus(status),
            dates.validUntil.text, dates.reviewBy.text, covers.map(\.description).joined(separator: ","),
            partiesText(separator: ","), title,
        ]
    }

    /// The parties as ids, or all-state for a framework agreement.
    func partiesText(separator: String) -> String {
        allState ? EvidenceDraft.allStateParty : parties.map(\.description).joined(separator: separator)
    }
    var fields: [(String, String?)] {
        var pairs: [(String, String?)] = [
            ("ID", id.description), ("Title", title), ("Kind", kind.rawValue), ("Status", status.rawValue),
            ("Covers", covers.map(\.description).joined(separator: ", ")),
            ("Parties", allState ? "all state authorities (framework agreement)" : partiesText(separator: ", ")),
            ("Captured", dates.captured?.description),
            ("Signed", dates.signed?.description), ("Valid from", dates.validFrom?.description),
            ("Valid until", dates.validUntil?.description), ("Review by", dates.reviewBy?.description),
            ("Notice days", dates.noticeDays?.description), ("Clause", clause), ("Supersedes", supersedes?.description),
            ("Superseded by", supersededBy.isEmpty ? nil : supersededBy.map(\.description).joined(separator: ", ")),
            ("Filed", "\(filedAt) by \(filedBy)"),
            ("Withdrawn", withdrawn.map { "\($0.at) by \($0.by)" + ($0.reason.map { ": \($0)" } ?? "") }),
        ]
        for (index, file) in files.enumerated() {
            pairs.append(
                (
                    "File \(index + 1)",
                    "\(file.name) (\(file.mediaType), \(Counted(file.size, "byte")), sha256 \(file.sha256))"
                ))
        }
        return pairs
    }
    var summary: String { "\(id) \(title)" }
}

extension Scope {
    /// One line for people about a solution of `kind`: covered, or each failing condition with its reason.
    func summary(for kind: SolutionKind) -> String {
        covered
            ? Scope.coveredReason(for: kind)
            : "out of scope: " + failures.map { "\($0.condition.citation) \($0.reason)" }.joined(separator: "; ")
    }
}
