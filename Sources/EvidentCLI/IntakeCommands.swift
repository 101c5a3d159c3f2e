import ArgumentParser
import EvidentKit
import Foundation

/// `evident intake …`: the supervising authority receives every authority's bundle.
struct IntakeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intake",
        abstract: "Receive authorities' signed bundles into this home, verified and tied to their authority.",
        subcommands: [Add.self, List.self, Show.self, Get.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Verify bundles fully and record those that are trusted, valid and signed for their authority.",
            discussion: HelpText.prose(
                """
                Each bundle is verified as 'bundle verify' does (every file, both manifests, the signature, the
                verdicts re-derived under the bundle's own rules version) and must be signed by a key that
                --allowed-signers trusts. The signer must also speak for the authorities responsible for the
                bundle's solutions: the principals of the allowed_signers line name each authority as cvr: and
                its CVR number, as in the line 'ops@skat.dk,cvr:13748136 ssh-ed25519 AAAA...'.

                A bundle whose signer does not speak for them is refused with signer-not-authority. Refused
                bundles are listed with their problem codes and nothing of them is stored; the others are
                recorded in one change (each bundle's files as documents in the store, solutions and verdicts in
                the database, one audit event; 'intake get' gives a bundle back). A bundle the home already holds
                (the same tag manifest) changes nothing. Exits 0 when every bundle was recorded or already held, 1
                when any was refused.
                """))

        @OptionGroup var home: ChangeOptions
        @Argument(help: "The bundles (.tar).") var bundles: [String]
        @Option(
            help: ArgumentHelp(
                "An ssh-keygen allowed_signers file; principals name authorities as cvr:NNNNNNNN.",
                valueName: "file"))
        var allowedSigners: String
        @Flag(help: "Print JSON.") var json = false

        func validate() throws {
            if bundles.isEmpty { throw ValidationError("give at least one bundle") }
        }

        func run() throws {
            let signers = try AllowedSigners.load(path: allowedSigners, namespace: SSHSignature.bundleNamespace)
            let registry = try home.openRegistry()
            let report = try registry.receiveBundles(bundles, allowedSigners: signers, home.change("intake add"))
            let console = Console.current
            if json {
                try console.json(report)
            } else {
                for bundle in report.accepted {
                    console.out("received \(bundle.id): \(summary(bundle))")
                }
                for bundle in report.alreadyReceived {
                    console.out("already received \(bundle.id): \(bundle.identifier); nothing changed")
                }
                for rejection in report.rejected {
                    console.out("refused \(rejection.path): \(rejection.identifier ?? "not a readable bundle")")
                    for problem in rejection.problems {
                        console.out(tabSeparated: ["", problem.code, problem.path ?? "-", problem.detail])
                    }
                }
            }
            if !report.rejected.isEmpty { throw ExitCode(1) }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the bundles this home received.")

        @OptionGroup var home: HomeOptions
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let bundles = try home.openRegistry().receivedBundles()
            if json {
                try Console.current.json(bundles)
                return
            }
            Console.current.table(
                ["ID", "BUNDLE", "AS OF", "RULES", "AUTHORITIES", "SOLUTIONS"],
                bundles.map {
                    [
                        $0.id.description, $0.identifier, $0.asOf.description, String($0.rulesVersion),
                        $0.authorities.map { "\($0.name) (cvr:\($0.cvr))" }.joined(separator: ", "),
                        String($0.solutions.count),
                    ]
                }, names: [4])
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show one received bundle: signer, dates, rules version, solutions and their verdicts.")

        @OptionGroup var home: HomeOptions
        @Argument(help: "The bundle: its RCV- id, its identifier or a prefix of its tag manifest's SHA-256.") var id:
            String
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let bundle = try home.openRegistry().receivedBundle(id)
            let console = Console.current
            if json {
                try console.json(bundle)
                return
            }
            console.lines(
                Printing.fields([
                    ("id", bundle.id.description), ("bundle", bundle.identifier),
                    ("tag manifest", bundle.tagManifestSha256),
                    ("size", Counted(bundle.size, "byte").description),
                    ("authorities", bundle.authorities.map { "\($0.name) (cvr:\($0.cvr))" }.joined(separator: ", ")),
                    ("signer", "\(bundle.signer) (\(bundle.principals.joined(separator: "; ")))"),
                    ("sealed", bundle.sealedAt), ("as of", bundle.asOf.description),
                    ("rules version", String(bundle.rulesVersion)),
                    ("received", "\(bundle.receivedAt) by \(bundle.receivedBy)"),
                ]))
            console.table(
                ["SOLUTION", "NAME", "AUTHORITY", "COVERED"] + Outcome.allCases.map { $0.rawValue.uppercased() },
                bundle.solutions.map { solution in
                    [solution.id, solution.name, "cvr:\(solution.cvr)", solution.covered ? "yes" : "no"]
                        + Outcome.allCases.map { String(solution.totals[$0.rawValue] ?? 0) }
                }, names: [1])
        }
    }

    struct Get: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "get",
            abstract: "Write a received bundle back to a file, byte for byte as it was handed in.",
            discussion: HelpText.prose(
                """
                Intake keeps a bundle as its payload files (each a document in the store) and the rest of its
                tar; this puts them back together, checking every document's SHA-256 on the way, so that the
                file written verifies with 'bundle verify' exactly as the one received did.
                """))

        @OptionGroup var home: HomeOptions
        @Argument(help: "The bundle: its RCV- id, its identifier or a prefix of its tag manifest's SHA-256.")
        var id: String
        @Option(help: ArgumentHelp("The file to write.", valueName: "file")) var out: String
        @Flag(help: "Replace the file --out names when it exists (default: refuse, and write nothing).") var force =
            false

        func run() throws {
            let bundle = try home.openRegistry().exportReceivedBundle(id, to: out, replace: force)
            Console.current.err("Wrote \(out) (\(bundle.id), \(Counted(bundle.size, "byte")))")
        }
    }

}

/// One received bundle on one line.
private func summary(_ bundle: ReceivedBundleInfo) -> String {
    "\(bundle.identifier) as of \(bundle.asOf), rules \(bundle.rulesVersion), "
        + bundle.authorities.map { "\($0.name) (cvr:\($0.cvr))" }.joined(separator: ", ") + ", "
        + Counted(bundle.solutions.count, "solution").description
}
