import EvidentTestSupport
import Foundation
import Testing

@Suite struct CommandTests {
    /// Every read command, with its JSON shape.
    static let readCommands: [([String], isList: Bool)] = [
        (["authority", "list"], true), (["authority", "show", "AUT-1"], false),
        (["solution", "list"], true), (["solution", "show", "tastselv"], false),
        (["vendor", "list"], true), (["vendor", "show", "Google Ireland"], false),
        (["service", "list"], true), (["service", "show", "Google Fonts"], false),
        (["usage", "list"], true), (["usage", "show", "USE-1"], false),
        (["evidence", "list"], true), (["evidence", "show", "EVD-1"], false),
    ]

    @Test(arguments: readCommands)
    func readCommandsPrintTextAndJSON(_ command: [String], _ isList: Bool) throws {
        try withTemporaryDirectory { directory in
            let evident = Evident(directory: directory)
            try evident.populate()
            let text = evident.run(command)
            #expect(text.code == 0)
            #expect(text.err.isEmpty)
            #expect(text.out.contains(isList ? "ID" : "ID:"))
            let json = evident.run(command + ["--json"])
            #expect(json.code == 0)
            let parsed = try json.json()
            if isList {
                let array = try #require(parsed as? [[String: Any]])
                #expect(!array.isEmpty)
                #expect(array.allSatisfy { $0["id"] is String })
            } else {
                let object = try #require(parsed as? [String: Any])
                #expect((object["id"] as? String)?.contains("-") == true)
            }
        }
    }

    @Test func addPrintsTheNewIdAndJSONOnRequest() throws {
        try withTemporaryDirectory { directory in
            let evident = Evident(directory: directory)
            try evident.populate()
            let text = evident("authority", "add", "--name", "Rigspolitiet", "--cvr", "10213231", "--kind", "state")
            #expect(text.out == "Added AUT-2 Rigspolitiet\n")
            let json = evident(
                "vendor", "add", "--name", "Vimeo", "--country", "us", "--website", "https://vimeo.com", "--json")
            let object = try #require(try json.json() as? [String: Any])
            #expect(object["id"] as? String == "VEN-2")
            #expect(object["country"] as? String == "US")
        }
    }

    @Test func showsEvidenceWithItsFilesAndDates() throws {
        try withTemporaryDirectory { directory in
            let evident = Evident(directory: directory)
            try evident.populate()
            let object = try #require(try evident("evidence", "show", "EVD-1", "--json").json() as? [String: Any])
            #expect(object["covers"] as? [String] == ["USE-1", "VEN-1"])
            #expect(object["signed"] as? String == "2025-01-01")
            #expect(object["clause"] as? String == "Section 5.2")
            #expect(object["filedBy"] as? String == "tester")
            #expect(object["filedAt"] as? String == "2026-06-15T10:00:00Z")
            let files = try #require(object["files"] as? [[String: Any]])
            #expect(files.first?["mediaType"] as? String == "application/pdf")
            #expect(files.first?["name"] as? String == "agreement.pdf")
        }
    }

