import EvidentKit
import EvidentTestSupport
import Foundation
import Testing

/// allowed_signers is read as `ssh-keygen -Y verify` reads it: each line is judged by hand and, where ssh-keygen is
/// installed, by ssh-keygen on the same file, and the three answers must agree.
@Suite struct AllowedSignersTests {
    struct Row: Sendable, CustomTestStringConvertible {
        let name: String
        /// The file; `KEY` stands for the signing key, `OTHER` for another Ed25519 key.
        let text: String
        /// Whether a signature by the key in namespace evident-bundle, made by `ops@skat.dk`, is accepted.
        let accepted: Bool

        var testDescription: String { name }
    }

    /// The moment signatures are checked at (ssh-keygen's -Overify-time).
    static let verifyTime = "20261130120000Z"

    static let rows: [Row] = [
        Row(name: "plain line", text: "ops@skat.dk KEY", accepted: true),
        Row(name: "comment after the key", text: "ops@skat.dk KEY ops key 2026", accepted: true),
        Row(name: "blanks before the principals", text: " \t ops@skat.dk KEY", accepted: true),
        Row(name: "CRLF line end", text: "ops@skat.dk KEY\r", accepted: true),
        Row(
            name: "comments and blank lines around", text: "# trusted\n\n  # ops\nops@skat.dk KEY\n# end",
            accepted: true),
        Row(name: "commented out", text: "# ops@skat.dk KEY", accepted: false),
        Row(name: "another key", text: "ops@skat.dk OTHER", accepted: false),
        Row(name: "the other key first, then the key", text: "ops@skat.dk OTHER\nops@skat.dk KEY", accepted: true),
        Row(name: "several principals", text: "audit@erst.dk,ops@skat.dk KEY", accepted: true),
        Row(name: "wildcard principal", text: "*@skat.dk KEY", accepted: true),
        Row(name: "single-character wildcard", text: "?ps@skat.dk KEY", accepted: true),
        Row(name: "negated principal", text: "!ops@skat.dk,*@skat.dk KEY", accepted: false),
        Row(name: "other principal", text: "audit@erst.dk KEY", accepted: false),
        Row(name: "quoted principals", text: "\"ops@skat.dk\" KEY", accepted: true),
        Row(name: "principals only", text: "ops@skat.dk", accepted: false),
        Row(name: "namespace", text: "ops@skat.dk namespaces=\"evident-bundle\" KEY", accepted: true),
        Row(name: "namespaces with a comma", text: "ops@skat.dk namespaces=\"git,evident-bundle\" KEY", accepted: true),
        Row(name: "namespace unquoted", text: "ops@skat.dk namespaces=evident-bundle KEY", accepted: false),
        Row(name: "other namespaces", text: "ops@skat.dk namespaces=\"git,file\" KEY", accepted: false),
        Row(name: "empty namespaces", text: "ops@skat.dk namespaces=\"\" KEY", accepted: false),
        Row(name: "wildcard namespace", text: "ops@skat.dk namespaces=\"evident-*\" KEY", accepted: true),
        Row(name: "negated namespace", text: "ops@skat.dk namespaces=\"!evident-bundle,*\" KEY", accepted: false),
        Row(name: "option names in any case", text: "ops@skat.dk NameSpaces=\"evident-bundle\" KEY", accepted: true),
        Row(name: "space inside quotes", text: "ops@skat.dk namespaces=\"a b,evident-bundle\" KEY", accepted: true),
        Row(name: "escaped quote", text: "ops@skat.dk namespaces=\"evident-bundle\\\"\" KEY", accepted: false),
        Row(name: "unterminated quote", text: "ops@skat.dk namespaces=\"evident-bundle KEY", accepted: false),
        Row(
            name: "namespaces twice",
            text: "ops@skat.dk namespaces=\"evident-bundle\",namespaces=\"evident-bundle\" KEY", accepted: false),
        Row(name: "unknown option", text: "ops@skat.dk no-touch-required KEY", accepted: false),
        Row(name: "options ending in a comma", text: "ops@skat.dk namespaces=\"evident-bundle\", KEY", accepted: false),
        Row(
            name: "options starting with a comma", text: "ops@skat.dk ,namespaces=\"evident-bundle\" KEY",
            accepted: true),
        Row(name: "cert-authority", text: "ops@skat.dk cert-authority KEY", accepted: false),
        Row(
            name: "cert-authority with namespaces",
            text: "*@skat.dk cert-authority,namespaces=\"evident-bundle\" KEY", accepted: false),
        Row(name: "valid after a day before", text: "ops@skat.dk valid-after=\"20260101\" KEY", accepted: true),
        Row(name: "valid after a later day", text: "ops@skat.dk valid-after=\"20270101Z\" KEY", accepted: false),
        Row(
            name: "valid after the very second", text: "ops@skat.dk valid-after=\"20261130120000Z\" KEY", accepted: true
        ),
        Row(
            name: "valid after a second later", text: "ops@skat.dk valid-after=\"20261130120001Z\" KEY", accepted: false
        ),
        Row(
            name: "valid before the very minute", text: "ops@skat.dk valid-before=\"202611301200Z\" KEY", accepted: true
        ),
        Row(
            name: "valid before a second earlier", text: "ops@skat.dk valid-before=\"20261130115959Z\" KEY",
            accepted: false),
        Row(name: "valid before, UTC suffix", text: "ops@skat.dk valid-before=\"20261201UTC\" KEY", accepted: true),
        Row(
            name: "valid window around the time",
            text: "ops@skat.dk valid-after=\"20250101Z\",valid-before=\"20270101Z\",namespaces=\"evident-bundle\" KEY",
            accepted: true),
        Row(
            name: "reversed window",
            text: "ops@skat.dk valid-after=\"20270101Z\",valid-before=\"20250101Z\" KEY", accepted: false),
        Row(
            name: "a day past the month's end rolls over", text: "ops@skat.dk valid-after=\"20260231Z\" KEY",
            accepted: true),
        Row(name: "no such month", text: "ops@skat.dk valid-after=\"20261301Z\" KEY", accepted: false),
        Row(name: "time unquoted", text: "ops@skat.dk valid-after=20260101Z KEY", accepted: false),
        Row(name: "time with dashes", text: "ops@skat.dk valid-after=\"2026-01-01\" KEY", accepted: false),
        Row(name: "time before 1970", text: "ops@skat.dk valid-before=\"19691231Z\" KEY", accepted: false),
        Row(
            name: "valid-after twice", text: "ops@skat.dk valid-after=\"20250101Z\",valid-after=\"20250101Z\" KEY",
            accepted: false),
        Row(name: "key blob damaged", text: "ops@skat.dk DAMAGED", accepted: false),
        Row(name: "key blob with bytes after the key", text: "ops@skat.dk TRAILING", accepted: false),
        Row(name: "key type only", text: "ops@skat.dk ssh-ed25519", accepted: false),
        Row(
            name: "an RSA key", text: "ops@skat.dk ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAAQC7\nops@skat.dk KEY",
            accepted: true),
    ]

