import ArgumentParser
import EvidentKit
import Foundation

/// `evident key …`: the Ed25519 keys that sign bundles.
struct KeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: "Make the Ed25519 key that signs evidence bundles.",
        subcommands: [New.self]
    )

    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "new",
            abstract: "Write an Ed25519 key pair in OpenSSH format (FILE mode 0600, FILE.pub).",
            discussion: HelpText.prose(
                """
                Prints the allowed_signers line that an auditor adds to the file passed to
                'evident bundle verify --allowed-signers' or 'ssh-keygen -Y verify -f'. The key is written
                unencrypted; for one protected by a passphrase, make it with 'ssh-keygen -t ed25519', add it to
                ssh-agent ('ssh-add FILE') and give 'bundle create' the key file or its .pub: evident signs through
                the agent at SSH_AUTH_SOCK.
                """))

        @Option(
            help: ArgumentHelp("The private key file to write; the public key goes to FILE.pub.", valueName: "file"))
        var out: String
        @Option(help: "Who signs with it, as named in allowed_signers (default: the OS user).") var identity: String?

        func run() throws {
            let name = identity ?? Console.current.environment["USER"] ?? "evident"
            let key = try SigningKey(identity: name)
            try key.write(to: out)
            Console.current.err("Wrote \(out) and \(out).pub (\(key.publicKey.fingerprint))")
            Console.current.out(key.publicKey.allowedSignersLine(identity: name))
        }
    }
}
