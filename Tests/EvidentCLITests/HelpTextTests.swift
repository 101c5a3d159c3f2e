import ArgumentParser
import EvidentTestSupport
import Foundation
import Testing

@testable import EvidentCLI

/// Every command's `--help` as a person reads it, and the errors for command names evident does not know.
@Suite struct HelpTextTests {
    /// Every command, nested ones included, with its path.
    static let commands: [(path: String, type: any ParsableCommand.Type)] = {
        func walk(_ type: any ParsableCommand.Type, _ path: String) -> [(String, any ParsableCommand.Type)] {
            [(path, type)] + type.configuration.subcommands.flatMap { walk($0, path + " " + $0._commandName) }
        }
        return walk(EvidentCommand.self, "evident")
    }()

    @Test func everyCommandNamesItself() {
        for (path, type) in Self.commands {
            // Unnamed, ArgumentParser derives the name from the type's; `String(describing:)` of 44 types was
            // a quarter of status's startup.
            #expect(type.configuration.commandName != nil, "\(path) has no commandName")
        }
    }

    @Test func discussionsBreakLinesOnlyBetweenSentences() {
        for (path, type) in Self.commands {
            for line in type.configuration.discussion.split(separator: "\n") {
                // ArgumentParser keeps a discussion's line breaks, so one inside a sentence shows on the screen.
                #expect(".:?!".contains(line.last!), "\(path): '\(line)' ends mid-sentence")
            }
        }
    }

    @Test func optionsStateTheirDefaultAndValuesOnce() {
        for (path, type) in Self.commands {
            // Wide enough that each option's help is one line.
            let help = EvidentCommand.helpMessage(for: type, columns: 10_000)
            for line in help.split(separator: "\n") {
                let text = line.lowercased()
                #expect(text.components(separatedBy: "default").count <= 2, "\(path): default twice in '\(line)'")
                guard let range = text.range(of: "(values: ") else { continue }
                let values = text[range.upperBound...].prefix { $0 != ")" && $0 != ";" }.components(separatedBy: ", ")
                // Values are compared with whole words: `da` is no mention of itself in "Danish".
                let prose = Set(text[..<range.lowerBound].split(whereSeparator: { !$0.isLetter && $0 != "-" }))
                let named = values.filter { prose.contains(Substring($0)) }
                #expect(named.count < 2, "\(path): values listed twice in '\(line)'")
            }
        }
    }

    /// The options that take a path, and what they may show they take.
    static let pathOptions: [String: Set<String>] = [
        "--home": ["dir"], "--out": ["file", "dir", "file|dir"], "--to": ["dir"], "--key": ["file"],
        "--allowed-signers": ["file"],
    ]

    /// ArgumentParser shows an option's own name as its value (`--out <out>`) unless told what it takes.
    @Test func pathAndDateOptionsShowWhatTheyTakeNotTheirOwnName() throws {
        let placeholder = try Regex(#"(--[a-z-]+) <([^>]+)>"#)
        var seen: Set<String> = []
        for (path, type) in Self.commands {
            let help = EvidentCommand.helpMessage(for: type, columns: 10_000)
            for match in help.matches(of: placeholder) {
                let (option, value) = (String(help[match.output[1].range!]), String(help[match.output[2].range!]))
                seen.insert(option)
                if let allowed = Self.pathOptions[option] {
                    #expect(allowed.contains(value), "\(path): \(option) <\(value)>")
                } else if Self.takesAPath(option) {
                    #expect(option != "--" + value, "\(path): \(option) <\(value)>: say <file> or <dir>")
                }
                #expect(value != "date", "\(path): \(option) <date>: dates show <yyyy-mm-dd>")
            }
        }
        #expect(seen.isSuperset(of: Self.pathOptions.keys))
        #expect(seen.contains("--as-of") && seen.contains("--since"))
    }

    /// An option named like a path (`--out-dir`, `--signers-file`) that the table above does not know yet.
    static func takesAPath(_ option: String) -> Bool {
        !Set(option.split(separator: "-").map(String.init)).isDisjoint(with: [
            "file", "dir", "directory", "path", "out", "key", "signers", "to",
        ])
    }

    @Test func everyCommandPrintsItsHelpAlsoThroughHelp() throws {
        try withTemporaryDirectory { directory in
            let evident = Evident(directory: directory)
            for (path, _) in Self.commands {
                let arguments = Array(path.split(separator: " ").dropFirst().map(String.init))
                let help = evident.run(arguments + ["--help"])
                #expect(help.code == 0, "\(path)")
                #expect(help.out.hasPrefix("OVERVIEW: "), "\(path)")
                #expect(help.err.isEmpty, "\(path)")
                // The same help through `evident help`.
                #expect(evident.run(["help"] + arguments).out == help.out, "\(path)")
            }
        }
    }

    @Test(arguments: [
        (["help", "bogus"], "unknown command 'bogus' (known: init, authority,"),
        (["stauts"], "unknown command 'stauts'; did you mean 'status'?"),
        (["--home", "x", "evidnce", "list"], "unknown command 'evidnce'; did you mean 'evidence'?"),
        (["evidence", "lst"], "unknown command 'evidence lst'; did you mean 'evidence list'?"),
        (["help", "bundle", "verfy"], "unknown command 'bundle verfy'; did you mean 'bundle verify'?"),
        (["sett"], "unknown command 'sett'; did you mean 'settings'?"),
    ])
    func anUnknownCommandIsAnErrorNamingItAndTheClosestKnownOne(_ arguments: [String], _ message: String) throws {
        try withTemporaryDirectory { directory in
            let result = Evident(directory: directory).run(arguments)
            #expect(result.code == 64)
            #expect(result.out.isEmpty)
            #expect(result.err.hasPrefix("error: " + message), "\(result.err)")
            #expect(result.err.split(separator: "\n").count == 1)
        }
    }
}
