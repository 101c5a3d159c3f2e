import ArgumentParser
import EvidentKit

/// `evident authority …`: the bodies that own solutions.
struct AuthorityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "authority",
        abstract: "Register and manage authorities (ministries, agencies, regions, municipalities).",
        subcommands: [Add.self, List.self, Show.self, Edit.self, Remove.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Register an authority.")
        @OptionGroup var home: ChangeOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "The authority's name.") var name: String
        @Option(help: "Its CVR number (8 digits, mod-11 checked).") var cvr: String
        @Option(help: "The kind of authority (§2 S4).") var kind: AuthorityKind

        func run() throws {
            let draft = try AuthorityDraft(name: name, cvr: cvr, kind: kind)
            let info = try home.openRegistry().addAuthority(draft, home.change("authority add"))
            try Console.current.changed("Added", info, json: output.json)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List authorities.")
        @OptionGroup var home: HomeOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var language: LanguageOptions

        func run() throws {
            try Console.current.present(
                list: home.openRegistry().authorities(), json: output.json, words: language.words)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one authority.")
        @OptionGroup var home: HomeOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "An id (AUT-1) or an unambiguous name.") var authority: String

        func run() throws {
            try Console.current.present(home.openRegistry().authority(authority), json: output.json)
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit", abstract: "Change an authority's name, CVR or kind.")
        @OptionGroup var home: ChangeOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "An id (AUT-1) or an unambiguous name.") var authority: String
        @Option(help: "A new name.") var name: String?
        @Option(help: "A new CVR number.") var cvr: String?
        @Option(help: "A new kind.") var kind: AuthorityKind?

        func run() throws {
            let info = try home.openRegistry().editAuthority(
                authority, AuthorityEdit(name: name, cvr: cvr, kind: kind), home.change("authority edit"))
            try Console.current.changed("Changed", info, json: output.json)
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: "Remove an authority; refused while it owns a solution.")
        @OptionGroup var home: ChangeOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "An id (AUT-1) or an unambiguous name.") var authority: String

        func run() throws {
            let id = try home.openRegistry().removeAuthority(authority, home.change("authority remove"))
            try Console.current.removed(id, json: output.json)
        }
    }
}
