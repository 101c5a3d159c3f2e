import EvidentTestSupport
import Foundation
import Testing

@testable import EvidentKit

/// Records sealed by earlier versions of evident keep verifying: bundles and audit chains are archival.
///
/// The fixtures were made by the evident of their day and are never regenerated: `Tests/Fixtures/bundles`
/// holds bundles with the `allowed_signers` line of the key that sealed them, `Tests/Fixtures/homes` a
/// registry home (the samples) with its audit trail.
@Suite struct ArchivedFormatTests {
    static let bundles = ["rules-v1-solution.tar", "rules-v1-all.tar"]

    static func allowedSigners() throws -> AllowedSigners {
        AllowedSigners(
            text: try String(
                contentsOf: Fixtures.directory.appendingPathComponent("bundles/allowed_signers"), encoding: .utf8))
    }

    @Test(arguments: bundles)
    func anArchivedBundleStillVerifies(_ name: String) throws {
        let path = Fixtures.directory.appendingPathComponent("bundles/\(name)").path
        let verification = BundleVerifier.verify(path: path, allowedSigners: try Self.allowedSigners())
        #expect(verification.problems == [])
        #expect(verification.status == .valid)
        #expect((verification.verdicts ?? 0) > 0)
    }

    @Test func anArchivedHomeStillChecksClean() throws {
        try withTemporaryDirectory { directory in
            let home = directory.appendingPathComponent("home")
            try FileManager.default.copyItem(
                at: Fixtures.directory.appendingPathComponent("homes/samples-v1"), to: home)
            let registry = try Registry.open(at: Home(path: home.path))
            let report = try registry.check(deep: true)
            #expect(report.problems == [])
            #expect(report.auditEvents >= 55)
        }
    }
}
