import EvidentTestSupport
import Foundation
import Testing

/// Writes text to a new file in `directory`, for tools that read a file or standard input.
func temporaryFile(_ text: String, in directory: URL) throws -> URL {
    let url = directory.appendingPathComponent("input-\(UUID().uuidString)")
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url
}

/// `key new`, `bundle create`, `bundle verify` and `bundle extract` as users and auditors run them.
@Suite struct BundleCommandTests {
    /// A populated home, a key, its allowed_signers file, and a bundle of everything.
    func bundle(in directory: URL) throws -> (evident: Evident, tar: String, signers: String) {
        let evident = Evident(directory: directory)
        try evident.populate()
        let key = directory.appendingPathComponent("bundle-key").path
        let created = evident("key", "new", "--out", key, "--identity", "ops@skat.dk")
        #expect(created.code == 0)
        let signers = directory.appendingPathComponent("allowed_signers").path
        try created.out.write(toFile: signers, atomically: true, encoding: .utf8)
        let tar = directory.appendingPathComponent("EB.tar").path
        let result = evident(
            "bundle", "create", "--all", "--as-of", "2026-06-15", "--key", key, "--out", tar, "--seal-time",
            "2026-06-30T12:00:00Z", "--json")
        #expect(result.code == 0, "\(result.err)")
        let validation = try tool(
            Fixtures.repositoryRoot.appendingPathComponent("scripts/validate-json").path, ["bundle-summary"],
            input: try temporaryFile(result.out, in: directory))
        #expect(validation.code == 0, "\(validation.out)")
        return (evident, tar, signers)
    }

    @Test func keyNewWritesAPrivateKeyAndPrintsTheAllowedSignersLine() throws {
        try withTemporaryDirectory { directory in
            let evident = Evident(directory: directory)
            let key = directory.appendingPathComponent("k").path
            let result = evident("key", "new", "--out", key, "--identity", "auditor@erst.dk")
            #expect(result.code == 0)
            #expect(result.out.hasPrefix("auditor@erst.dk namespaces=\"evident-bundle\" ssh-ed25519 AAAA"))
            let mode = try FileManager.default.attributesOfItem(atPath: key)[.posixPermissions] as? Int
            #expect(mode == 0o600)
            #expect(FileManager.default.fileExists(atPath: key + ".pub"))
            #expect(evident("key", "new", "--out", key).code == 1)  // never overwrites a key
        }
    }

    @Test func verifyExitsZeroTwoOrOne() throws {
        try withTemporaryDirectory { directory in
            let (evident, tar, signers) = try bundle(in: directory)
            let trusted = evident("bundle", "verify", tar, "--allowed-signers", signers)
            #expect(trusted.code == 0, "\(trusted.out)")
            #expect(trusted.out.contains("valid: EB-ALL-20260615"))
            #expect(evident("bundle", "verify", tar).code == 2)
            let stranger = directory.appendingPathComponent("stranger").path
            let other = evident("key", "new", "--out", stranger, "--identity", "someone")
            try other.out.write(toFile: signers, atomically: true, encoding: .utf8)
            let untrusted = evident("bundle", "verify", tar, "--allowed-signers", signers, "--json")
            #expect(untrusted.code == 1)
            let object = try #require(try untrusted.json() as? [String: Any])
            let problems = try #require(object["problems"] as? [[String: Any]])
            #expect(problems.map { $0["code"] as? String } == ["signature-untrusted"])
            let validation = try tool(
                Fixtures.repositoryRoot.appendingPathComponent("scripts/validate-json").path,
                ["bundle-verification"], input: try temporaryFile(untrusted.out, in: directory))
            #expect(validation.code == 0, "\(validation.out)")
            #expect(evident("bundle", "verify").code == 64)
            #expect(evident("bundle", "verify", directory.appendingPathComponent("none.tar").path).code == 1)
        }
    }

    @Test func createRefusesBadScopesAndKeys() throws {
        try withTemporaryDirectory { directory in
            let (evident, _, _) = try bundle(in: directory)
            let key = directory.appendingPathComponent("bundle-key").path
            let out = directory.appendingPathComponent("x.tar").path
            #expect(evident("bundle", "create", "--key", key, "--out", out).code == 64)
            #expect(evident("bundle", "create", "--all", "--solution", "SOL-1", "--key", key, "--out", out).code == 64)
            #expect(evident("bundle", "create", "--all", "--key", key + ".pub", "--out", out).code == 1)
            #expect(evident("bundle", "create", "--solution", "SOL-9", "--key", key, "--out", out).code == 1)
            #expect(!FileManager.default.fileExists(atPath: out))
        }
    }

