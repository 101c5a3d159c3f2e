import EvidentTestSupport
import Foundation
import Testing

/// Small things people notice in evident's output: counts, paths, overwrites, why an exit code.
@Suite struct OutputWordingTests {
    @Test func oneOfAThingIsSingular() throws {
        try withTemporaryDirectory { directory in
            let evident = Evident(directory: directory)
            try evident.populate()
            let export = evident("export", "--out", directory.appendingPathComponent("export").path)
            #expect(export.code == 0, "\(export.err)")
            #expect(export.out.contains(" and 1 document to "), "\(export.out)")
            let check = evident("check")
            #expect(check.out.contains(", 1 document, 1 object"), "\(check.out)")
            #expect(
                evident("due", "--within", "1").out.contains("Nothing is due within 1 day, and nothing is overdue."))
            #expect(!evident("evidence", "show", "EVD-1").out.contains(" 1 bytes"))
        }
    }

    @Test func bundleCreateRefusesAnExistingOutWithoutForce() throws {
        try withTemporaryDirectory { directory in
            let (evident, tar, _) = try BundleCommandTests().bundle(in: directory)
            let key = directory.appendingPathComponent("bundle-key").path
            try Data("not a bundle".utf8).write(to: URL(fileURLWithPath: tar))
            let arguments = ["bundle", "create", "--all", "--key", key, "--out", tar]
            let refused = evident.run(arguments)
            #expect(refused.code == 64)
            #expect(refused.err == "error: --out '\(tar)' already exists; give --force to replace it\n")
            #expect(try Data(contentsOf: URL(fileURLWithPath: tar)) == Data("not a bundle".utf8))
            let replaced = evident.run(arguments + ["--force"])
            #expect(replaced.code == 0, "\(replaced.err)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: tar)) != Data("not a bundle".utf8))
        }
    }

    @Test func extractNamesTheBagWithOneSlash() throws {
        try withTemporaryDirectory { directory in
            let (evident, tar, signers) = try BundleCommandTests().bundle(in: directory)
            let out = directory.appendingPathComponent("audit").path + "/"
            let extracted = evident("bundle", "extract", tar, "--to", out, "--allowed-signers", signers)
            #expect(extracted.code == 0)
            #expect(extracted.err.contains("Extracted to \(out)EB-ALL-20260615\n"), "\(extracted.err)")
        }
    }

    @Test func failOnSaysWhyItExitsTwo() throws {
        try withTemporaryDirectory { directory in
            let evident = try Evident.samples(in: directory)
            let failed = evident("status", "--as-of", "2026-11-30", "--solution", "SOL-8", "--fail-on", "expiring")
            #expect(failed.code == 2)
            let lines = failed.err.split(separator: "\n")
            #expect(lines.count == 1)
            #expect(lines.first?.hasSuffix("or worse; exiting 2 (--fail-on expiring)") == true, "\(failed.err)")
            #expect(lines.first?.hasPrefix("1 usage is ") == true || lines.first?.contains(" usages are ") == true)
            let passed = evident(
                "status", "--as-of", "2026-11-30", "--solution", "SOL-8", "--fail-on", "missing-evidence")
            #expect(passed.code == 0)
            #expect(passed.err.isEmpty)
        }
    }
}

extension OutputWordingTests {
    @Test func evidenceListShowsTheReviewDateInEffect() throws {
        try withTemporaryDirectory { directory in
            let evident = Evident(directory: directory)
            try evident.populate()
            let added = evident.run([
                "evidence", "add", try evident.fixture("screenshot.png"), "--kind", "opt-out-screenshot", "--title",
                "Opt-out switched on", "--covers", "USE-1", "--captured", "2026-01-10",
            ])
            #expect(added.code == 0, "\(added.err)")
            let row = try #require(
                evident("evidence", "list").out.split(separator: "\n").first { $0.hasPrefix("EVD-2 ") })
            #expect(row.contains("2027-01-10"), "\(row)")  // captured + the default 12 months
            #expect(evident("settings", "opt-out-review-months", "6").code == 0)
            let again = try #require(
                evident("evidence", "list").out.split(separator: "\n").first { $0.hasPrefix("EVD-2 ") })
            #expect(again.contains("2026-07-10"), "\(again)")
            // JSON keeps what was filed: no review date of its own.
            let json = try #require(evident("evidence", "list", "--json").json() as? [[String: Any]])
            let filed = try #require(json.first { $0["id"] as? String == "EVD-2" })
            #expect(filed["captured"] as? String == "2026-01-10")
            #expect(filed["reviewBy"] == nil)
        }
    }
}
