import ArgumentParser
import EvidentKit
import Foundation

/// `evident status`: the verdict on every usage active on a date.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the verdict on every usage active on a date (§2 scope, §3.1 routes).",
        discussion: HelpText.prose(
            """
            One line per usage: compliant, expiring (compliant, but the proof lapses within the warning window),
            missing-evidence, non-compliant or out-of-scope, with the rule it rests on and the evidence it used.
            With --fail-on, exits 2 when any verdict is that bad or worse.
            """))

    @OptionGroup var home: HomeOptions
    @Option(
        help: ArgumentHelp(
            "The reference date (default: today, or the day of --as-recorded).", valueName: "yyyy-mm-dd"),
        transform: parseDay)
    var asOf: Day?
    @OptionGroup var recorded: RecordedOptions
    @Option(help: "Only this solution (id or name).") var solution: String?
    @Option(help: "Only the solutions this authority owns (id or name).") var authority: String?
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Days before a lapse to report a usage as expiring, \(describe(Limits.days)) (default: the home's"
                + " warning-days, 60).",
            valueName: "days"),
        transform: wholeNumber(in: Limits.days, unit: "days"))
    var window: Int?
    @Flag(help: "Print JSON (schema/status.schema.json).") var json = false
    @Flag(help: "Print CSV.") var csv = false
    @Option(help: "Exit 2 when any verdict is this bad or worse:")
    var failOn: FailOn?
    @OptionGroup var language: LanguageOptions

    enum FailOn: String, ExpressibleByArgument, CaseIterable {
        case expiring
        case missingEvidence = "missing-evidence"
        case nonCompliant = "non-compliant"

        var outcome: Outcome { Outcome(rawValue: rawValue)! }

        static var allValueDescriptions: [String: String] {
            [
                "expiring": "expiring, missing-evidence or non-compliant.",
                "missing-evidence": "missing-evidence or non-compliant.",
                "non-compliant": "non-compliant only.",
            ]
        }
    }

    func validate() throws {
        if solution != nil && authority != nil { throw ValidationError("give --solution or --authority, not both") }
        if json && csv { throw ValidationError("give --json or --csv, not both") }
    }

    func run() throws {
        let registry = try recorded.view(of: home.openRegistry())
        let policy = try registry.policy(window: window)
        let filter: Selection = solution.map { .solution($0) } ?? authority.map { .authority($0) } ?? .all
        let evaluation = try registry.evaluate(asOf: asOf ?? registry.today, filter: filter, policy: policy)
        let moment = try registry.recordedMoment()
        let arguments =
            ["status", "--as-of", evaluation.asOf.description]
            + (solution.map { ["--solution", $0] } ?? authority.map { ["--authority", $0] } ?? [])
            + (window.map { ["--window", String($0)] } ?? []) + (json ? ["--json"] : csv ? ["--csv"] : [])
        let reproduce = Reproduction.command(arguments, at: moment)
        let console = Console.current
        if json {
            StatusReport(evaluation, recorded: moment, reproduce: reproduce).writeJSON(to: console.out(bytes:))
        } else if csv {
            console.out(text: StatusReport(evaluation).csv())
            // The rows have no place for it.
            console.err(Reproduction.line(moment, command: reproduce))
        } else {
            let words = language.words
            let days = words.pick(
                policy.warningDays == 1 ? "1 dag" : "\(policy.warningDays) dage",
                "\(Counted(policy.warningDays, "day"))")
            console.out(
                words.pick(
                    "Vurderinger pr. \(evaluation.asOf) (varslingsperiode \(days))",
                    "Verdicts as of \(evaluation.asOf) (warning window \(days))"))
            console.out(Reproduction.line(moment, command: reproduce, words: words))
            if evaluation.verdicts.isEmpty {
                console.out(words.pick("(ingen brug er aktiv den dag)", "(no usage is active on that day)"))
            } else {
                console.table(
                    ["USAGE", "SOLUTION", "SERVICE", "ROUTE", "VERDICT", "RULE", "EVIDENCE", "WHY"],
                    evaluation.verdicts.map { verdict in
                        [
                            verdict.usage.description, verdict.solutionName, verdict.serviceName,
                            words == .en ? verdict.route.rawValue : words.route(verdict.route),
                            words == .en ? verdict.outcome.rawValue : words.outcome(verdict.outcome), verdict.rule,
                            verdict.evidence.map(\.description).joined(separator: ","), verdict.reason(in: words),
                        ]
                    }, names: [1, 2], lists: [6], words: words)
            }
            let totals = evaluation.totals
            console.wrapped(
                Outcome.allCases.map {
                    "\(words == .en ? $0.rawValue : words.outcome($0)): \(totals[$0.rawValue] ?? 0)"
                }.joined(separator: ", "))
        }
        let failing = failOn.map { failOn in
            evaluation.verdicts.filter { $0.outcome.severity >= failOn.outcome.severity }.count
        }
        // Nothing reads the verdicts again: the command ends without waiting for them to be freed.
        releaseInBackground(consume evaluation)
        if let failOn, let failing, failing > 0 {
            let verb = failing == 1 ? "is" : "are"
            let worse = failOn == .nonCompliant ? "" : " or worse"
            console.err(
                "\(Counted(failing, "usage")) \(verb) \(failOn.rawValue)\(worse); exiting 2 (--fail-on \(failOn.rawValue))"
            )
            throw ExitCode(2)
        }
    }
}

