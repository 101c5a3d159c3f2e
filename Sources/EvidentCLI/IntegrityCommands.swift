import ArgumentParser
import EvidentKit
import Foundation

/// `evident log`: the audit trail.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Show the audit trail: who changed what, when, chained by hash.")

    @OptionGroup var home: HomeOptions
    @Option(help: "Only events that touched this record (an id or an unambiguous name), or 'settings'.")
    var record: String?
    @Option(help: ArgumentHelp("Only events from this day on.", valueName: "yyyy-mm-dd"), transform: parseDay)
    var since: Day?
    @OptionGroup var output: OutputOptions
    @OptionGroup var language: LanguageOptions

    func run() throws {
        let events = try home.openRegistry().log(record: record, since: since)
        let console = Console.current
        if output.json {
            try console.json(events)
        } else if events.isEmpty {
            console.out(language.words.pick("(ingen hændelser)", "(no events)"))
        } else {
            console.table(
                ["EVENT", "AT", "ACTOR", "COMMAND", "RECORDS", "HASH"],
                events.map { event in
                    [
                        String(event.id), event.at, event.actor, event.command,
                        event.records.map { $0.id.description + ($0.sha256 == nil ? " (removed)" : "") }
                            .joined(separator: ", "),
                        String(event.hash.prefix(12)),
                    ]
                }, words: language.words)
        }
    }
}

/// `evident check`: does the registry agree with itself, its store and its audit trail?
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the database, the document store and the audit trail; exit 1 on any problem.",
        discussion: HelpText.prose(
            """
            Runs SQLite's integrity and foreign-key checks; checks that every document has its object, of the
            size its row records, and every object a document, and that nothing else lies in the store; that
            the audit chain is unbroken; and that every record (documents' sizes and media types included) and
            the settings are what their last audit event recorded, so an edit made around evident is reported
            with the record's id. Problems with a stored object name the evidence that files it. --deep also
            re-hashes every object.

            Leftovers of a filing killed before its commit are cleaned up first; a filing still running in
            another process is left alone. On a read-only home nothing is removed and leftovers are reported.
            """))

    @OptionGroup var home: HomeOptions
    @Flag(help: "Also re-hash every stored document.") var deep = false
    @OptionGroup var output: OutputOptions

    func run() throws {
        let report = try home.openRegistry().check(deep: deep)
        let console = Console.current
        if output.json {
            try console.json(report)
        } else {
            for problem in report.problems {
                console.out(tabSeparated: [problem.code.rawValue, problem.subject, problem.detail])
            }
            let summary =
                "\(Counted(report.records, "record")), \(Counted(report.documents, "document")), \(Counted(report.objects, "object"))"
                + "\(deep ? " (re-hashed)" : ""), \(report.auditEvents) audit events"
                + (report.recoveredObjects > 0
                    ? "; removed \(Counted(report.recoveredObjects, "object")) of interrupted filings" : "")
            let count = report.problems.count
            console.out(count == 0 ? "ok: \(summary)" : "\(Counted(count, "problem")): \(summary)")
        }
        if !report.problems.isEmpty { throw ExitCode(1) }
    }
}
