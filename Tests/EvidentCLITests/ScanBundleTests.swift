import EvidentTestSupport
import Foundation
import Testing

/// A bundle holding a recorded scan names the registry format that has the `scan` kind, and verifies.
@Suite struct ScanBundleTests {
    @Test func aBundleWithScanEvidenceIsRegistryFormat3AndOneWithoutStays2() throws {
        try withTemporaryDirectory { directory in
            let evident = Evident(directory: directory)
            try evident.populate()
            let key = directory.appendingPathComponent("key").path
            let signers = directory.appendingPathComponent("allowed_signers").path
            try evident("key", "new", "--out", key, "--identity", "ops").out.write(
                toFile: signers, atomically: true, encoding: .utf8)
            func format(_ name: String) throws -> String? {
                let tar = directory.appendingPathComponent("\(name).tar").path
                let out = directory.appendingPathComponent(name)
                #expect(
                    evident(
                        "bundle", "create", "--all", "--as-of", "2026-06-15", "--key", key, "--out", tar,
                        "--seal-time", "2026-06-30T12:00:00Z"
                    ).code == 0)
                #expect(evident("bundle", "verify", tar, "--allowed-signers", signers).code == 0)
                #expect(evident("bundle", "extract", tar, "--to", out.path, "--allowed-signers", signers).code == 0)
                let bag = try #require(try FileManager.default.contentsOfDirectory(atPath: out.path).first)
                let registry = out.appendingPathComponent(bag).appendingPathComponent("metadata/registry.json")
                let object = try JSONSerialization.jsonObject(with: Data(contentsOf: registry)) as? [String: Any]
                return object?["format"] as? String
            }
            #expect(try format("before") == "evident-registry/2")
            let capture = try evident.fixture("config.json", as: "capture.json")
            #expect(
                evident("evidence", "add", capture, "--kind", "scan", "--title", "Capture", "--covers", "USE-1").code
                    == 0)
            #expect(try format("after") == "evident-registry/3")
        }
    }
}
