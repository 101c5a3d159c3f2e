import EvidentTestSupport
import Foundation
import Testing

@testable import EvidentCLI

/// `--as-recorded`: reports of the registry as it was recorded, and the commands that reproduce them.
@Suite struct AsRecordedCommandTests {
    /// After the populated home's report: owners, a route, evidence and a setting change, in the same second.
    static let edits: [[String]] = [
        ["authority", "add", "--name", "Rigspolitiet", "--cvr", "10213231", "--kind", "state"],
        ["solution", "edit", "SOL-1", "--owner", "Rigspolitiet:responsible"],
        ["usage", "edit", "USE-1", "--route", "technically-necessary"],
        ["evidence", "edit", "EVD-1", "--valid-until", "2026-06-30"],
        ["settings", "warning-days", "10"],
    ]

    /// The arguments of a printed command, which quotes nothing here.
    static func arguments(_ command: String) throws -> [String] {
        let words = command.split(separator: " ").map(String.init)
        try #require(words.first == "evident" && !command.contains("'"))
        return Array(words.dropFirst())
    }

    @Test func theAnnualReportIsReproducedByteForByteAfterEdits() throws {
        try withTemporaryDirectory { directory in
            let evident = Evident(directory: directory)
            try evident.populate()
            let first = directory.appendingPathComponent("first")
            let made = evident("report", "annual", "--year", "2026", "--out", first.path)
            #expect(made.code == 0, "\(made.err)")
            let report = try #require(
                try JSONSerialization.jsonObject(with: Data(contentsOf: first.appendingPathComponent("report.json")))
                    as? [String: Any])
            let reproduce = try #require(report["reproduce"] as? String)
            #expect(reproduce == "evident report annual --year 2026 --lang da --as-recorded 2026-06-15T10:00:00Z@7")
            #expect(made.err.contains("reproduce with: \(reproduce)"))

            for edit in Self.edits { #expect(evident.run(edit).code == 0, "\(edit)") }
            let now = directory.appendingPathComponent("now")
            #expect(evident("report", "annual", "--year", "2026", "--out", now.path).code == 0)
            let again = directory.appendingPathComponent("again")
            let reproduced = evident.run(try Self.arguments(reproduce) + ["--out", again.path])
            #expect(reproduced.code == 0, "\(reproduced.err)")
            for name in ["report.html", "report.json", "report.csv"] {
                let original = try Data(contentsOf: first.appendingPathComponent(name))
                #expect(try Data(contentsOf: again.appendingPathComponent(name)) == original, "\(name)")
                #expect(try Data(contentsOf: now.appendingPathComponent(name)) != original, "\(name)")
            }
        }
    }