    @Test func sourceDateEpochSetsTheSealTime() throws {
        try withTemporaryDirectory { directory in
            let (evident, tar, _) = try bundle(in: directory)
            let key = directory.appendingPathComponent("bundle-key").path
            let again = directory.appendingPathComponent("again.tar").path
            let result = evident.run(
                ["bundle", "create", "--all", "--as-of", "2026-06-15", "--key", key, "--out", again],
                environment: ["SOURCE_DATE_EPOCH": "1782820800"])
            #expect(result.code == 0)
            #expect(FileManager.default.contentsEqual(atPath: tar, andPath: again))
        }
    }

    @Test func extractWritesTheBagUnderTheDirectory() throws {
        try withTemporaryDirectory { directory in
            let (evident, tar, signers) = try bundle(in: directory)
            let out = directory.appendingPathComponent("extracted").path
            #expect(evident("bundle", "extract", tar, "--to", out, "--allowed-signers", signers).code == 0)
            #expect(FileManager.default.fileExists(atPath: out + "/EB-ALL-20260615/data/EVD-1/agreement.pdf"))
            #expect(evident("bundle", "extract", tar, "--to", out, "--allowed-signers", signers).code == 1)
        }
    }

    /// The auditor's way, with tools nobody on this team wrote: bsdtar, ssh-keygen, bagit.py, bagit_profile.py.
    @Test func auditorsToolsAcceptTheBundleAndBagitRejectsAChangedByte() throws {
        try withTemporaryDirectory { directory in
            let (_, tar, signers) = try bundle(in: directory)
            let out = directory.appendingPathComponent("auditor")
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            let untar = try tool("bsdtar", ["-xf", tar, "-C", out.path])
            #expect(untar.code == 0, "\(untar.err)")
            let bag = out.appendingPathComponent("EB-ALL-20260615")
            let ssh = try tool(
                "ssh-keygen",
                [
                    "-Y", "verify", "-f", signers, "-I", "ops@skat.dk", "-n", "evident-bundle", "-s",
                    bag.appendingPathComponent("signature/tagmanifest-sha256.txt.sshsig").path,
                ], input: bag.appendingPathComponent("tagmanifest-sha256.txt"))
            #expect(ssh.code == 0, "\(ssh.out)\(ssh.err)")
            let bagit = try tool("bagit.py", ["--validate", bag.path])
            #expect(bagit.code == 0, "\(bagit.err)")
            let profile = try tool(
                "bagit_profile.py",
                [
                    "--no-logfile", "--report", "--file",
                    Fixtures.repositoryRoot.appendingPathComponent("schema/bagit-profile.json").path,
                    "https://evident.example/schema/bagit-profile.json", bag.path,
                ], in: directory)
            #expect(profile.code == 0, "\(profile.out)\(profile.err)")

            let payload = bag.appendingPathComponent("data/EVD-1/agreement.pdf")
            var bytes = try Data(contentsOf: payload)
            bytes[bytes.count / 2] ^= 0x01
            try bytes.write(to: payload)
            let tampered = try tool("bagit.py", ["--validate", bag.path])
            #expect(tampered.code != 0)
            #expect(tampered.err.contains("agreement.pdf"))
        }
    }
}

