import Foundation

/// The authorities (and optionally solutions) the supervising authority expects a bundle from: a CSV with a
/// header naming `cvr` and optionally `name`, `solution` (a name or URL) and `ministry`, comma- or
/// semicolon-separated, one row per authority or per solution.
public struct ExpectedList: Sendable, Equatable {
    /// One expected authority, or one of its solutions.
    public struct Entry: Sendable, Equatable {
        public var cvr: String
        public var name: String?
        public var solution: String?
        public var ministry: String?
    }

    public var entries: [Entry]

    /// Reads the list at `path`; a bad row is an error naming its line, and nothing is evaluated.
    public static func load(path: String) throws -> ExpectedList {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(field: .expect, value: path, reason: "cannot be read")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError(field: .expect, value: path, reason: "is not UTF-8 text")
        }
        return try parse(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text, path: path)
    }

    static func parse(_ text: String, path: String) throws -> ExpectedList {
        let records: [CSVReader.Record]
        do {
            records = try CSVReader.records(text, separator: CSVReader.separator(of: text))
        } catch {
            throw InputError(field: .expect, value: path, reason: "\(error.description)")
        }
        guard let header = records.first else {
            throw InputError(field: .expect, value: path, reason: "is empty; expected a header naming cvr")
        }
        let columns = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let cvrColumn = columns.firstIndex(of: "cvr") else {
            throw InputError(field: .expect, value: path, reason: "its header names no cvr column")
        }
        func value(_ record: CSVReader.Record, _ name: String) -> String? {
            guard let index = columns.firstIndex(of: name), index < record.fields.count else { return nil }
            let text = record.fields[index].trimmingCharacters(in: .whitespaces)
            return text.isEmpty ? nil : text
        }
        var entries: [Entry] = []
        for record in records.dropFirst() {
            let cvr =
                cvrColumn < record.fields.count ? record.fields[cvrColumn].trimmingCharacters(in: .whitespaces) : ""
            guard Identification.isValidCVR(cvr) else {
                throw InputError(
                    field: .expect, value: path, reason: "line \(record.line): '\(cvr)' is not a valid CVR number")
            }
            entries.append(
                Entry(
                    cvr: cvr, name: value(record, "name"), solution: value(record, "solution"),
                    ministry: value(record, "ministry")))
        }
        return ExpectedList(entries: entries)
    }
}
