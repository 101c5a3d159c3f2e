import ArgumentParser
import EvidentKit

/// `evident service …`: what vendors provide and solutions embed.
struct ServiceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "service",
        abstract: "Register and manage services: statistics, fonts, video and other third-party content.",
        subcommands: [Add.self, List.self, Show.self, Edit.self, Remove.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Register a service of a vendor.")
        @OptionGroup var home: ChangeOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "The vendor: an id (VEN-1) or an unambiguous name.") var vendor: String
        @Option(help: "The service's name.") var name: String
        @Option(help: "What kind of service it is.")
        var category: ServiceCategory
        @Option(parsing: .upToNextOption, help: "Hosts it loads from, such as *.google-analytics.com.")
        var host: [String]
        @Option(parsing: .upToNextOption, help: "Cookie names it sets.") var cookie: [String] = []

        func run() throws {
            let draft = try ServiceDraft(vendor: vendor, name: name, category: category, hosts: host, cookies: cookie)
            let info = try home.openRegistry().addService(draft, home.change("service add"))
            try Console.current.changed("Added", info, json: output.json)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List services.")
        @OptionGroup var home: HomeOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var language: LanguageOptions

        func run() throws {
            try Console.current.present(list: home.openRegistry().services(), json: output.json, words: language.words)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one service.")
        @OptionGroup var home: HomeOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "An id (SVC-1) or an unambiguous name.") var service: String

        func run() throws {
            try Console.current.present(home.openRegistry().service(service), json: output.json)
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Change a service; --host and --cookie replace the current lists.")
        @OptionGroup var home: ChangeOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "An id (SVC-1) or an unambiguous name.") var service: String
        @Option(help: "A new vendor.") var vendor: String?
        @Option(help: "A new name.") var name: String?
        @Option(help: "A new category.") var category: ServiceCategory?
        @Option(parsing: .upToNextOption, help: "The host patterns, replacing the current ones.")
        var host: [String] = []
        @Option(parsing: .upToNextOption, help: "The cookie names, replacing the current ones.")
        var cookie: [String] = []

        func run() throws {
            var edit = ServiceEdit()
            (edit.vendor, edit.name, edit.category) = (vendor, name, category)
            edit.hosts = host.isEmpty ? nil : host
            edit.cookies = cookie.isEmpty ? nil : cookie
            let info = try home.openRegistry().editService(service, edit, home.change("service edit"))
            try Console.current.changed("Changed", info, json: output.json)
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: "Remove a service; refused while usages or evidence refer to it.")
        @OptionGroup var home: ChangeOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "An id (SVC-1) or an unambiguous name.") var service: String

        func run() throws {
            let id = try home.openRegistry().removeService(service, home.change("service remove"))
            try Console.current.removed(id, json: output.json)
        }
    }
}
