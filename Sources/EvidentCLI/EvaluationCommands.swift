import ArgumentParser
import EvidentKit
import Foundation

/// `evident evaluation`: the supervising authority's national evaluation of a year (§4).
struct EvaluationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluation",
        abstract: "Write the national §4 evaluation of a year from the bundles this home received.",
        discussion: HelpText.prose(
            """
            Uses, per solution, the newest received bundle whose reference date falls in the window (1 January
            to --as-of). Per authority and solution: the verdict counts, every non-compliant and
            missing-evidence usage with its rule, reason and the evidence it rests on (id and SHA-256). Also:
            who was expected (--expect: a CSV with a cvr column and optionally name, solution and ministry)
            but handed in nothing, bundles older than the window, conflicts (two authorities for one
            solution, an older bundle sealed after a newer), and the change since the previous year when this
            home holds bundles for it. Verdicts are those of each bundle's own rules version; the page names
            the versions involved. Writes evaluation.html (self-contained), evaluation.json and
            evaluation.csv into --out, and with --key the evaluation sealed as a signed bundle beside them.
            """))

    @OptionGroup var home: HomeOptions
    @OptionGroup var period: YearOptions
    @Option(
        help: ArgumentHelp(
            "A CSV of the authorities expected to hand in (cvr, optionally name, solution, ministry).",
            valueName: "file"))
    var expect: String?
    @Option(
        help: ArgumentHelp(
            "The directory to write the files into (created when missing); without it, print a summary only.",
            valueName: "dir"))
    var out: String?
    @Option(help: "The page's language.") var lang: ReportLanguage = .da
    @Option(
        help: ArgumentHelp(
            "The OpenSSH Ed25519 key to seal the evaluation with (needs --out); as for bundle create, a "
                + "passphrase-protected key or its .pub signs through ssh-agent.",
            valueName: "file")) var key: String?
    @Option(help: "The Source-Organization of the sealed evaluation.") var organization = "Digitaliseringsstyrelsen"
    @Flag(help: "Print the evaluation as JSON.") var json = false

    func validate() throws {
        if key != nil && out == nil { throw ValidationError("--key seals the files --out writes; give --out too") }
    }

    func run() throws {
        let expected = try expect.map { try ExpectedList.load(path: $0) }
        let signingKey = try key.map {
            try SigningKey.load(path: $0, agentSocket: Console.current.environment["SSH_AUTH_SOCK"])
        }
        let registry = try home.openRegistry()
        let evaluation = try registry.nationalEvaluation(
            year: period.year, asOf: period.asOf, expected: expected, language: lang)
        let console = Console.current
        if let out {
            for path in try evaluation.write(to: out) { console.err(path) }
            if let signingKey {
                let path = URL(fileURLWithPath: out).appendingPathComponent("evaluation-\(period.year).tar").path
                let identifier = try evaluation.seal(
                    to: path, key: signingKey, sealTime: console.clock(), organization: organization)
                console.err("\(path) (\(identifier), signed by \(signingKey.publicKey.fingerprint))")
            }
        }
        if json {
            try console.json(evaluation)
            return
        }
        let totals = Outcome.allCases.map { "\($0.rawValue): \(evaluation.totals[$0.rawValue] ?? 0)" }
        console.out(
            "Evaluation \(period.year), \(evaluation.from) to \(evaluation.to): "
                + "\(Counted(evaluation.authorities.count, "authority", plural: "authorities")), "
                + "\(Counted(evaluation.authorities.reduce(0) { $0 + $1.solutions.count }, "solution")); "
                + totals.joined(separator: ", "))
        console.out(
            "rules versions: \(evaluation.rulesVersions.map(String.init).joined(separator: ", ")); "
                + "\(evaluation.missing.count) expected but missing, \(evaluation.stale.count) older than the window, "
                + "\(Counted(evaluation.conflicts.count, "conflict"))")
        for missing in evaluation.missing {
            console.out("missing: cvr:\(missing.cvr) \(missing.name ?? "")\(missing.solution.map { " (\($0))" } ?? "")")
        }
        for conflict in evaluation.conflicts { console.out("conflict \(conflict.kind.rawValue): \(conflict.detail)") }
        if let change = evaluation.change {
            console.out(
                "since \(change.previousYear): \(change.improved.count) improved, \(change.worsened.count) worse")
        }
    }
}
