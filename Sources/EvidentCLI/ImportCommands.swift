import ArgumentParser
import EvidentKit
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension ImportFormat: ExpressibleByArgument {}
extension ImportEncoding: ExpressibleByArgument {}

/// `evident import FILE`: loads a contract list, or rebuilds a registry from an export.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a contract list (CSV or JSON) or a registry export, all or nothing.",
        discussion: HelpText.prose(
            """
            A contract list has one row per piece of evidence: the vendor, the service, the kind, title, parties,
            dates, clause, what it covers and the document's path relative to the list (columns in README.md and
            schema/contract-import.md; JSON in schema/contract-import.schema.json). CSV may use commas or
            semicolons, Danish or English headers, and dates as 2026-03-01, 01-03-2026 or 01.03.2026.

            The whole file is checked first and every problem is reported; if any row is wrong, nothing is
            written. Rows are matched to what the registry has, so importing the same file again changes nothing;
            a row whose document or dates changed files a new revision that supersedes the old evidence.

            DIR/registry.json from 'evident export' rebuilds that registry in an empty home.
            """))

    @OptionGroup var home: ChangeOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The contract list (.csv or .json), or an export's registry.json.") var file: String
    @Option(help: "The list's format (default: from the file's name and content).") var format: ImportFormat?
    @Option(help: "The CSV's encoding.") var encoding: ImportEncoding = .utf8
    @Flag(help: "Check everything and print what an import would do, writing nothing.") var dryRun = false

    func run() throws {
        let console = Console.current
        let registry = try home.openRegistry()
        let progress = ProgressLine(enabled: console === Console.standard && isatty(STDERR_FILENO) == 1)
        let summary: ImportSummary
        do {
            summary = try registry.importFile(
                file, options: ImportOptions(format: format, encoding: encoding, dryRun: dryRun),
                home.change("import"), progress: progress.show)
            progress.finish()
        } catch let error as ImportError {
            progress.finish()
            if output.json, case .problems(let problems) = error {
                try console.json(["problems": problems])
            }
            var message = error.description
            if case .notUTF8 = error { message += "; pass --encoding windows-1252" }
            console.err("error: \(message)")
            throw ExitCode(EvidentMain.usageExitCode)
        }
        if output.json {
            try console.json(summary)
            return
        }
        let prefix = summary.dryRun ? "Dry run, nothing written: would import" : "Imported"
        console.out("\(prefix) \(file) (sha256 \(summary.sha256)): \(summary.counts)")
        if !summary.addedRecords.isEmpty {
            console.out("New vendors and services: \(summary.addedRecords.map(\.description).joined(separator: ", "))")
        }
        if !summary.changedRecords.isEmpty {
            console.out(
                "Vendors given their CVR or VAT number: \(summary.changedRecords.map(\.description).joined(separator: ", "))"
            )
        }
        for row in summary.rows where row.action != .unchanged {
            let revision = row.supersedes.map { ", superseding \($0)" } ?? ""
            console.out("line \(row.line): \(row.action.rawValue) \(row.evidence)\(revision)")
        }
    }
}

/// A progress line on standard error for imports that take more than a second, only on a terminal.
final class ProgressLine {
    private let enabled: Bool
    private let start = Date()
    private var shown = false

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func show(_ progress: ImportProgress) {
        guard enabled, Date().timeIntervalSince(start) > 1 else { return }
        shown = true
        FileHandle.standardError.write(
            Data("\r\u{1B}[K\(progress.phase.rawValue): \(progress.done) of \(progress.total)".utf8))
    }

    func finish() {
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}

/// `evident export --out DIR`: the whole registry and its documents, to be imported elsewhere.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every record, revision and link to DIR/registry.json and the documents to DIR/documents/.",
        discussion: HelpText.prose(
            """
            registry.json is described by schema/registry-export.schema.json. 'evident import DIR/registry.json'
            into an empty home rebuilds the same registry; exporting that again gives the same files.
            """))

    @OptionGroup var home: HomeOptions
    @OptionGroup var output: OutputOptions
    @Option(help: ArgumentHelp("A new or empty directory to write.", valueName: "dir")) var out: String

    func run() throws {
        let summary = try home.openRegistry().export(to: out)
        if output.json {
            try Console.current.json(summary)
        } else {
            Console.current.out(
                "Exported \(Counted(summary.records, "record")) and \(Counted(summary.documents, "document")) to \(summary.directory)"
                    + " (registry.json sha256 \(summary.sha256))")
        }
    }
}
