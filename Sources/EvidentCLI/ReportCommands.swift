import ArgumentParser
import EvidentKit
import Foundation

/// `evident report …`: reports to forward.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write reports for people and scripts.",
        subcommands: [Annual.self]
    )

    struct Annual: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "annual",
            abstract: "Write the §4 annual evaluation: report.html, report.json and report.csv.",
            discussion: HelpText.prose(
                """
                One section per responsible authority; each covered solution with its §2 facts, owners and why it
                is covered; per usage the service, vendor, route, verdict, the rule it rests on and the evidence
                with its dates and parties; usages that ended in the year are judged on their last day. Totals per
                verdict count each usage once; the solutions outside the guidance show the §2 condition that fails.
                The HTML is one self-contained file that loads nothing from anywhere.
                """))

        @OptionGroup var home: HomeOptions
        @OptionGroup var period: YearOptions
        @OptionGroup var recorded: RecordedOptions
        @Option(help: "The reports' language.") var lang: ReportLanguage = .da
        @Option(
            help: ArgumentHelp("The directory to write the three files into (created when missing).", valueName: "dir"))
        var out: String

        func run() throws {
            var report = try recorded.view(of: home.openRegistry()).annualReport(year: period.year, asOf: period.asOf)
            report.reproduce = Reproduction.command(
                ["report", "annual", "--year", String(period.year)]
                    + (period.asOf.map { ["--as-of", $0.description] } ?? [])
                    + ["--lang", lang.rawValue],
                at: report.recorded)
            for path in try report.write(to: out, language: lang) { Console.current.out(path) }
            let totals = Outcome.allCases.filter { $0 != .outOfScope }
                .map { "\($0.rawValue): \(report.totals[$0.rawValue] ?? 0)" }.joined(separator: ", ")
            Console.current.err(
                "Evaluation \(period.year) as of \(report.asOf) (\(report.basis.rawValue)): \(totals); "
                    + "\(Counted(report.outOfScope.count, "solution")) out of scope")
            Console.current.err(Reproduction.line(report.recorded, command: report.reproduce))
        }
    }
}
