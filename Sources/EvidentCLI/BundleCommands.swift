import ArgumentParser
import EvidentKit
import Foundation

/// `evident bundle …`: signed BagIt archives for auditors.
struct BundleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bundle",
        abstract: "Create, verify and extract signed evidence bundles (BagIt 1.0 in a pax tar, SSH-signed).",
        subcommands: [Create.self, Verify.self, Extract.self, Profile.self]
    )

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create",
            abstract: "Pack the records, verdicts and documents of a solution, an authority or everything.",
            discussion: HelpText.prose(
                """
                The bundle is reproducible: the same registry state, reference date, seal time and key give
                byte-identical bytes. Without --seal-time, SOURCE_DATE_EPOCH sets it, else the current time.
                """))

        @OptionGroup var home: HomeOptions
        @Option(help: "Bundle this solution (id or name).") var solution: String?
        @Option(help: "Bundle the solutions this authority owns (id or name).") var authority: String?
        @Flag(help: "Bundle every solution.") var all = false
        @Option(
            help: ArgumentHelp(
                "The reference date of the verdicts (default: today, or the day of --as-recorded).",
                valueName: "yyyy-mm-dd"),
            transform: parseDay)
        var asOf: Day?
        @OptionGroup var recorded: RecordedOptions
        @Option(
            help: ArgumentHelp(
                """
                The Ed25519 key to sign with: an OpenSSH private key file (see 'evident key new'); or, signing \
                through the ssh-agent at SSH_AUTH_SOCK, a key file protected by a passphrase, or its .pub.
                """, valueName: "file"))
        var key: String
        @Option(help: ArgumentHelp("The tar file to write.", valueName: "file")) var out: String
        @Option(help: ArgumentHelp("The seal time, such as 2026-06-30T12:00:00Z.", valueName: "time"))
        var sealTime: String?
        @Option(help: "The Source-Organization in bag-info.txt (default: the responsible authority).")
        var organization: String?
        @Flag(help: "Print JSON.") var json = false
        @Flag(help: "Replace the file --out names when it exists (default: refuse, and write nothing).") var force =
            false

        func validate() throws {
            guard [solution != nil, authority != nil, all].filter({ $0 }).count == 1 else {
                throw ValidationError("give exactly one of --solution, --authority or --all")
            }
            // As 'key new' and 'evidence get' do: a bundle handed to an auditor is not replaced by accident.
            if !force && FileManager.default.fileExists(atPath: out) {
                throw ValidationError("--out '\(out)' already exists; give --force to replace it")
            }
        }

        func run() throws {
            let selection: Selection = solution.map { .solution($0) } ?? authority.map { .authority($0) } ?? .all
            let seal = try sealDate()
            // Before the key is read: a date the rules refuse is a bad argument.
            if let asOf { try Rules.checkReferenceDay(asOf, field: .asOf) }
            let signingKey = try SigningKey.load(path: key, agentSocket: Console.current.environment["SSH_AUTH_SOCK"])
            let registry = try recorded.view(of: home.openRegistry())
            let console = Console.current
            var summary = try registry.createBundle(
                selection: selection, asOf: asOf ?? registry.today, sealTime: seal, key: signingKey,
                organization: organization, to: out, progress: { console.err("  adding \($0)") })
            let arguments =
                ["bundle", "create"]
                + (solution.map { ["--solution", $0] } ?? authority.map { ["--authority", $0] } ?? ["--all"])
                + ["--as-of", summary.asOf.description, "--key", key, "--out", out, "--seal-time", summary.sealTime]
                + (organization.map { ["--organization", $0] } ?? []) + (json ? ["--json"] : [])
            summary.reproduce = Reproduction.command(arguments, at: summary.recorded)
            if json {
                try console.json(summary)
            } else {
                console.out(
                    "Wrote \(summary.path): \(summary.identifier), \(Counted(summary.payloadFiles, "document"))"
                        + " (\(Counted(summary.payloadBytes, "byte"))), \(Counted(summary.verdicts, "verdict")) as of \(summary.asOf),"
                        + " sealed \(summary.sealTime), signed by \(summary.signer)")
                console.out(Reproduction.line(summary.recorded, command: summary.reproduce))
            }
        }

        private func sealDate() throws -> Date {
            if let sealTime {
                guard let date = try? Date(sealTime, strategy: .iso8601) else {
                    throw ValidationError("--seal-time '\(sealTime)': expected a UTC time such as 2026-06-30T12:00:00Z")
                }
                return date
            }
            if let epoch = Console.current.environment["SOURCE_DATE_EPOCH"] {
                guard let seconds = Int(epoch), seconds >= 0 else {
                    throw ValidationError("SOURCE_DATE_EPOCH '\(epoch)': expected seconds since 1970")
                }
                return Date(timeIntervalSince1970: TimeInterval(seconds))
            }
            return Console.current.clock()
        }
    }

    /// `--allowed-signers FILE`, shared by verify and extract.
    struct Trust: ParsableArguments {
        @Option(
            help: ArgumentHelp(
                """
                An ssh-keygen allowed_signers file naming the keys trusted to sign bundles, read as ssh-keygen \
                reads it; valid-after and valid-before are compared with the bundle's seal time.
                """, valueName: "file"))
        var allowedSigners: String?

        func load() throws -> AllowedSigners? {
            try allowedSigners.map { path throws(KeyError) in
                try AllowedSigners.load(path: path, namespace: SSHSignature.bundleNamespace)
            }
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Check a bundle offline: every file, manifest, the signature and the verdicts.",
            discussion: HelpText.prose(
                """
                Reads the tar as a stream and extracts nothing. Reports every problem with a stable code.
                Exits 0 when the bundle is valid and signed by a key in --allowed-signers, 2 when it is intact
                but no trusted signature was checked, 3 when it was made by a newer evident (a format or rules
                version this one does not know), 1 when it is invalid. The verdicts are re-derived from
                registry.json under the rules version the bundle names and compared by meaning; report.html is
                covered by the signature only, and the output says so.
                """))

        @Argument(help: "The bundle (.tar).") var bundle: String
        @OptionGroup var trust: Trust
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let result = BundleVerifier.verify(path: bundle, allowedSigners: try trust.load())
            try report(result, json: json)
            if result.exitCode != 0 { throw ExitCode(result.exitCode) }
        }
    }

    struct Extract: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "extract",
            abstract: "Verify a bundle, then write its regular files, and only those, under a directory.")

        @Argument(help: "The bundle (.tar).") var bundle: String
        @Option(
            help: ArgumentHelp("The directory to extract into; the bag lands in DIR/<bundle id>.", valueName: "dir"))
        var to: String
        @OptionGroup var trust: Trust
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let result = try BundleVerifier.extract(path: bundle, to: to, allowedSigners: try trust.load())
            try report(result, json: json)
            if result.status == .invalid || result.status == .unsupported { throw ExitCode(result.exitCode) }
            if !json {
                Console.current.err("Extracted to \(to.hasSuffix("/") ? to : to + "/")\(result.identifier ?? "")")
            }
            if result.exitCode != 0 { throw ExitCode(result.exitCode) }
        }
    }
}