    @Test func statusDueAndBundlesAreReproducedByteForByteAfterEdits() throws {
        try withTemporaryDirectory { directory in
            let evident = Evident(directory: directory)
            try evident.populate()
            let key = directory.appendingPathComponent("key").path
            #expect(evident("key", "new", "--out", key).code == 0)
            let status = evident("status", "--solution", "SOL-1", "--json")
            let object = try #require(try status.json() as? [String: Any])
            let recorded = try #require(object["recorded"] as? [String: Any])
            #expect(recorded["at"] as? String == "2026-06-15T10:00:00Z")
            #expect(recorded["event"] as? Int == 7)
            let due = evident("due", "--within", "1000")
            let dueCommand = "evident due --within 1000 --from 2026-06-15 --as-recorded 2026-06-15T10:00:00Z@7"
            #expect(
                due.out.hasPrefix("Recorded at 2026-06-15T10:00:00Z (audit event 7); reproduce with: \(dueCommand)\n"))
            let tar = directory.appendingPathComponent("first.tar")
            let bundle = evident(
                "bundle", "create", "--solution", "SOL-1", "--key", key, "--out", tar.path, "--seal-time",
                "2026-06-30T12:00:00Z", "--json")
            let summary = try #require(try bundle.json() as? [String: Any])
            let bytes = try Data(contentsOf: tar)
            #expect(bytes.range(of: Data("\nEvident-Recorded-At: 2026-06-15T10:00:00Z@7\n".utf8)) != nil)

            for edit in Self.edits { #expect(evident.run(edit).code == 0, "\(edit)") }
            #expect(evident("status", "--solution", "SOL-1", "--json").out != status.out)
            let statusAgain = evident.run(try Self.arguments(try #require(object["reproduce"] as? String)))
            #expect(statusAgain.out == status.out)
            #expect(evident.run(try Self.arguments(dueCommand)).out == due.out)
            var bundleArguments = try Self.arguments(try #require(summary["reproduce"] as? String))
            let again = directory.appendingPathComponent("again.tar")
            let out = try #require(bundleArguments.firstIndex(of: "--out"))
            bundleArguments[out + 1] = again.path
            #expect(evident.run(bundleArguments).code == 0)
            #expect(try Data(contentsOf: again) == bytes)
        }
    }

    @Test func aMomentInTheFutureIsRefusedAndChangesNothing() throws {
        try withTemporaryDirectory { directory in
            let evident = Evident(directory: directory)
            try evident.populate()
            let key = directory.appendingPathComponent("key").path
            #expect(evident("key", "new", "--out", key).code == 0)
            let out = directory.appendingPathComponent("out")
            let before = try snapshot(ofHome: evident.home)
            for command in [
                ["status"], ["due"], ["report", "annual", "--year", "2026", "--out", out.path],
                ["bundle", "create", "--all", "--key", key, "--out", out.path],
            ] {
                let refused = evident.run(command + ["--as-recorded", "2026-06-15T10:00:01Z"])
                #expect(refused.code == 64, "\(command)")
                #expect(refused.err == "error: --as-recorded '2026-06-15T10:00:01Z': is in the future\n")
            }
            #expect(evident("status", "--as-recorded", "2026-06-15").code == 64)
            #expect(try snapshot(ofHome: evident.home) == before)
            #expect(!FileManager.default.fileExists(atPath: out.path))
        }
    }

    @Test func aMomentBeforeTheTrailStoredContentIsRefusedAndChangesNothing() throws {
        try withTemporaryDirectory { directory in
            var evident = Evident(directory: directory)
            evident.time = Date(timeIntervalSince1970: 1_796_083_200)  // 2026-12-01, after the archived home's events
            _ = try Fixtures.copy("homes/samples-v1", into: directory, as: evident.home.lastPathComponent)
            // Opening it stores the content of every record unchanged since its last event.
            #expect(evident("check").code == 0)
            let before = try snapshot(ofHome: evident.home)
            let out = directory.appendingPathComponent("out")
            for command in [["status"], ["report", "annual", "--year", "2026", "--out", out.path]] {
                let refused = evident.run(command + ["--as-recorded", "2026-11-30T13:06:22Z@45"])
                #expect(refused.code == 64, "\(command)")
                #expect(
                    refused.err
                        == "error: --as-recorded '2026-11-30T13:06:22Z@45': the audit trail holds no content of EVD-1"
                        + " as audit event 45 left it, which was recorded before evident stored content; moments from"
                        + " 2026-12-01T00:00:00Z@56 on can be rebuilt\n")
            }
            #expect(try snapshot(ofHome: evident.home) == before)
            #expect(!FileManager.default.fileExists(atPath: out.path))

            // Its last moment, the migration that gave evidence its parties (event 56, when it was opened; the
            // evidence changed then, so earlier moments have no stored content of it), is rebuilt: the verdicts
            // come out as the database gives them.
            let status = evident("status", "--as-of", "2026-11-30", "--json")
            let object = try #require(try status.json() as? [String: Any])
            let reproduce = try #require(object["reproduce"] as? String)
            #expect(reproduce.hasSuffix("--as-recorded 2026-12-01T00:00:00Z@56"))
            #expect(evident.run(try Self.arguments(reproduce)).out == status.out)
        }
    }

    @Test func printedCommandsQuoteWhatAShellWouldRead() {
        #expect(Reproduction.quoted("SOL-1") == "SOL-1")
        #expect(Reproduction.quoted("2026-06-15T10:00:00Z@7") == "2026-06-15T10:00:00Z@7")
        #expect(Reproduction.quoted("TastSelv Borger") == "'TastSelv Borger'")
        #expect(Reproduction.quoted("it's") == #"'it'\''s'"#)
        #expect(Reproduction.quoted("") == "''")
        #expect(Reproduction.quoted("Øresund") == "'Øresund'")
    }
}
