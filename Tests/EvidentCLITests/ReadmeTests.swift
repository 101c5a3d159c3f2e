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