/// Prints a verification for people or scripts.
private func report(_ result: BundleVerification, json: Bool) throws {
    let console = Console.current
    if json {
        try console.json(result)
        return
    }
    for problem in result.problems {
        console.out(tabSeparated: [problem.code.rawValue, problem.path ?? "-", problem.detail])
    }
    let signer =
        result.signature.map { signature in
            signature.trustedPrincipals.map {
                $0.isEmpty ? "untrusted key \(signature.fingerprint)" : $0.joined(separator: ", ")
            }
                ?? "key \(signature.fingerprint) (not checked against allowed signers)"
        } ?? "no signature"
    let summary =
        "\(result.identifier ?? result.path): \(Counted(result.payloadFiles, "document")), \(Counted(result.payloadBytes, "byte"))"
    switch result.status {
    case .valid: console.out("valid: \(summary), signed by \(signer)")
    case .unverified:
        console.out(
            "intact but unverified: \(summary), signed by \(signer); pass --allowed-signers to check whose key it is")
    case .unsupported:
        console.out("not checked: \(summary) was made by a newer evident; verify it with that version or later")
    case .invalid: console.out("invalid: \(Counted(result.problems.count, "problem")) in \(summary)")
    }
    for path in result.notRederived where result.status != .invalid {
        console.out("not re-derived: \(path) (vouched for by the signature only)")
    }
}

extension BundleCommand {
    struct Profile: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "profile",
            abstract: "Print the BagIt profile bundles follow, for auditors who check them with bagit_profile.py.",
            discussion: HelpText.prose(
                """
                Its identifier, in every bundle's bag-info.txt, names no page to fetch: give the auditor this file
                with the bundle ('evident bundle profile > bagit-profile.json'). It is schema/bagit-profile.json.
                """))

        func run() throws {
            Console.current.out(text: BagItProfile.json)
        }
    }
}
