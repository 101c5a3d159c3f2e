import EvidentTestSupport
import Foundation
import Testing

/// What the READMEs tell a newcomer to type first.
@Suite struct ReadmeTests {
    static func text(_ path: String) throws -> String {
        try String(contentsOf: Fixtures.repositoryRoot.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func theReadmeOpensWithItsTitleOneSentenceAndTheTwoCommands() throws {
        let lines = try Self.text("README.md").split(separator: "\n", omittingEmptySubsequences: true)
        #expect(lines.first == "# evident")
        #expect(lines.dropFirst().first?.hasPrefix("evident ") == true)
        #expect(lines.dropFirst().first?.hasSuffix(".") == true)
        #expect(Array(lines.dropFirst(2).prefix(4)) == ["```", "scripts/demo", "scripts/test", "```"])
    }

    @Test func theReadmesRunTheBuildTheyMake() throws {
        // The walkthrough builds for release and puts it on PATH; no README then runs a debug build.
        #expect(try Self.text("README.md").contains("swift build -c release"))
        for path in ["README.md", "samples/README.md"] {
            let text = try Self.text(path)
            #expect(!text.contains("samples/load --home /tmp/demo .build/debug"), "\(path)")
            #expect(!text.contains("samples/load .build/debug"), "\(path)")
        }
    }
}

/// The shell completion scripts the README tells people to install.
@Suite struct CompletionScriptTests {
    @Test(arguments: ["bash", "zsh", "fish"])
    func theBinaryWritesACompletionScriptNamingTheCommands(_ shell: String) throws {
        #expect(try ReadmeTests.text("README.md").contains("evident --generate-completion-script \(shell) > "))
        let script = try tool(try Binary.url.path, ["--generate-completion-script", shell])
        #expect(script.code == 0)
        for command in ["status", "evidence", "bundle", "settings", "import"] {
            #expect(script.out.contains(command), "\(shell): \(command)")
        }
        #expect(script.out.contains("fail-on"))
        if shell == "bash" {
            // The script must at least parse.
            try withTemporaryDirectory { directory in
                let file = directory.appendingPathComponent("evident.bash")
                try script.out.write(to: file, atomically: true, encoding: .utf8)
                #expect(try tool("bash", ["-n", file.path]).code == 0)
            }
        }
    }
}

/// The README's shell blocks, run as written with bash: the walkthrough, then the auditor's path on the files it
/// wrote. A line that fails fails the block (`set -euo pipefail`).
@Suite struct ReadmeBlockTests {
    /// The `sh` blocks that follow a line `<!-- marker -->` in the README, in order.
    static func blocks(marked marker: String) throws -> [String] {
        let lines = try ReadmeTests.text("README.md").components(separatedBy: "\n")
        var blocks: [String] = []
        for (index, line) in lines.enumerated() where line == "<!-- \(marker) -->" {
            try #require(lines.indices.contains(index + 1) && lines[index + 1] == "```sh", "\(marker): no sh block")
            let end = try #require(lines[(index + 2)...].firstIndex(of: "```"), "\(marker): the block never ends")
            blocks.append(lines[(index + 2)..<end].joined(separator: "\n"))
        }
        return blocks
    }

    /// The walkthrough's first lines build evident and put the build on PATH; the test has built it already and
    /// puts its own build on PATH instead. Everything after them runs as written.
    static let buildLines = ["swift build -c release", #"export PATH="$PWD/.build/release:$PATH""#]

    /// Runs `script` with bash in `directory`, the built evident first on PATH.
    static func bash(_ script: String, in directory: URL, environment: [String: String] = [:]) throws -> Run {
        let path =
            try Binary.url.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "")
        return try tool(
            "bash", ["-c", "set -euo pipefail\n" + script], in: directory,
            environment: environment.merging(["PATH": path]) { $1 })
    }

    /// Runs the walkthrough's blocks in `directory`, where `samples` is the repository's and `~` is the directory.
    static func walkthrough(in directory: URL) throws -> Run {
        let lines = try blocks(marked: "walkthrough").joined(separator: "\n").components(separatedBy: "\n")
        try #require(Array(lines.prefix(2)) == buildLines, "the walkthrough no longer starts with its build lines")
        try FileManager.default.createSymbolicLink(
            at: directory.appendingPathComponent("samples"),
            withDestinationURL: Fixtures.repositoryRoot.appendingPathComponent("samples"))
        return try bash(
            lines.dropFirst(2).joined(separator: "\n"), in: directory, environment: ["HOME": directory.path])
    }

    /// The files the agency hands an auditor, copied into a new directory; `tamper` may change the bundle's bytes.
    static func auditorsDirectory(
        from walkthrough: URL, in directory: URL, tamper: (inout Data) -> Void = { _ in }
    ) throws -> URL {
        let auditor = directory.appendingPathComponent("auditor-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: auditor, withIntermediateDirectories: false)
        for name in ["allowed_signers", "bagit-profile.json"] {
            try FileManager.default.copyItem(
                at: walkthrough.appendingPathComponent(name), to: auditor.appendingPathComponent(name))
        }
        var tar = try Data(contentsOf: walkthrough.appendingPathComponent("EB-SOL-1-20261130.tar"))
        tamper(&tar)
        try tar.write(to: auditor.appendingPathComponent("EB-SOL-1-20261130.tar"))
        return auditor
    }

    @Test func theWalkthroughAndTheAuditorsPathRunAsWritten() throws {
        try withTemporaryDirectory { directory in
            let agency = directory.appendingPathComponent("agency")
            try FileManager.default.createDirectory(at: agency, withIntermediateDirectories: false)
            let walkthrough = try Self.walkthrough(in: agency)
            try #require(walkthrough.code == 0, "\(walkthrough.out)\(walkthrough.err)")
            #expect(FileManager.default.fileExists(atPath: agency.appendingPathComponent("evident-home").path))
            #expect(
                FileManager.default.contentsEqual(
                    atPath: agency.appendingPathComponent("copy.pdf").path,
                    andPath: Fixtures.repositoryRoot.appendingPathComponent(
                        "samples/documents/siteimprove-dpa-2025.pdf"
                    )
                    .path))
            #expect(
                FileManager.default.contentsEqual(
                    atPath: agency.appendingPathComponent("bagit-profile.json").path,
                    andPath: Fixtures.repositoryRoot.appendingPathComponent("schema/bagit-profile.json").path))

            let auditorsPath = try Self.blocks(marked: "auditor-path")
            try #require(auditorsPath.count == 1)
            let auditor = try Self.auditorsDirectory(from: agency, in: directory)
            let audit = try Self.bash(auditorsPath[0], in: auditor)
            #expect(audit.code == 0, "\(audit.out)\(audit.err)")
            #expect(audit.out.contains(#"Good "evident-bundle" signature for compliance@skat.dk"#), "\(audit.out)")

            // The same lines on a bundle with one changed byte in a document: bagit.py refuses it, so the block fails.
            let tampered = try Self.auditorsDirectory(from: agency, in: directory) { tar in
                let start = tar.range(of: Data("%PDF".utf8))!.lowerBound
                tar[start + 200] ^= 0x01
            }
            let refused = try Self.bash(auditorsPath[0], in: tampered)
            #expect(refused.code != 0)
            #expect(refused.err.contains("siteimprove-dpa-2025.pdf"), "\(refused.err)")
        }
    }
}
