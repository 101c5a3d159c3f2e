import ArgumentParser
import EvidentKit

/// The root command: `evident`.
public struct EvidentCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "evident",
        abstract: "Keep the evidence that third-party services on Danish state self-service solutions are allowed.",
        discussion: HelpText.prose(
            """
            evident registers authorities, solutions, vendors, services and the usages that tie them together,
            and files the agreements, screenshots and config exports that prove each usage is allowed under
            §3.1 of Erhvervsstyrelsen's 2022 guidance on third-party cookies (R1 opt-out, R2 agreement,
            R3 technically necessary).

            The registry lives in a home directory: --home DIR, else $EVIDENT_HOME, else ./.evident.
            Start with 'evident init'.

            --home, --json and --actor (who makes a change, on the commands that change something) may come
            before the command name or after it: 'evident --home DIR status' is 'evident status --home DIR'.
            """),
        version: "0.1.0",
        subcommands: [
            InitCommand.self, AuthorityCommand.self, SolutionCommand.self, VendorCommand.self,
            ServiceCommand.self, UsageCommand.self, EvidenceCommand.self, StatusCommand.self, DueCommand.self,
            ReportCommand.self, KeyCommand.self, BundleCommand.self, LogCommand.self, CheckCommand.self,
            SettingsCommand.self, SchemaCommand.self, ImportCommand.self, ExportCommand.self, ScanCommand.self,
            CatalogCommand.self, IntakeCommand.self, EvaluationCommand.self,
        ]
    )

    public init() {}
}

/// `evident init`: creates a registry home.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a registry home (directory 0700, database 0600)."
    )

    @OptionGroup var home: HomeOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let registry = try EvidentKit.Registry.create(at: home.resolvedHome, clock: Console.current.clock)
        if output.json {
            try Console.current.json(["home": registry.home.path])
        } else {
            Console.current.out("Created a registry at \(registry.home.path)")
        }
    }
}

/// `evident schema`: the SQL schema a registry has after its migrations.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the registry's SQL schema as the migrations create it (also in schema/registry.sql)."
    )

    func run() throws {
        Console.current.out(text: try EvidentKit.Registry.schemaSQL())
    }
}