    /// A key made by `evident key new`: its file and its `ssh-ed25519 AAAA…` part.
    static func key(_ name: String, in directory: URL) throws -> (path: String, openSSH: String) {
        let path = directory.appendingPathComponent(name).path
        let made = Evident(directory: directory)("key", "new", "--out", path, "--identity", "ops@skat.dk")
        try #require(made.code == 0, "\(made.err)")
        let fields = made.out.split(separator: " ")
        let type = try #require(fields.firstIndex(of: "ssh-ed25519"))
        return (path, "ssh-ed25519 " + fields[type + 1].trimmingCharacters(in: .whitespacesAndNewlines))
    }

    static var sshKeygen: String? {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
            .map { "\($0)/ssh-keygen" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test func eachLineIsJudgedAsByHandAndAsSSHKeygenJudgesIt() throws {
        try withTemporaryDirectory { directory in
            let (keyPath, key) = try Self.key("key", in: directory)
            let (_, other) = try Self.key("other", in: directory)
            let signing = try SigningKey.load(path: keyPath).publicKey
            let blob = try #require(Data(base64Encoded: String(key.dropFirst("ssh-ed25519 ".count))))
            let time = try Date("2026-11-30T12:00:00Z", strategy: .iso8601)

            let message = directory.appendingPathComponent("message")
            try Data("tag manifest\n".utf8).write(to: message)
            let signature: URL?
            if let keygen = Self.sshKeygen {
                let signed = try tool(keygen, ["-Y", "sign", "-f", keyPath, "-n", "evident-bundle", message.path])
                try #require(signed.code == 0, "\(signed.err)")
                signature = URL(fileURLWithPath: message.path + ".sig")
            } else {
                signature = nil
            }

            for row in Self.rows {
                let text = row.text.replacingOccurrences(of: "OTHER", with: other)
                    .replacingOccurrences(of: "KEY", with: key)
                    .replacingOccurrences(
                        of: "DAMAGED", with: "ssh-ed25519 " + String(key.dropFirst("ssh-ed25519 ".count).dropLast(2))
                    )
                    .replacingOccurrences(
                        of: "TRAILING", with: "ssh-ed25519 " + (blob + Data([0, 0, 0, 0])).base64EncodedString())
                let ours = AllowedSigners(text: text + "\n").principals(
                    trusting: signing, namespace: "evident-bundle", at: time
                ).contains { SSHPattern.matches(Array("ops@skat.dk".utf8), list: Array($0.utf8)) }
                #expect(ours == row.accepted, "\(row.name): \(text)")

                guard let keygen = Self.sshKeygen, let signature else { continue }
                let file = try temporaryFile(text + "\n", in: directory)
                let verified = try tool(
                    keygen,
                    [
                        "-Y", "verify", "-f", file.path, "-I", "ops@skat.dk", "-n", "evident-bundle", "-s",
                        signature.path, "-Overify-time=\(Self.verifyTime)",
                    ], input: message)
                #expect((verified.code == 0) == row.accepted, "ssh-keygen on \(row.name): \(text)\n\(verified.err)")
            }
        }
    }

    @Test func unusableLinesAreKeptWithTheirReason() {
        let signers = AllowedSigners(
            text: """
                # comment

                ops@skat.dk cert-authority ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBWtxFxGINJF/APi1kpX76EBrbuNYoI4VhE7EKAFWuhs
                ops@skat.dk namespaces=evident-bundle ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBWtxFxGINJF/APi1kpX76EBrbuNYoI4VhE7EKAFWuhs
                ops@skat.dk ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAAQC7
                ops@skat.dk ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBWtxFxGINJF/APi1kpX76EBrbuNYoI4VhE7EKAFWuhs
                """)
        #expect(signers.entries.map(\.line) == [6])
        #expect(signers.skipped.map(\.line) == [3, 4, 5])
        #expect(signers.skipped[0].reason.contains("cert-authority"))
        #expect(signers.skipped[1].reason.contains("quotes"))
        #expect(signers.skipped[2].reason.contains("ssh-rsa"))
    }

    @Test func aMissingFileOrOneWithoutAUsableLineIsRefusedNamingTheOption() throws {
        try withTemporaryDirectory { directory in
            let evident = Evident(directory: directory)
            let bundle = Fixtures.directory.appendingPathComponent("bundles/rules-v2-all.tar").path
            let cases: [(text: String?, mentions: [String])] = [
                (nil, ["No such file"]),
                ("", ["holds no key lines"]),
                ("# only a comment\n\n", ["holds no key lines"]),
                (
                    "*@skat.dk cert-authority ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBWtxFxGINJF/APi1kpX76EBrbuNYoI4VhE7EKAFWuhs\n"
                        + "ops@skat.dk namespaces=\"git\" ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBWtxFxGINJF/APi1kpX76EBrbuNYoI4VhE7EKAFWuhs",
                    ["line 1: cert-authority", "line 2: its namespaces do not include evident-bundle"]
                ),
            ]
            for (text, mentions) in cases {
                let path = directory.appendingPathComponent("signers-\(UUID().uuidString)").path
                if let text { try text.write(toFile: path, atomically: true, encoding: .utf8) }
                let result = evident("bundle", "verify", bundle, "--allowed-signers", path)
                #expect(result.code == 1)
                #expect(result.out.isEmpty)
                #expect(result.err.split(separator: "\n").count == 1, "\(result.err)")
                for mention in ["error: --allowed-signers '\(path)'"] + mentions {
                    #expect(result.err.contains(mention), "'\(mention)' missing from \(result.err)")
                }
            }
        }
    }

    @Test func aKeysValidityIsJudgedAtTheBundlesSealTime() throws {
        try withTemporaryDirectory { directory in
            let evident = Evident(directory: directory)
            // Sealed 2026-11-30T12:00:00Z; whatever the clock says now, that moment decides.
            let bundle = Fixtures.directory.appendingPathComponent("bundles/rules-v1-solution.tar").path
            let lines = try String(
                contentsOf: Fixtures.directory.appendingPathComponent("bundles/allowed_signers"), encoding: .utf8
            ).split(separator: "\n")
            for (options, code) in [
                ("valid-before=\"20261130120000Z\"", Int32(0)), ("valid-after=\"20261130120000Z\"", 0),
                ("valid-after=\"20261130120001Z\"", 1), ("valid-before=\"20261130115959Z\"", 1),
            ] {
                let text = lines.map { $0.replacingOccurrences(of: "namespaces=", with: "\(options),namespaces=") }
                let path = try temporaryFile(text.joined(separator: "\n") + "\n", in: directory).path
                let result = evident("bundle", "verify", bundle, "--allowed-signers", path)
                #expect(result.code == code, "\(options): \(result.out)")
                #expect(result.out.contains("signature-untrusted") == (code == 1), "\(options): \(result.out)")
            }
        }
    }
}
