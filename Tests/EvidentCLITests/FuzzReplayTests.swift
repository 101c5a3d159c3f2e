import EvidentTestSupport
import Foundation
import Testing

/// Every seed and every input that ever crashed a fuzz target goes through its parser again, unsanitised.
@Suite struct FuzzReplayTests {
    @Test(arguments: ["bundle", "media", "ssh", "signers", "contracts-csv", "contracts-json", "har", "inspection"])
    func replaysTheCorpusAndRegressions(_ target: String) throws {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("evident-fuzz")
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "build evident-fuzz first")
        var inputs: [String] = []
        for folder in ["Fuzz/corpus/\(target)", "Fuzz/regressions/\(target)"] {
            let directory = Fixtures.repositoryRoot.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            inputs += names.filter { !$0.hasPrefix(".") }.sorted().map { directory.appendingPathComponent($0).path }
        }
        #expect(!inputs.isEmpty)
        let result = try tool(binary.path, [target] + inputs, environment: ["SWIFT_BACKTRACE": "enable=no"])
        #expect(result.code == 0, "\(result.out)\(result.err)")
        #expect(result.out.contains("replayed \(inputs.count) inputs"))
    }
}
