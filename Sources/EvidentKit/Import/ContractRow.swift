import Foundation

/// One row of a contract list, its cells checked on their own; references are resolved against the registry later.
struct ContractRow: Sendable {
    /// The line the row starts on (CSV) or the object's position (JSON).
    var line: Int
    var vendorName: String
    var vendorCountry: String?
    var vendorCVR: String?
    var vendorVAT: String?
    var serviceName: String
    var serviceCategory: ServiceCategory?
    var serviceHosts: [String]
    var kind: EvidenceKind
    var title: String
    var parties: [String]
    var dates: EvidenceDates
    var clause: String?
    var covers: [String]
    /// The document's path as the row gives it, relative to the import file.
    var document: String
    /// The cells as given, for problems that name a value.
    var cells: [ContractColumn: String]

    /// Checks every cell of a row and returns it, or every problem it has.
    static func parse(
        _ cells: [ContractColumn: String], line: Int, today: Day
    ) -> Result<ContractRow, ProblemList> {
        var problems = ProblemList()
        // Each cell trimmed once; a line break inside a text cell (Alt+Enter in a spreadsheet) reads as a space.
        var trimmed: [ContractColumn: String] = [:]
        for (column, raw) in cells {
            var value = Validate.trimmed(raw)
            if !column.isList, value.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) {
                value = value.split(whereSeparator: \.isNewline).map { Validate.trimmed(String($0)) }
                    .joined(separator: " ")
            }
            if !value.isEmpty { trimmed[column] = value }
        }
        func cell(_ column: ContractColumn) -> String? { trimmed[column] }
        func check<T>(_ column: ContractColumn, _ body: (String) throws(InputError) -> T) -> T? {
            guard let value = cell(column) else { return nil }
            do {
                return try body(value)
            } catch {
                problems.add(line: line, column: column, value: value, reason: ContractColumn.spell(error.reason))
                return nil
            }
        }
        for column in ContractColumn.allCases where column.isRequired && cell(column) == nil {
            problems.add(line: line, column: column, value: "", reason: "must not be empty")
        }
        let vendor = check(.vendor) { v throws(InputError) in try Validate.text(v, field: .vendor) }
        let country = check(.vendorCountry) { v throws(InputError) in try Identification.country(v) }
        let cvr = check(.vendorCvr) { v throws(InputError) in try Identification.cvr(v) }
        let vat = check(.vendorVat) { v throws(InputError) in try Identification.vat(v) }
        let service = check(.service) { v throws(InputError) in try Validate.text(v, field: .service) }
        let category = check(.serviceCategory) { v throws(InputError) in
            try word(v, of: ServiceCategory.self, field: .service)
        }
        let hosts =
            check(.serviceHosts) { v throws(InputError) in
                try ContractColumn.items(v).map { h throws(InputError) in try Validate.hostPattern(h, field: .host) }
            } ?? []
        let kind = check(.kind) { v throws(InputError) in try word(v, of: EvidenceKind.self, field: .files) }
        let title = check(.title) { v throws(InputError) in try Validate.text(v, field: .title) }
        let parties = check(.parties) { v throws(InputError) in
            let items = ContractColumn.items(v)
            try EvidenceDraft.checkParties(items)
            return items
        }
        func day(_ column: ContractColumn) -> Day? {
            check(column) { v throws(InputError) in try ContractDates.day(v) }
        }
        let dates = EvidenceDates(
            captured: day(.captured), signed: day(.signed), validFrom: day(.validFrom), validUntil: day(.validUntil),
            reviewBy: day(.reviewBy),
            noticeDays: check(.noticeDays) { v throws(InputError) in
                guard let days = Int(v) else {
                    throw InputError(field: .noticeDays, value: v, reason: "expected a whole number of days")
                }
                return days
            })
        let clause = check(.clause) { v throws(InputError) in try Validate.text(v, field: .clause) }
        let covers = cell(.covers).map(ContractColumn.items) ?? []
        let document = cell(.document)
        if let kind, problems.isEmpty {
            do {
                try dates.validate(for: kind)
                try dates.checkNotFuture(today: today)
            } catch {
                let column = ContractColumn(field: error.field) ?? .validUntil
                problems.add(
                    line: line, column: column, value: cells[column] ?? error.value,
                    reason: ContractColumn.spell(error.reason))
            }
        }
        guard problems.isEmpty, let vendor, let service, let kind, let title, let document else {
            return .failure(problems)
        }
        return .success(
            ContractRow(
                line: line, vendorName: vendor, vendorCountry: country, vendorCVR: cvr, vendorVAT: vat,
                serviceName: service, serviceCategory: category, serviceHosts: hosts, kind: kind, title: title,
                parties: parties ?? [], dates: dates, clause: clause, covers: covers, document: document,
                cells: cells))
    }
}

/// The problems found so far, in the order found.
struct ProblemList: Error, Sendable {
    var problems: [ImportProblem] = []

    var isEmpty: Bool { problems.isEmpty }

    mutating func add(line: Int, column: ContractColumn?, value: String, reason: String) {
        problems.append(ImportProblem(line: line, column: column?.name ?? "", value: value, reason: reason))
    }

    mutating func append(_ other: ProblemList) {
        problems += other.problems
    }
}

/// The date forms a contract list may use: `2026-03-01`, `01-03-2026` or `01.03.2026` (day first, as in Denmark).
enum ContractDates {
    static func day(_ text: String) throws(InputError) -> Day {
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "." })
        let numbers = parts.map { part in part.allSatisfy(\.isASCII) ? Int(part) : nil }
        let expected = "expected a date as 2026-03-01, 01-03-2026 or 01.03.2026"
        guard parts.count == 3, numbers.allSatisfy({ $0 != nil }) else {
            throw InputError(field: .date, value: text, reason: "\(expected)")
        }
        let (first, second, third) = (numbers[0]!, numbers[1]!, numbers[2]!)
        let isoLike = parts[0].count == 4 && text.contains("-") && !text.contains(".")
        let dayFirst = parts[2].count == 4 && parts[0].count <= 2 && parts[1].count <= 2
        guard isoLike && parts[1].count == 2 && parts[2].count == 2 || dayFirst else {
            throw InputError(field: .date, value: text, reason: "\(expected)")
        }
        let (year, month, day) = isoLike ? (first, second, third) : (third, second, first)
        guard let parsed = Day(year: year, month: month, day: day) else {
            throw InputError(field: .date, value: text, reason: "no such day in the calendar")
        }
        return parsed
    }
}

/// One of a vocabulary's words, in any case.
private func word<Word: RawRepresentable & CaseIterable>(
    _ value: String, of: Word.Type, field: Field
) throws(InputError) -> Word where Word.RawValue == String {
    guard let word = Word(rawValue: value.lowercased()) else {
        throw InputError(
            field: field, value: value,
            reason: "expected one of \(Word.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    return word
}
