import Foundation

/// The checks of a contract list that need no registry: every cell of every row, and every document it names.
struct ContractChecker {
    /// The rows whose cells are all valid.
    private(set) var rows: [ContractRow] = []
    var problems: ProblemList
    private let base: String

    init(list: ContractList, base: String, today: Day, progress: (ImportProgress) -> Void) {
        self.base = base
        problems = list.problems
        rows.reserveCapacity(list.rows.count)
        for (index, row) in list.rows.enumerated() {
            switch ContractRow.parse(row.cells, line: row.line, today: today) {
            case .success(let parsed): rows.append(parsed)
            case .failure(let rowProblems): problems.append(rowProblems)
            }
            if (index + 1) % 1000 == 0 || index + 1 == list.rows.count {
                progress(ImportProgress(phase: .checkingRows, done: index + 1, total: list.rows.count))
            }
        }
        if list.rows.isEmpty {
            problems.add(line: 1, column: nil, value: "", reason: "the file has no rows to import")
        }
    }

    /// Locates, hashes and types every document the rows name (each path once), and checks each against its
    /// row's kind; returns them by the path the rows give.
    mutating func checkDocuments(progress: (ImportProgress) -> Void) throws -> [String: ImportDocument] {
        var documents: [String: ImportDocument] = [:]
        var refused: [String: String] = [:]
        let paths = Array(Set(rows.map(\.document))).sorted()
        for (index, relative) in paths.enumerated() {
            do {
                let real = try ImportDocument.locate(relative, in: base)
                let name = String(relative.split(separator: "/").last ?? Substring(relative))
                documents[relative] = try ImportDocument.fingerprint(path: real, fileName: name)
            } catch let error as InputError {
                refused[relative] = ContractColumn.spell(error.reason)
            } catch let error as StoreError {
                refused[relative] = error.description
            }
            if (index + 1) % 100 == 0 || index + 1 == paths.count {
                progress(ImportProgress(phase: .hashingDocuments, done: index + 1, total: paths.count))
            }
        }
        var valid: [ContractRow] = []
        for row in rows {
            if let reason = refused[row.document] {
                problems.add(line: row.line, column: .document, value: row.document, reason: reason)
            } else if let document = documents[row.document], !row.kind.allowedMediaTypes.contains(document.mediaType) {
                let allowed = row.kind.allowedMediaTypes.map(\.label).sorted().joined(separator: ", ")
                problems.add(
                    line: row.line, column: .document, value: row.document,
                    reason: "is \(document.mediaType.label) (\(document.mediaType.rawValue)), which does not fit kind "
                        + "\(row.kind.rawValue) (expects \(allowed))")
            } else {
                valid.append(row)
            }
        }
        rows = valid
        return documents
    }
}
