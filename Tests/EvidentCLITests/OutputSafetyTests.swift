import EvidentTestSupport
import Foundation
import Testing

/// What evident prints for people cannot act on a terminal, names and titles have a length limit, and
/// `evidence get` writes every document it is asked for without overwriting what is there.
@Suite struct OutputSafetyTests {
    /// A file name that retitles a terminal, rings its bell and reverses the text after it.
    static let hostileName = "\u{1B}]0;pwned\u{7}report\u{202E}fdp.txt"
    static let visibleName = #"\u{1B}]0;pwned\u{7}report\u{202E}fdp.txt"#

    /// Whether `text` holds a character that acts on a terminal, other than the line ends given.
    static func actsOnTerminal(_ text: String, allowing allowed: Set<Unicode.Scalar> = ["\n"]) -> Bool {
        text.unicodeScalars.contains { scalar in
            !allowed.contains(scalar)
                && [.control, .format, .lineSeparator, .paragraphSeparator].contains(scalar.properties.generalCategory)
        }
    }

    /// A populated home with evidence filed from a hostile file name, under a title and a vendor name with
    /// bidirectional isolates and overrides.
    func hostileHome(in directory: URL) throws -> Evident {
        let evident = Evident(directory: directory)
        try evident.populate()
        let file = directory.appendingPathComponent(Self.hostileName)
        try Data("notes\n".utf8).write(to: file)
        let steps: [[String]] = [
            [
                "evidence", "add", file.path, "--kind", "other", "--title", "Notes \u{2066}tpircs\u{2069}", "--covers",
                "USE-1", "--signed", "2026-01-01", "--valid-until", "2026-07-01",
            ],
            ["vendor", "edit", "VEN-1", "--name", "Google \u{202E}dnalerI"],
        ]
        for step in steps {
            let result = evident.run(step)
            try #require(result.code == 0, "\(step): \(result.err)")
        }
        return evident
    }

