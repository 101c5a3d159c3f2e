import ArgumentParser
import EvidentKit
import Foundation

/// `evident evidence …`: the filed documents that prove a route.
struct EvidenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evidence",
        abstract: "File and manage evidence: agreements, opt-out screenshots, config exports, justifications.",
        subcommands: [Add.self, List.self, Show.self, Edit.self, Remove.self, Restore.self, Get.self]
    )

    /// The dates evidence speaks about, shared by `add` and `edit`; on `edit` an empty value empties one.
    struct Dates: ParsableArguments {
        @Option(
            help: ArgumentHelp("When a screenshot or config export was captured.", valueName: "yyyy-mm-dd"),
            transform: Emptiable.parsing(parseDay)) var captured: Emptiable<Day>?
        @Option(
            help: ArgumentHelp("When an agreement was signed.", valueName: "yyyy-mm-dd"),
            transform: Emptiable.parsing(parseDay)) var signed: Emptiable<Day>?
        @Option(
            help: ArgumentHelp("First day the evidence is in force.", valueName: "yyyy-mm-dd"),
            transform: Emptiable.parsing(parseDay)) var validFrom: Emptiable<Day>?
        @Option(
            help: ArgumentHelp("Last day the evidence is in force.", valueName: "yyyy-mm-dd"),
            transform: Emptiable.parsing(parseDay)) var validUntil: Emptiable<Day>?
        @Option(
            help: ArgumentHelp("When the evidence must be reviewed again.", valueName: "yyyy-mm-dd"),
            transform: Emptiable.parsing(parseDay)) var reviewBy: Emptiable<Day>?
        @Option(
            parsing: .unconditional,
            help: ArgumentHelp(
                "Days of notice before --valid-until to terminate or renew (\(describe(Limits.days))).",
                valueName: "days"),
            transform: Emptiable.parsing(wholeNumber(in: Limits.days, unit: "days")))
        var noticeDays: Emptiable<Int>?
        @Option(
            help: "The clause or page that restricts the vendor's own-purpose use (§3.1 R2).",
            transform: Emptiable.parsing { $0 }) var clause: Emptiable<String>?

        /// The dates given, as the Kit carries them.
        var value: EvidenceDates {
            EvidenceDates(
                captured: captured?.value, signed: signed?.value, validFrom: validFrom?.value,
                validUntil: validUntil?.value, reviewBy: reviewBy?.value, noticeDays: noticeDays?.value)
        }

        /// The fields given an empty value, which `edit` empties.
        var emptied: Set<Field> {
            let given: [(Field, Bool)] = [
                (.captured, captured?.isEmptied == true), (.signed, signed?.isEmptied == true),
                (.validFrom, validFrom?.isEmptied == true), (.validUntil, validUntil?.isEmptied == true),
                (.reviewBy, reviewBy?.isEmptied == true), (.noticeDays, noticeDays?.isEmptied == true),
                (.clause, clause?.isEmptied == true),
            ]
            return Set(given.filter(\.1).map(\.0))
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "File evidence with one or more documents.",
            discussion: HelpText.prose(
                """
                The files are copied into the registry's content-addressed store; the same bytes are stored once.
                The kind must fit the bytes: a screenshot is an image or PDF; a config is JSON, YAML, XML or
                text; an agreement is PDF, DOCX, ODT, text or an image scan.
                """))
        @OptionGroup var home: ChangeOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The documents to file.") var files: [String]
        @Option(help: "What the evidence is; the kind must fit the documents.") var kind: EvidenceKind
        @Option(help: "A title people will recognise.") var title: String
        @Option(parsing: .upToNextOption, help: "What it covers: usages (USE-1), services (SVC-1) or vendors (VEN-1).")
        var covers: [String]
        @OptionGroup var dates: Dates
        @Option(
            help: """
                The evidence this replaces: it stops proving the day before this one starts (its capture date, \
                else valid-from, else the signing date).
                """) var supersedes: String?
        @Option(
            help: ArgumentHelp(
                """
                An authority whose setup or agreement it is (repeatable), or all-state for a framework agreement \
                binding every state authority. Default: the owners of the solutions whose usages it covers; \
                evidence covering a vendor or service must name its parties.
                """, valueName: "authority")) var party: [String] = []

        func validate() throws {
            if let field = dates.emptied.min(by: { $0.rawValue < $1.rawValue }) {
                throw ValidationError("\(field.flag): give a value (an empty value empties a field in evidence edit)")
            }
        }

        func run() throws {
            let draft = try EvidenceDraft(
                kind: kind, title: title, covers: covers, dates: dates.value, clause: dates.clause?.value,
                supersedes: supersedes, parties: party)
            let info = try home.openRegistry().fileEvidence(draft, files: files, home.change("evidence add"))
            try Console.current.changed("Filed", info, json: output.json)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List evidence, withdrawn and superseded included; each option given narrows the list.")
        @OptionGroup var home: HomeOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var language: LanguageOptions
        @Option(help: "Only evidence of this kind.") var kind: EvidenceKind?
        @Option(help: "Only evidence that covers this usage, service or vendor (an id or a name).") var covers: String?
        @Option(
            parsing: .unconditional,
            help: ArgumentHelp(
                "Only counting evidence whose validity ends or review falls within this many days, \(describe(Limits.days)).",
                valueName: "days"),
            transform: wholeNumber(in: Limits.days, unit: "days"))
        var expiringWithin: Int?

        func run() throws {
            let registry = try home.openRegistry()
            var filter = EvidenceFilter()
            (filter.kind, filter.covers, filter.expiringWithin) = (kind, covers, expiringWithin)
            let list = try registry.evidenceList(matching: filter, on: registry.today)
            guard !output.json else { return try Console.current.present(list: list, json: true) }
            // People see the review date in effect; JSON keeps the date as filed (none means the default).
            let policy = try registry.policy()
            let shown = list.map { info in
                var info = info
                info.dates.reviewBy = info.reviewDay(policy: policy)
                return info
            }
            try Console.current.present(list: shown, json: false, words: language.words)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show one piece of evidence and its files.")
        @OptionGroup var home: HomeOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "An id (EVD-1) or an unambiguous title.") var evidence: String

        func run() throws {
            try Console.current.present(home.openRegistry().evidence(evidence), json: output.json)
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Correct evidence's kind, title, coverage, parties, dates or clause.",
            discussion: HelpText.prose(
                """
                --covers and --party replace their lists. An empty value empties a date or the clause, as in \
                --valid-until ''. A new --kind must fit the filed documents. Withdrawn evidence is restored \
                first (evidence restore); superseded evidence stays as it was, so correct its successor.
                """))
        @OptionGroup var home: ChangeOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "An id (EVD-1) or an unambiguous title.") var evidence: String
        @Option(help: "What the evidence really is, when it was filed as another kind.") var kind: EvidenceKind?
        @Option(help: "A new title.") var title: String?
        @Option(parsing: .upToNextOption, help: "What it covers, replacing the current list.")
        var covers: [String] = []
        @OptionGroup var dates: Dates
        @Option(
            help: ArgumentHelp(
                "The authorities it binds, replacing the current ones, or all-state (repeatable).",
                valueName: "authority")) var party: [String] = []

        func run() throws {
            var edit = EvidenceEdit()
            (edit.kind, edit.title) = (kind, title)
            edit.covers = covers.isEmpty ? nil : covers
            edit.parties = party.isEmpty ? nil : party
            (edit.dates, edit.clause, edit.cleared) = (dates.value, dates.clause?.value, dates.emptied)
            let info = try home.openRegistry().editEvidence(evidence, edit, home.change("evidence edit"))
            try Console.current.changed("Changed", info, json: output.json)
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: "Withdraw evidence: it stops counting; its documents and history are kept.",
            aliases: ["withdraw"])
        @OptionGroup var home: ChangeOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "An id (EVD-1) or an unambiguous title.") var evidence: String
        @Option(help: "Why it is withdrawn.") var reason: String?

        func run() throws {
            let info = try home.openRegistry().withdrawEvidence(
                evidence, reason: reason, home.change("evidence remove"))
            try Console.current.changed("Withdrew", info, json: output.json)
        }
    }

    struct Restore: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "restore",
            abstract: "Take a withdrawal back: the evidence counts again; the audit trail keeps both changes.")
        @OptionGroup var home: ChangeOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "An id (EVD-1) or an unambiguous title.") var evidence: String

        func run() throws {
            let info = try home.openRegistry().restoreEvidence(evidence, home.change("evidence restore"))
            try Console.current.changed("Restored", info, json: output.json)
        }
    }

    struct Get: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "get",
            abstract: "Write a filed document's stored bytes back out, checking them against their hash.")
        @OptionGroup var home: HomeOptions
        @Argument(help: "An id (EVD-1) or an unambiguous title.") var evidence: String
        @Option(
            parsing: .unconditional,
            help: ArgumentHelp(
                "Which file, by number (1 to the number of files) or name, when the evidence has several.",
                valueName: "n|name"))
        var file: String?
        @Option(
            help: ArgumentHelp(
                """
                A file to write, or a directory (an existing one, or DIR/) to write the documents into under the \
                names bundles give them (only A-Z, a-z, 0-9, '.', '_' and '-', at most 120 bytes, numbered when two \
                are alike); its directory must exist. Each file written is named on standard error \
                (default: standard output, which must not be a terminal unless the document is text).
                """,
                valueName: "file|dir"))
        var out: String?
        @Flag(help: "Overwrite files that already exist (default: refuse, and write nothing).") var force = false

        func run() throws {
            let console = Console.current
            let destination: DocumentDestination =
                out.map { .path($0) } ?? .descriptor(console.binaryOutput, name: "standard output")
            do {
                try home.openRegistry().exportDocuments(
                    of: evidence, document: file, to: destination, overwrite: force
                ) {
                    console.err("Wrote \($0)")
                }
            } catch StoreError.alreadyExists(let path) {
                throw ExistingFile(path: path)
            }
        }

        /// A file `get` would overwrite: the Kit names no flags, so the hint is given here.
        struct ExistingFile: UserFacingError {
            let path: String
            var description: String { "'\(path)' already exists; give --force to overwrite it" }
        }
    }
}