    @Test func editsEveryKind() throws {
        try withTemporaryDirectory { directory in
            let evident = Evident(directory: directory)
            try evident.populate()
            #expect(evident("authority", "edit", "AUT-1", "--name", "SKAT").out == "Changed AUT-1 SKAT\n")
            #expect(evident("solution", "edit", "SOL-1", "--optional").code == 0)
            #expect(evident("solution", "show", "SOL-1").out.contains("Mandatory:   no"))
            #expect(evident("solution", "edit", "SOL-1", "--channel", "app", "--app-id", "dk.skat.app").code == 0)
            let solution = try #require(try evident("solution", "show", "SOL-1", "--json").json() as? [String: Any])
            #expect(solution["appId"] as? String == "dk.skat.app")
            #expect(solution["url"] == nil)
            #expect(evident("vendor", "edit", "VEN-1", "--website", "").code == 0)
            #expect(!evident("vendor", "show", "VEN-1").out.contains("Website"))
            #expect(
                evident("service", "edit", "SVC-2", "--host", "fonts.gstatic.com", "fonts.googleapis.com").code == 0)
            #expect(evident("service", "show", "SVC-2").out.contains("fonts.gstatic.com fonts.googleapis.com"))
            #expect(evident("usage", "edit", "USE-1", "--until", "2026-12-31", "--route", "opt-out").code == 0)
            #expect(evident("usage", "show", "USE-1").out.contains("Until:               2026-12-31"))
            #expect(evident("evidence", "edit", "EVD-1", "--review-by", "2026-10-01").code == 0)
            let evidence = try #require(try evident("evidence", "show", "EVD-1", "--json").json() as? [String: Any])
            #expect(evidence["reviewBy"] as? String == "2026-10-01")
        }
    }

    @Test func removesWhatNothingDependsOnAndRefusesTheRest() throws {
        try withTemporaryDirectory { directory in
            let evident = Evident(directory: directory)
            try evident.populate()
            let refused = evident("vendor", "remove", "VEN-1")
            #expect(refused.code == 1)
            #expect(refused.err == "error: VEN-1 cannot be removed: SVC-1, SVC-2, EVD-1 still refer to it\n")
            #expect(evident("service", "remove", "Google Fonts").out == "Removed SVC-2\n")
            let withdrawn = evident("evidence", "remove", "EVD-1", "--reason", "replaced")
            #expect(withdrawn.out == "Withdrew EVD-1 Google Ads Data Processing Terms\n")
            #expect(evident("evidence", "list").out.contains("withdrawn"))
        }
    }

    @Test func getWritesTheStoredBytesBack() throws {
        try withTemporaryDirectory { directory in
            let evident = Evident(directory: directory)
            try evident.populate()
            let original = try Data(contentsOf: Fixtures.directory.appendingPathComponent("agreement.pdf"))
            let out = directory.appendingPathComponent("copy.pdf")
            #expect(evident("evidence", "get", "EVD-1", "--out", out.path).code == 0)
            #expect(try Data(contentsOf: out) == original)
            #expect(evident("evidence", "get", "EVD-1").out == String(decoding: original, as: UTF8.self))
            let folder = directory.appendingPathComponent("folder")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            #expect(evident("evidence", "get", "EVD-1", "--out", folder.path).code == 0)
            #expect(try Data(contentsOf: folder.appendingPathComponent("agreement.pdf")) == original)
        }
    }

    /// `--out FILE` and `--out DIR/` both name what they wrote; a directory that does not exist writes nothing.
    @Test func getNamesWhatItWroteAndRefusesADirectoryThatDoesNotExist() throws {
        try withTemporaryDirectory { directory in
            let evident = Evident(directory: directory)
            try evident.populate()
            let file = directory.appendingPathComponent("copy.pdf").path
            let toFile = evident("evidence", "get", "EVD-1", "--out", file)
            #expect(toFile.code == 0)
            #expect(toFile.out == "")
            #expect(toFile.err == "Wrote \(file)\n")
            let folder = directory.appendingPathComponent("folder").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
            for given in [folder, folder + "/"] {
                let toFolder = evident("evidence", "get", "EVD-1", "--out", given, "--force")
                #expect(toFolder.code == 0)
                #expect(toFolder.err == "Wrote \(folder)/agreement.pdf\n", "\(given)")
            }

            let before = try FileManager.default.subpathsOfDirectory(atPath: directory.path).sorted()
            let missing = directory.appendingPathComponent("missing").path
            for (given, named) in [(missing + "/", missing + "/"), (missing + "/copy.pdf", missing)] {
                let refused = evident("evidence", "get", "EVD-1", "--out", given)
                #expect(refused.code == 1)
                #expect(refused.out == "")
                #expect(refused.err == "error: directory '\(named)' does not exist; nothing was written\n")
            }
            #expect(try FileManager.default.subpathsOfDirectory(atPath: directory.path).sorted() == before)
        }
    }

    @Test func theSameDocumentFiledTwiceIsStoredOnce() throws {
        try withTemporaryDirectory { directory in
            let evident = Evident(directory: directory)
            try evident.populate()
            let again = evident(
                "evidence", "add", try evident.fixture("agreement.pdf", as: "copy.pdf"), "--kind", "agreement",
                "--title", "Copy", "--covers", "SVC-1", "--party", "AUT-1")
            #expect(again.code == 0)
            #expect(storedObjects(inHome: evident.home).count == 1)
            #expect(evident("evidence", "list", "--json").out.components(separatedBy: "\"sha256\"").count == 3)
        }
    }

    @Test func everyCommandHasHelp() throws {
        try withTemporaryDirectory { directory in
            let evident = Evident(directory: directory)
            for group in ["authority", "solution", "vendor", "service", "usage", "evidence"] {
                for command in ["add", "list", "show", "edit", "remove"] {
                    let help = evident.run([group, command, "--help"])
                    #expect(help.code == 0)
                    #expect(help.out.contains("USAGE: evident \(group) \(command)"))
                }
            }
            #expect(evident("--help").out.contains("SUBCOMMANDS"))
        }
    }

    @Test func aMissingHomeSaysHowToCreateIt() throws {
        try withTemporaryDirectory { directory in
            let evident = Evident(directory: directory)
            let result = evident("authority", "list")
            #expect(result.code == 1)
            #expect(result.err.contains("evident init"))
            #expect(!FileManager.default.fileExists(atPath: evident.home.path))
        }
    }
}