/// `evident due`: what lapses soon, and by when it must be renewed.
struct DueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "due",
        abstract: """
            List the review dates, ends of validity and notice deadlines coming up, after those already passed \
            (overdue until the evidence is superseded or withdrawn).
            """)

    @OptionGroup var home: HomeOptions
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("How many days ahead to look, \(describe(Limits.days)) (default: 60).", valueName: "days"),
        transform: wholeNumber(in: Limits.days, unit: "days"))
    var within = 60
    @Option(
        help: ArgumentHelp(
            "Count from this date (default: today, or the day of --as-recorded).", valueName: "yyyy-mm-dd"),
        transform: parseDay)
    var from: Day?
    @OptionGroup var recorded: RecordedOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var language: LanguageOptions

    func run() throws {
        let registry = try recorded.view(of: home.openRegistry())
        let from = self.from ?? registry.today
        let items = try registry.due(from: from, within: within)
        let moment = try registry.recordedMoment()
        let reproduce = Reproduction.command(
            ["due", "--within", String(within), "--from", from.description] + (output.json ? ["--json"] : []),
            at: moment)
        let console = Console.current
        if output.json {
            try console.json(items)
            // The list has no place for it.
            console.err(Reproduction.line(moment, command: reproduce))
            return
        }
        let words = language.words
        console.out(Reproduction.line(moment, command: reproduce, words: words))
        if items.isEmpty {
            console.out(
                words.pick(
                    "Intet forfalder inden for \(within) dage, og intet er overskredet.",
                    "Nothing is due within \(Counted(within, "day")), and nothing is overdue."))
        } else {
            console.table(
                ["DATE", "IN", "WHAT", "EVIDENCE", "KIND", "COVERS", "TITLE"],
                items.map { item in
                    [
                        item.day.description,
                        item.overdue
                            ? words.pick("OVERSKREDET", "OVERDUE") + " \(-item.daysLeft) d" : "\(item.daysLeft) d",
                        item.deadline.label(words), item.evidence.description,
                        words == .en ? item.kind.rawValue : words.evidenceKind(item.kind),
                        item.covers.map(\.description).joined(separator: ","), item.title,
                    ]
                }, lists: [4, 5], words: words)
        }
    }
}

extension Rules.Deadline.Kind {
    /// What passes on the deadline's day, in `words`.
    func label(_ words: ReportLanguage) -> String {
        switch self {
        case .review: words.pick("revision", "review")
        case .validUntil: words.pick("udløber", "expires")
        case .notice: words.pick("sidste frist for opsigelse", "last day to give notice")
        }
    }
}

/// `evident settings`: the home's rule settings.
struct SettingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings",
        abstract: "Show the home's settings, or change one with KEY VALUE.",
        discussion: Setting.allCases.map {
            "\($0.rawValue) (\(describe($0.range)), default \($0.defaultValue)): \($0.summary)."
        }
        .joined(separator: "\n"))

    @OptionGroup var home: ChangeOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "A setting to change.") var key: String?
    // Unrecognised input, so that a negative value such as -5 reaches the range check instead of reading as a flag.
    @Argument(
        parsing: .allUnrecognized,
        help: ArgumentHelp("Its new value, a whole number in the setting's range (listed above).", valueName: "value"))
    var values: [String] = []

    func validate() throws {
        if let key, Setting(rawValue: key) == nil {
            throw ValidationError(
                "unknown setting '\(key)' (known: \(Setting.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        if key != nil && values.isEmpty { throw ValidationError("give the new value of \(key!)") }
        if values.count > 1 { throw ValidationError("give one value, not \(values.count)") }
    }

    func run() throws {
        let registry = try home.openRegistry()
        if let key, let setting = Setting(rawValue: key), let text = values.first {
            let value: Int
            do {
                value = try wholeNumber(in: setting.range, unit: setting.unit)(text)
            } catch {
                throw ValidationError("\(key) '\(text)': \(error)")
            }
            try registry.set(setting, to: value, home.change("settings"))
        }
        let values = try registry.settings()
        if output.json {
            try Console.current.json(Dictionary(uniqueKeysWithValues: values.map { ($0.key.rawValue, $0.value) }))
        } else {
            Console.current.lines(Printing.fields(Setting.allCases.map { ($0.rawValue, values[$0].map(String.init)) }))
        }
    }
}
