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
