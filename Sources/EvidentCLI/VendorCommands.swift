import ArgumentParser
import EvidentKit

/// `evident vendor …`: the third parties.
struct VendorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vendor",
        abstract: "Register and manage vendors: the third parties whose services solutions embed.",
        subcommands: [Add.self, List.self, Show.self, Edit.self, Remove.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Register a vendor.")
        @OptionGroup var home: ChangeOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "The vendor's name.") var name: String
        @Option(help: "ISO 3166 country code, such as DK, IE or US.") var country: String
        @Option(help: "Its Danish CVR number.") var cvr: String?
        @Option(help: "Its EU VAT number, such as IE6388047V.") var vat: String?
        @Option(help: "Its website (https://…).") var website: String?

        func run() throws {
            let draft = try VendorDraft(name: name, country: country, cvr: cvr, vat: vat, website: website)
            let info = try home.openRegistry().addVendor(draft, home.change("vendor add"))
            try Console.current.changed("Added", info, json: output.json)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List vendors.")
        @OptionGroup var home: HomeOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var language: LanguageOptions

        func run() throws {
            try Console.current.present(list: home.openRegistry().vendors(), json: output.json, words: language.words)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one vendor.")
        @OptionGroup var home: HomeOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "An id (VEN-1) or an unambiguous name.") var vendor: String

        func run() throws {
            try Console.current.present(home.openRegistry().vendor(vendor), json: output.json)
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Change a vendor; an empty --cvr, --vat or --website clears it.")
        @OptionGroup var home: ChangeOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "An id (VEN-1) or an unambiguous name.") var vendor: String
        @Option(help: "A new name.") var name: String?
        @Option(help: "A new country code.") var country: String?
        @Option(help: "A new CVR number.") var cvr: String?
        @Option(help: "A new EU VAT number.") var vat: String?
        @Option(help: "A new website.") var website: String?

        func run() throws {
            let edit = VendorEdit(name: name, country: country, cvr: cvr, vat: vat, website: website)
            let info = try home.openRegistry().editVendor(vendor, edit, home.change("vendor edit"))
            try Console.current.changed("Changed", info, json: output.json)
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: "Remove a vendor; refused while it has services or evidence.")
        @OptionGroup var home: ChangeOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "An id (VEN-1) or an unambiguous name.") var vendor: String

        func run() throws {
            let id = try home.openRegistry().removeVendor(vendor, home.change("vendor remove"))
            try Console.current.removed(id, json: output.json)
        }
    }
}
