import ArgumentParser
import EvidentKit

/// `evident catalog`: the common third-party services evident knows.
struct CatalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "The catalogue of common third-party services: list it, register vendors and services from it.",
        subcommands: [List.self, Add.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the catalogue: service, vendor, country, category, host patterns, typical cookies.")
        @OptionGroup var output: OutputOptions

        func run() throws {
            let console = Console.current
            if output.json {
                try console.json(Catalogue.services)
                return
            }
            console.table(
                ["SERVICE", "VENDOR", "COUNTRY", "CATEGORY", "HOSTS", "COOKIES"],
                Catalogue.services.map {
                    [
                        $0.name, $0.vendor.name, $0.vendor.country, $0.category.rawValue,
                        $0.hosts.joined(separator: " "), $0.cookies.joined(separator: " "),
                    ]
                }, names: [0, 1], lists: [4])
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Register catalogue services (and their vendors, unless registered by name already).",
            discussion: "All or nothing, in one audit event; a service its vendor already has by name is left as it is."
        )
        @OptionGroup var home: ChangeOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "Catalogue service names, as `catalog list` shows them (any case).") var names: [String]

        func run() throws {
            let result = try home.openRegistry().addFromCatalogue(names, home.change("catalog add"))
            let console = Console.current
            if output.json {
                try console.json(result)
                return
            }
            for vendor in result.addedVendors { console.out("Added vendor \(vendor.id) \(vendor.name)") }
            for service in result.addedServices { console.out("Added service \(service.id) \(service.name)") }
            for service in result.existingServices { console.out("Already registered: \(service.id) \(service.name)") }
        }
    }
}
