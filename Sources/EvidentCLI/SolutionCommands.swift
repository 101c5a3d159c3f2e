import ArgumentParser
import EvidentKit

/// `evident solution …`: the self-service solutions, portals and sites that embed services.
struct SolutionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solution",
        abstract: "Register and manage solutions: self-service solutions, national portals, information sites.",
        subcommands: [Add.self, List.self, Show.self, Edit.self, Remove.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Register a solution; its §2 scope is derived from these facts.")
        @OptionGroup var home: ChangeOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "The solution's name.") var name: String
        @Option(help: "The kind of solution (§2 S1).") var kind: SolutionKind
        @Option(help: "How people reach it.") var channel: Channel
        @Option(help: "The address of a web solution.") var url: String?
        @Option(help: "The store id of an app.") var appId: String?
        @Option(help: "Whom it serves (§2 S3).") var audience: Audience
        @Flag var obligation: Obligation
        @Option(help: "The law that makes it mandatory.") var mandatedBy: String?
        @Option(
            parsing: .upToNextOption,
            help:
                "Owning authorities as AUTH[:responsible|co-owner|operator] (§2 S4); the role defaults to responsible.")
        var owner: [String]
        @Option(
            name: .customLong("first-party"), parsing: .upToNextOption,
            help: "Domains it serves itself from besides its URL's; a scan counts them and their subdomains as its own."
        )
        var firstParty: [String] = []

        func run() throws {
            var owners: [SolutionDraft.Owner] = []
            for text in owner { owners.append(try SolutionDraft.Owner(parsing: text)) }
            var draft = try SolutionDraft(
                name: name, kind: kind, channel: channel, url: url, appId: appId, audience: audience,
                mandatory: obligation == .mandatory, mandatedBy: mandatedBy, owners: owners)
            draft.firstParty = try FirstPartyDomains.validate(firstParty)
            let info = try home.openRegistry().addSolution(draft, home.change("solution add"))
            try Console.current.changed("Added", info, json: output.json)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List solutions.")
        @OptionGroup var home: HomeOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var language: LanguageOptions

        func run() throws {
            try Console.current.present(list: home.openRegistry().solutions(), json: output.json, words: language.words)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one solution.")
        @OptionGroup var home: HomeOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "An id (SOL-1) or an unambiguous name.") var solution: String

        func run() throws {
            try Console.current.present(home.openRegistry().solution(solution), json: output.json)
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Change a solution; --owner replaces all owners.")
        @OptionGroup var home: ChangeOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "An id (SOL-1) or an unambiguous name.") var solution: String
        @Option(help: "A new name.") var name: String?
        @Option(help: "A new kind.") var kind: SolutionKind?
        @Option(help: "A new channel.") var channel: Channel?
        @Option(help: "A new address.") var url: String?
        @Option(help: "A new app id.") var appId: String?
        @Option(help: "A new audience.") var audience: Audience?
        @Flag var obligation: Obligation?
        @Option(help: "The law that makes it mandatory.") var mandatedBy: String?
        @Option(parsing: .upToNextOption, help: "The owners, replacing the current ones.") var owner: [String] = []
        @Option(
            name: .customLong("first-party"), parsing: .upToNextOption,
            help: "First-party domains for scans, replacing the current ones.")
        var firstParty: [String] = []
        @Flag(help: "Remove its first-party domains.") var clearFirstParty = false

        func run() throws {
            var edit = SolutionEdit()
            (edit.name, edit.kind, edit.channel, edit.url, edit.appId) = (name, kind, channel, url, appId)
            (edit.audience, edit.mandatedBy) = (audience, mandatedBy)
            edit.mandatory = obligation.map { $0 == .mandatory }
            if !owner.isEmpty {
                var owners: [SolutionDraft.Owner] = []
                for text in owner { owners.append(try SolutionDraft.Owner(parsing: text)) }
                edit.owners = owners
            }
            if clearFirstParty && !firstParty.isEmpty {
                throw ValidationError("give --first-party or --clear-first-party, not both")
            }
            if clearFirstParty { edit.firstParty = [] }
            if !firstParty.isEmpty { edit.firstParty = try FirstPartyDomains.validate(firstParty) }
            let info = try home.openRegistry().editSolution(solution, edit, home.change("solution edit"))
            try Console.current.changed("Changed", info, json: output.json)
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: "Remove a solution; refused while usages refer to it.")
        @OptionGroup var home: ChangeOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "An id (SOL-1) or an unambiguous name.") var solution: String

        func run() throws {
            let id = try home.openRegistry().removeSolution(solution, home.change("solution remove"))
            try Console.current.removed(id, json: output.json)
        }
    }
}
