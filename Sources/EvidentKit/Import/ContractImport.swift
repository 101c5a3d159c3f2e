import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The kinds of file `import` reads.
public enum ImportFormat: String, Sendable, CaseIterable {
    case csv, json

    /// The format a file's name or first bytes suggest: `.json`, or content starting with `[` or `{`, is JSON.
    static func detect(path: String, bytes: [UInt8]) -> ImportFormat {
        let lower = path.lowercased()
        if lower.hasSuffix(".json") { return .json }
        if lower.hasSuffix(".csv") { return .csv }
        let first = bytes.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
        return first == 0x5B || first == 0x7B ? .json : .csv
    }
}

/// How an import is run.
public struct ImportOptions: Sendable {
    /// The file's format; nil detects it from the name and content.
    public var format: ImportFormat?
    /// The file's encoding (CSV).
    public var encoding: ImportEncoding
    /// Work out and report everything, write nothing.
    public var dryRun: Bool

    public init(format: ImportFormat? = nil, encoding: ImportEncoding = .utf8, dryRun: Bool = false) {
        (self.format, self.encoding, self.dryRun) = (format, encoding, dryRun)
    }
}

extension Registry {
    /// Imports a contract list (CSV or JSON) or a registry export: every row checked first, every problem
    /// reported, and then all of it written in one transaction with one audit event, or nothing.
    ///
    /// Rows are matched to what the registry has (vendors by CVR or VAT number, else exact name; services by
    /// vendor and name; documents by hash; evidence by its document and parties), so importing the same file
    /// again changes nothing.
    public func importFile(
        _ path: String, options: ImportOptions = ImportOptions(), _ context: ChangeContext,
        progress: (ImportProgress) -> Void = { _ in }
    ) throws -> ImportSummary {
        let bytes = try ImportFile.read(path)
        let sha256 = Hashing.sha256(bytes)
        let context = ChangeContext(actor: context.actor, command: "\(context.command) sha256:\(sha256)")
        let format = options.format ?? ImportFormat.detect(path: path, bytes: bytes)
        let list: ContractList
        switch format {
        case .csv:
            list = try ContractList.csv(options.encoding.decode(bytes))
        case .json:
            let data = Data(bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...])
            if RegistryExport.isExport(data) {
                return try restore(exportAt: path, data: data, sha256: sha256, dryRun: options.dryRun, context)
            }
            list = try ContractList.json(data)
        }
        let base = try ImportFile.directory(of: path)
        var checker = ContractChecker(list: list, base: base, today: today, progress: progress)
        let documents = try checker.checkDocuments(progress: progress)
        let knownDocuments = try read { db in
            try Set(
                String.fetchAll(
                    db, sql: "SELECT sha256 FROM document WHERE sha256 IN (SELECT value FROM json_each(?))",
                    arguments: [CanonicalJSONText.array(documents.values.map { $0.sha256 })]))
        }
        if !checker.problems.isEmpty {
            // Resolve too, so that one run reports every problem, then refuse.
            _ = try? read { db in try ContractPlan(rows: checker.rows, documents: documents, db, &checker.problems) }
            throw ImportError.problems(checker.problems.problems.sorted { $0.line < $1.line })
        }
        try recoverInterruptedFilings()

        // New documents are copied into the store's temp area before the write lock is taken.
        let placement = options.dryRun ? nil : try ObjectPlacement(store: store)
        defer { placement?.end() }
        var staged: [String: DocumentStore.Staged] = [:]
        if let placement {
            let new = documents.values.filter { !knownDocuments.contains($0.sha256) }
            var seen: Set<String> = []
            for (index, document) in new.enumerated() where seen.insert(document.sha256).inserted {
                let file = try placement.stage(path: document.path, durable: false)
                guard file.sha256 == document.sha256 else { throw ImportError.documentChanged(path: document.path) }
                staged[file.sha256] = file
                progress(ImportProgress(phase: .storingDocuments, done: index + 1, total: new.count))
            }
        }

        do {
            let summary = try transaction(context, dryRun: options.dryRun) {
                (db: Database) -> (result: ImportSummary, touched: [RecordID]) in
                var problems = ProblemList()
                let plan = try ContractPlan(rows: checker.rows, documents: documents, db, &problems)
                guard problems.isEmpty else {
                    throw ImportError.problems(problems.problems.sorted { $0.line < $1.line })
                }
                let (summary, touched) = try plan.apply(
                    sha256: sha256, dryRun: options.dryRun, filedAt: timestamp(), filedBy: context.actor, db,
                    progress: progress)
                try placement?.place(
                    plan.newDocuments.compactMap { staged[$0] }.sorted { $0.sha256 < $1.sha256 }, batch: true)
                return (summary, touched)
            }
            return summary
        } catch {
            placement?.undo()
            throw error
        }
    }

    /// Runs `body` in one write transaction with its audit event, or, in a dry run, rolls it all back; an import
    /// that touches nothing appends no event.
    func transaction<T>(
        _ context: ChangeContext, dryRun: Bool, _ body: (Database) throws -> (result: T, touched: [RecordID])
    ) throws -> T {
        try Self.storageErrors {
            try writer.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    let (value, touched) = try body(db)
                    if !touched.isEmpty {
                        try AuditTrail.append(
                            context: context, touched: touched.map(AuditSubject.record), at: clock(), db)
                    }
                    result = value
                    return dryRun ? .rollback : .commit
                }
                return result!
            }
        }
    }
}

/// Reading the import file itself.
enum ImportFile {
    /// The file's bytes; import files are lists of rows, read whole.
    ///
    /// Read in chunks rather than through `FileManager.contents(atPath:)`, whose buffers LeakSanitizer reported
    /// as leaked when fuzzing.
    static func read(_ path: String) throws -> [UInt8] {
        var info = stat()
        guard stat(path, &info) == 0 else { throw StoreError.missingFile(path: path) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw StoreError.notRegularFile(path: path) }
        let input = open(path, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw StoreError.unreadable(path: path, reason: FileIO.lastError()) }
        defer { close(input) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(info.st_size))
        try FileIO.readChunks(input, path: path) { chunk in bytes.append(contentsOf: chunk) }
        return bytes
    }

    /// The real path of the directory holding the import file, which its documents must stay in.
    static func directory(of path: String) throws -> String {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard let resolved = realpath(directory, nil) else {
            throw StoreError.unreadable(path: directory, reason: FileIO.lastError())
        }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// JSON text for SQL's `json_each`.
enum CanonicalJSONText {
    static func array(_ strings: [String]) -> String {
        String(decoding: (try? JSONEncoder().encode(strings)) ?? Data("[]".utf8), as: UTF8.self)
    }
}
