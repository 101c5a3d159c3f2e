import ArgumentParser
import EvidentKit
import EvidentTestSupport
import Foundation
import Testing

@testable import EvidentCLI

/// The command line spells the registry's fields as its own flags, and prints the registry's errors with them.
@Suite struct FlagTests {
    /// The help of every command, nested ones included.
    static func helpTexts(_ command: any ParsableCommand.Type = EvidentCommand.self) -> [String] {
        [EvidentCommand.helpMessage(for: command, columns: 1000)]
            + command.configuration.subcommands.flatMap { helpTexts($0) }
    }

    @Test func everyFieldIsSpelledAsAnOptionSomeCommandTakes() {
        let help = Self.helpTexts().joined(separator: "\n")
        for field in Field.allCases where field.flag.hasPrefix("--") {
            #expect(help.contains(Regex<Substring>(verbatim: field.flag + " <")), "\(field) as \(field.flag)")
        }
        #expect(Set(Field.allCases.map(\.flag)).count == Field.allCases.count)
    }

    @Test func theRegistrysErrorsArePrintedWithFlags() throws {
        try withTemporaryDirectory { directory in
            let evident = Evident(directory: directory)
            let missing = evident("due")
            #expect(missing.code == 1)
            #expect(
                missing.err
                    == "error: no registry at \(evident.home.path): create one with 'evident init --home"
                    + " \(evident.home.path)' (or choose another with --home or EVIDENT_HOME)\n")
            try evident.populate()
            let refusals: [([String], code: Int32, err: String)] = [
                (["status", "--window=-1"], 64, "--window '-1': must be 0 or more (0 to 3650 days)"),
                (["due", "--within=-1"], 64, "--within '-1': must be 0 or more (0 to 3650 days)"),
                (
                    ["key", "new", "--out", directory.appendingPathComponent("k").path, "--identity", "two words"], 64,
                    "--identity 'two words': must be one word such as compliance@agency.dk"
                ),
                (
                    ["evidence", "edit", "EVD-1", "--valid-from", "2028-01-01"], 64,
                    "--valid-until '2027-12-31': is before --valid-from 2028-01-01"
                ),
                (
                    ["evidence", "edit", "EVD-1", "--captured", "2025-01-01"], 64,
                    "--captured '2025-01-01': give --captured or --signed, not both"
                ),
                (["evidence", "get", "EVD-1", "--file", "2"], 64, "--file '2': EVD-1 has no such file (it has 1)"),
                (["vendor", "show", "VEN-9"], 1, "vendor 'VEN-9': no vendor with that id or name"),
                (
                    ["settings", "warning-days", "4000"], 64,
                    "warning-days '4000': must be 3650 or less (0 to 3650 days)"
                ),
                (
                    ["status", "--as-recorded", "2030-01-01T00:00:00Z"], 64,
                    "--as-recorded '2030-01-01T00:00:00Z': is in the future"
                ),
            ]
            for (arguments, code, err) in refusals {
                let result = evident.run(arguments)
                #expect(result.code == code, "\(arguments)")
                #expect(result.err == "error: \(err)\n", "\(arguments)")
            }
        }
    }
}
