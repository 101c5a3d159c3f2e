import ArgumentParser
import EvidentKit

/// `evident usage …`: a solution embedding a service, and the §3.1 route it claims.
struct UsageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "usage",
        abstract: "Register and manage usages: which solution embeds which service, since when, under which route.",
        subcommands: [Add.self, List.self, Show.self, Edit.self, Remove.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Register that a solution uses a service.")
        @OptionGroup var home: ChangeOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "The solution: an id (SOL-1) or an unambiguous name.") var solution: String
        @Option(help: "The service: an id (SVC-1) or an unambiguous name.") var service: String
        @Option(help: ArgumentHelp("First day of use (YYYY-MM-DD).", valueName: "yyyy-mm-dd"), transform: parseDay)
        var since: Day
        @Option(help: ArgumentHelp("Last day of use, if it has ended.", valueName: "yyyy-mm-dd"), transform: parseDay)
        var until: Day?
        @Option(help: "What the service is used for.") var purpose: String?
        @Option(help: "The §3.1 route claimed.")
        var route: Route
        @Option(help: "Can the vendor use the data for its own purposes (§3.1 R3)?")
        var vendorOwnPurposes: OwnPurposes

        func run() throws {
            let draft = try UsageDraft(
                solution: solution, service: service, since: since, until: until, purpose: purpose, route: route,
                vendorOwnPurposes: vendorOwnPurposes)
            let info = try home.openRegistry().addUsage(draft, home.change("usage add"))
            try Console.current.changed("Added", info, json: output.json)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List usages, ended ones included; each option given narrows the list.")
        @OptionGroup var home: HomeOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var language: LanguageOptions
        @Option(help: "Only this solution's usages: an id (SOL-1) or a name.") var solution: String?
        @Option(help: "Only usages of this service: an id (SVC-1) or a name.") var service: String?
        @Option(help: "Only usages of this vendor's services: an id (VEN-1) or a name.") var vendor: String?
        @Option(help: "Only usages that claim this route.") var route: Route?
        @Option(help: "Only usages active today with this verdict (as evident status gives it).") var verdict: Outcome?

        func run() throws {
            let registry = try home.openRegistry()
            var filter = UsageFilter()
            (filter.solution, filter.service, filter.vendor) = (solution, service, vendor)
            (filter.route, filter.verdict) = (route, verdict)
            try Console.current.present(
                list: registry.usages(matching: filter, on: registry.today), json: output.json, words: language.words)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one usage.")
        @OptionGroup var home: HomeOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "A usage id (USE-1).") var usage: String

        func run() throws {
            try Console.current.present(home.openRegistry().usage(usage), json: output.json)
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit", abstract: "Change a usage's period, purpose or route.")
        @OptionGroup var home: ChangeOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "A usage id (USE-1).") var usage: String
        @Option(help: ArgumentHelp("A new first day.", valueName: "yyyy-mm-dd"), transform: parseDay) var since: Day?
        @Option(help: ArgumentHelp("A new last day.", valueName: "yyyy-mm-dd"), transform: parseDay) var until: Day?
        @Flag(help: "Make the usage open-ended again.") var noUntil = false
        @Option(help: "A new purpose.") var purpose: String?
        @Option(help: "A new route.") var route: Route?
        @Option(help: "A new answer to whether the vendor can use the data for its own purposes.")
        var vendorOwnPurposes: OwnPurposes?

        func validate() throws {
            if noUntil && until != nil { throw ValidationError("give --until or --no-until, not both") }
        }

        func run() throws {
            var edit = UsageEdit()
            (edit.since, edit.until, edit.clearUntil, edit.purpose) = (since, until, noUntil, purpose)
            (edit.route, edit.vendorOwnPurposes) = (route, vendorOwnPurposes)
            let info = try home.openRegistry().editUsage(usage, edit, home.change("usage edit"))
            try Console.current.changed("Changed", info, json: output.json)
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: "Remove a usage; refused while evidence covers it (end it with 'usage edit --until').")
        @OptionGroup var home: ChangeOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "A usage id (USE-1).") var usage: String

        func run() throws {
            let id = try home.openRegistry().removeUsage(usage, home.change("usage remove"))
            try Console.current.removed(id, json: output.json)
        }
    }
}
