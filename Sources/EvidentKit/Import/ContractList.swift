import Foundation

/// A contract list as read from its file: each row's cells by column, before any cell is checked.
struct ContractList: Sendable {
    /// One row: where it is and its cells.
    struct Row: Sendable {
        var line: Int
        var cells: [ContractColumn: String]
    }

    var rows: [Row]
    /// Problems with the file's shape (unknown or repeated columns, cells beyond the header).
    var problems: ProblemList

    /// Reads a CSV contract list: a header row naming the columns, then one row per piece of evidence.
    static func csv(_ text: String) throws(ImportError) -> ContractList {
        let records = try CSVReader.records(text, separator: separator(of: text))
        var problems = ProblemList()
        guard let header = records.first else {
            throw ImportError.malformedCSV(line: 1, reason: "the file is empty; it needs a header row")
        }
        var columns: [ContractColumn?] = []
        for name in header.fields {
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            guard let column = ContractColumn(header: trimmed) else {
                columns.append(nil)
                if !trimmed.isEmpty {
                    problems.add(
                        line: header.line, column: nil, value: trimmed,
                        reason: "unknown column; the columns are "
                            + ContractColumn.allCases.map(\.name).joined(separator: ", "))
                }
                continue
            }
            if columns.contains(column) {
                problems.add(line: header.line, column: column, value: trimmed, reason: "the column is named twice")
            }
            columns.append(column)
        }
        for column in ContractColumn.allCases where column.isRequired && !columns.contains(column) {
            problems.add(line: header.line, column: column, value: "", reason: "the header lacks this required column")
        }
        var rows: [Row] = []
        rows.reserveCapacity(records.count)
        for record in records.dropFirst() {
            var cells: [ContractColumn: String] = [:]
            for (index, value) in record.fields.enumerated() {
                if index < columns.count {
                    if let column = columns[index] { cells[column] = value }
                } else if !value.trimmingCharacters(in: .whitespaces).isEmpty {
                    problems.add(
                        line: record.line, column: nil, value: value,
                        reason: "a cell beyond the \(columns.count) columns of the header")
                }
            }
            rows.append(Row(line: record.line, cells: cells))
        }
        return ContractList(rows: rows, problems: problems)
    }

    /// The separator that makes the most of the header line's cells known columns; failing that, the commonest.
    static func separator(of text: String) -> UInt8 {
        let header = text.prefix { $0 != "\n" && $0 != "\r" }
        func known(_ separator: Character) -> Int {
            header.split(separator: separator).filter {
                ContractColumn(header: $0.trimmingCharacters(in: CharacterSet(charactersIn: "\" "))) != nil
            }.count
        }
        let (commas, semicolons) = (known(","), known(";"))
        return commas == semicolons ? CSVReader.separator(of: text) : semicolons > commas ? 0x3B : 0x2C
    }

    /// Reads a JSON contract list: an array of objects keyed as `schema/contract-import.schema.json` describes.
    static func json(_ data: Data) throws(ImportError) -> ContractList {
        let elements: [JSONElement]
        do {
            elements = try JSONDecoder().decode([JSONElement].self, from: data)
        } catch {
            throw ImportError.malformedJSON(reason: "expected an array of contract objects, or a registry export")
        }
        var problems = ProblemList()
        var rows: [Row] = []
        for (index, element) in elements.enumerated() {
            let line = index + 1
            guard case .object(let object) = element else {
                problems.add(line: line, column: nil, value: "", reason: "expected an object")
                continue
            }
            var cells: [ContractColumn: String] = [:]
            for (key, value) in object.sorted(by: { $0.key < $1.key }) {
                guard let column = ContractColumn(rawValue: key) else {
                    problems.add(line: line, column: nil, value: key, reason: "unknown key")
                    continue
                }
                switch value {
                case .null: break
                case .string(let text) where !column.isList || !text.isEmpty: cells[column] = text
                case .number(let number) where column == .noticeDays: cells[column] = String(number)
                case .strings(let items) where column.isList:
                    if let bad = items.first(where: { $0.contains("|") || $0.contains(";") || $0.contains("\n") }) {
                        problems.add(
                            line: line, column: column, value: bad, reason: "an item must not hold | ; or a line break")
                    }
                    cells[column] = items.joined(separator: "|")
                default:
                    problems.add(
                        line: line, column: column, value: value.shown,
                        reason: column.isList
                            ? "expected an array of strings"
                            : column == .noticeDays ? "expected a whole number" : "expected a string")
                }
            }
            rows.append(Row(line: line, cells: cells))
        }
        return ContractList(rows: rows, problems: problems)
    }
}

/// An element of a JSON contract list: an object, or anything else (a problem).
private enum JSONElement: Decodable {
    case object([String: JSONCell])
    case other

    init(from decoder: any Decoder) throws {
        if let object = try? [String: JSONCell](from: decoder) {
            self = .object(object)
        } else {
            self = .other
        }
    }
}

/// A value in a JSON contract object, as far as an import cares.
private enum JSONCell: Decodable {
    case null, string(String), number(Int), strings([String]), other(String)

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let flag = try? container.decode(Bool.self) {
            self = .other(String(flag))
        } else if let number = try? container.decode(Int.self) {
            self = .number(number)
        } else if let items = try? container.decode([String].self) {
            self = .strings(items)
        } else if let number = try? container.decode(Double.self) {
            self = .other(String(number))
        } else {
            self = .other("(an array or object)")
        }
    }

    var shown: String {
        switch self {
        case .null: "null"
        case .string(let text): text
        case .number(let number): String(number)
        case .strings(let items): items.joined(separator: ", ")
        case .other(let text): text
        }
    }
}