    struct Output: Sendable, CustomTestStringConvertible {
        let arguments: [String]
        /// What the output must show, made visible.
        let shows: [String]
        var onError = false
        var csv = false

        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let outputs: [Output] = [
        Output(arguments: ["evidence", "show", "EVD-2"], shows: [visibleName, #"Notes \u{2066}tpircs\u{2069}"#]),
        Output(arguments: ["evidence", "list"], shows: [#"Notes \u{2066}tpircs\u{2069}"#]),
        Output(arguments: ["vendor", "list"], shows: [#"Google \u{202E}dnalerI"#]),
        Output(arguments: ["vendor", "show", "VEN-1"], shows: [#"Google \u{202E}dnalerI"#]),
        Output(arguments: ["service", "list"], shows: [#"Google \u{202E}dnalerI"#]),
        Output(arguments: ["due", "--within", "365"], shows: [#"Notes \u{2066}tpircs\u{2069}"#]),
        Output(arguments: ["status", "--csv"], shows: [#"Google \u{202E}dnalerI"#], csv: true),
        Output(arguments: ["evidence", "get", "EVD-2", "--file", "\u{1B}[2J"], shows: [#"\u{1B}[2J"#], onError: true),
        Output(arguments: ["vendor", "show", "\u{1B}]0;x\u{7}"], shows: [#"\u{1B}]0;x\u{7}"#], onError: true),
        Output(arguments: ["vendor", "show", "a\nb"], shows: [#"a\u{A}b"#], onError: true),
        Output(arguments: ["--bogus\u{1B}[31m"], shows: [#"--bogus\u{1B}[31m"#], onError: true),
        Output(
            arguments: ["authority", "add", "--name", "X", "--cvr", "1\u{202E}2", "--kind", "state"],
            shows: [#"1\u{202E}2"#], onError: true),
    ]

    @Test(arguments: outputs)
    func charactersThatActOnATerminalAreMadeVisible(_ output: Output) throws {
        try withTemporaryDirectory { directory in
            let evident = try hostileHome(in: directory)
            let result = evident.run(output.arguments)
            let text = output.onError ? result.err : result.out
            #expect(!Self.actsOnTerminal(result.out + result.err, allowing: output.csv ? ["\n", "\r"] : ["\n"]))
            for shown in output.shows {
                #expect(text.contains(shown), "'\(shown)' missing from \(text)")
            }
            if output.onError && result.code != 0 {
                #expect(result.err.split(separator: "\n").count == 1, "\(result.err)")
            }
        }
    }

    @Test func jsonKeepsTheCharactersForScripts() throws {
        try withTemporaryDirectory { directory in
            let evident = try hostileHome(in: directory)
            let result = evident("evidence", "show", "EVD-2", "--json")
            #expect(result.code == 0)
            let json = try #require(try result.json() as? [String: Any])
            let files = try #require(json["files"] as? [[String: Any]])
            #expect(files.first?["name"] as? String == Self.hostileName)
            #expect(json["title"] as? String == "Notes \u{2066}tpircs\u{2069}")
        }
    }

    @Test func namesAndTitlesHaveALengthLimit() throws {
        try withTemporaryDirectory { directory in
            let evident = Evident(directory: directory)
            try evident.populate()
            let file = try evident.fixture("notes.txt")
            let title = ["evidence", "add", file, "--kind", "other", "--covers", "USE-1", "--title"]
            let cases: [(arguments: [String], value: String, limit: Int)] = [
                (title, String(repeating: "t", count: 300), 300),
                (["vendor", "add", "--country", "DK", "--name"], String(repeating: "v", count: 200), 200),
                (["vendor", "edit", "VEN-1", "--name"], String(repeating: "æ", count: 200), 200),
            ]
            for (arguments, value, limit) in cases {
                let before = try snapshot(ofHome: evident.home)
                let long = evident.run(arguments + [value + "x"])
                #expect(long.code == 64, "\(long.err)")
                #expect(long.err.split(separator: "\n").count == 1)
                #expect(
                    long.err.contains("is \(limit + 1) characters long; at most \(limit) are allowed"), "\(long.err)")
                #expect(long.err.count < 200, "\(long.err)")
                #expect(try snapshot(ofHome: evident.home) == before)
                #expect(evident.run(arguments + [value]).code == 0)
            }
        }
    }

    @Test func aDocumentWithANameAsLongAsAFileNameCanBeWrittenBack() throws {
        try withTemporaryDirectory { directory in
            let evident = Evident(directory: directory)
            try evident.populate()
            let name = String(repeating: "n", count: 251 - 4) + ".txt"
            let file = directory.appendingPathComponent(name)
            try Data("long\n".utf8).write(to: file)
            let filed = evident("evidence", "add", file.path, "--kind", "other", "--title", "Long", "--covers", "USE-1")
            try #require(filed.code == 0, "\(filed.err)")

            let folder = directory.appendingPathComponent("folder")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let intoFolder = evident("evidence", "get", "EVD-2", "--out", folder.path)
            #expect(intoFolder.code == 0, "\(intoFolder.err)")
            let written = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            #expect(written == [String(repeating: "n", count: 116) + ".txt"])

            let full = folder.appendingPathComponent(name)
            let asNamed = evident("evidence", "get", "EVD-2", "--out", full.path)
            #expect(asNamed.code == 0, "\(asNamed.err)")
            #expect(try Data(contentsOf: full) == Data("long\n".utf8))
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).count == 2)
        }
    }

    @Test func documentsWithTheSameSafeNameAreBothWrittenAndNothingIsOverwrittenWithoutForce() throws {
        try withTemporaryDirectory { directory in
            let evident = Evident(directory: directory)
            try evident.populate()
            var files: [String] = []
            for (folder, name, text) in [
                ("a", "scan.txt", "first\n"), ("b", "scan.txt", "second\n"), ("c", "Scan.txt", "third\n"),
            ] {
                let url = directory.appendingPathComponent(folder).appendingPathComponent(name)
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
                files.append(url.path)
            }
            let filed = evident.run(
                ["evidence", "add"] + files + ["--kind", "other", "--title", "Scans", "--covers", "USE-1"])
            try #require(filed.code == 0, "\(filed.err)")

            let out = directory.appendingPathComponent("out")
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            let first = evident("evidence", "get", "EVD-2", "--out", out.path)
            #expect(first.code == 0, "\(first.err)")
            let expected = ["scan.txt": "first\n", "scan-2.txt": "second\n", "Scan-3.txt": "third\n"]
            #expect(Set(try FileManager.default.contentsOfDirectory(atPath: out.path)) == Set(expected.keys))
            for (name, text) in expected {
                #expect(try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8) == text)
            }

            // The second document alone keeps its number.
            try FileManager.default.removeItem(at: out.appendingPathComponent("scan-2.txt"))
            try Data("mine\n".utf8).write(to: out.appendingPathComponent("scan.txt"))
            let second = evident("evidence", "get", "EVD-2", "--out", out.path)
            #expect(second.code == 1)
            #expect(
                second.err
                    == "error: '\(out.appendingPathComponent("scan.txt").path)' already exists; give --force to overwrite it\n"
            )
            #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("scan-2.txt").path))
            #expect(try String(contentsOf: out.appendingPathComponent("scan.txt"), encoding: .utf8) == "mine\n")
            #expect(evident("evidence", "get", "EVD-2", "--file", "2", "--out", out.path).code == 0)
            #expect(try String(contentsOf: out.appendingPathComponent("scan-2.txt"), encoding: .utf8) == "second\n")

            let single = out.appendingPathComponent("scan.txt").path
            #expect(evident("evidence", "get", "EVD-2", "--file", "1", "--out", single).code == 1)
            #expect(try String(contentsOfFile: single, encoding: .utf8) == "mine\n")
            #expect(evident("evidence", "get", "EVD-2", "--out", out.path, "--force").code == 0)
            #expect(try String(contentsOfFile: single, encoding: .utf8) == "first\n")
            #expect(evident("evidence", "get", "EVD-2", "--file", "3", "--out", single, "--force").code == 0)
            #expect(try String(contentsOfFile: single, encoding: .utf8) == "third\n")
            #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).allSatisfy { !$0.hasPrefix(".") })
        }
    }
}