@Suite struct BundleProfileTests {
    /// The profile the auditor gets from `bundle profile` is the one in `schema/`, which bag-info.txt names.
    @Test func profilePrintsTheSchemasBagItProfile() throws {
        try withTemporaryDirectory { directory in
            let printed = Evident(directory: directory)("bundle", "profile")
            #expect(printed.code == 0)
            let schema = try ReadmeTests.text("schema/bagit-profile.json")
            #expect(printed.out == schema)
            #expect(
                schema.contains(#""BagIt-Profile-Identifier": "https://evident.example/schema/bagit-profile.json""#))
        }
    }
}

/// A key protected by a passphrase signs through a real ssh-agent, with no decrypted copy on disk.
@Suite struct AgentSigningTests {
    @Test func aPassphraseProtectedKeySignsThroughSSHAgent() throws {
        try withTemporaryDirectory { directory in
            let evident = Evident(directory: directory)
            try evident.populate()
            let key = directory.appendingPathComponent("locked").path
            let made = try tool(
                "ssh-keygen", ["-q", "-t", "ed25519", "-N", "a passphrase", "-C", "ops@skat.dk", "-f", key])
            try #require(made.code == 0, "\(made.err)")
            let signers = directory.appendingPathComponent("allowed_signers")
            try (#"ops@skat.dk namespaces="evident-bundle" "# + String(contentsOfFile: key + ".pub", encoding: .utf8))
                .write(to: signers, atomically: true, encoding: .utf8)
            func create(_ keyFile: String, _ out: String, agent: String?) -> Run {
                evident.run(
                    [
                        "bundle", "create", "--all", "--as-of", "2026-06-15", "--key", keyFile, "--out",
                        directory.appendingPathComponent(out).path, "--seal-time", "2026-06-30T12:00:00Z",
                    ], environment: agent.map { ["SSH_AUTH_SOCK": $0] } ?? [:])
            }

            // Without an agent: one line saying how to use one.
            let noAgent = create(key, "a.tar", agent: nil)
            #expect(noAgent.code == 1)
            #expect(noAgent.err.contains("encrypted with a passphrase and SSH_AUTH_SOCK names no ssh-agent"))
            #expect(create(key + ".pub", "a.tar", agent: nil).err.contains("is a public key and SSH_AUTH_SOCK"))

            let socket = directory.appendingPathComponent("agent.sock").path
            let agent = Process()
            agent.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            agent.arguments = ["ssh-agent", "-D", "-a", socket]
            agent.standardOutput = FileHandle.nullDevice
            agent.standardError = FileHandle.nullDevice
            try agent.run()
            defer {
                // SIGKILL: the agent inherits the test thread's blocked SIGTERM and would never see it.
                kill(agent.processIdentifier, SIGKILL)
                agent.waitUntilExit()
            }
            for _ in 0..<100 where !FileManager.default.fileExists(atPath: socket) { usleep(20_000) }

            // The agent does not hold the key yet.
            let notHeld = create(key, "a.tar", agent: socket)
            #expect(notHeld.code == 1)
            #expect(notHeld.err.contains("is not in the ssh-agent at SSH_AUTH_SOCK: add it with 'ssh-add \(key)'"))
            #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("a.tar").path))

            // ssh-add reads the passphrase from an askpass program, as a desktop's would ask for it.
            let askpass = directory.appendingPathComponent("askpass")
            try "#!/bin/sh\necho 'a passphrase'\n".write(to: askpass, atomically: true, encoding: .utf8)
            chmod(askpass.path, 0o700)
            let added = try tool(
                "ssh-add", [key],
                environment: [
                    "SSH_AUTH_SOCK": socket, "SSH_ASKPASS": askpass.path, "SSH_ASKPASS_REQUIRE": "force",
                    "DISPLAY": ":0",
                ])
            try #require(added.code == 0, "\(added.err)")

            let signed = create(key, "a.tar", agent: socket)
            #expect(signed.code == 0, "\(signed.err)")
            // The public key file names the same key; Ed25519 is deterministic, so the bundle is the same.
            let byPublicKey = create(key + ".pub", "b.tar", agent: socket)
            #expect(byPublicKey.code == 0, "\(byPublicKey.err)")
            let (a, b) = (directory.appendingPathComponent("a.tar"), directory.appendingPathComponent("b.tar"))
            #expect(FileManager.default.contentsEqual(atPath: a.path, andPath: b.path))
            #expect(evident("bundle", "verify", a.path, "--allowed-signers", signers.path).code == 0)

            let bag = directory.appendingPathComponent("bag")
            try FileManager.default.createDirectory(at: bag, withIntermediateDirectories: false)
            #expect(try tool("bsdtar", ["-xf", a.path, "-C", bag.path]).code == 0)
            let root = bag.appendingPathComponent("EB-ALL-20260615")
            let verified = try tool(
                "ssh-keygen",
                [
                    "-Y", "verify", "-f", signers.path, "-I", "ops@skat.dk", "-n", "evident-bundle", "-s",
                    root.appendingPathComponent("signature/tagmanifest-sha256.txt.sshsig").path,
                ], input: root.appendingPathComponent("tagmanifest-sha256.txt"))
            #expect(verified.code == 0, "\(verified.out)\(verified.err)")
        }
    }
}
