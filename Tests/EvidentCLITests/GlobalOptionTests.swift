import EvidentTestSupport
import Foundation
import Testing

/// `--home`, `--json` and `--actor` before the command name or after it.
@Suite struct GlobalOptionTests {
    @Test func optionsBeforeTheCommandNameWorkAsAfterIt() throws {
        try withTemporaryDirectory { directory in
            let evident = Evident(directory: directory)
            try evident.populate()
            // The environment names another home, so only --home can find this one.
            let elsewhere = ["EVIDENT_HOME": directory.appendingPathComponent("nowhere").path]
            let before = evident.run(
                ["--home", evident.home.path, "status", "--as-of", "2026-06-15"], environment: elsewhere)
            let after = evident.run(
                ["status", "--as-of", "2026-06-15", "--home", evident.home.path], environment: elsewhere)
            #expect(before.code == 0, "\(before.err)")
            #expect(before.out == after.out)
            let equals = evident.run(
                ["--home=\(evident.home.path)", "--json", "evidence", "list"], environment: elsewhere)
            #expect(equals.code == 0, "\(equals.err)")
            #expect(try equals.json() is [[String: Any]])
            // Between the names of a nested command too.
            let between = evident.run(["authority", "--json", "list"])
            #expect(try between.json() is [[String: Any]])
        }
    }

    @Test func actorIsTakenBeforeTheNameOfACommandThatChangesSomething() throws {
        try withTemporaryDirectory { directory in
            let evident = Evident(directory: directory)
            try evident.populate()
            let added = evident.run([
                "--actor", "jens", "vendor", "add", "--name", "Hotjar", "--country", "MT", "--vat", "MT20753123",
            ])
            #expect(added.code == 0, "\(added.err)")
            let log = try #require(evident.run(["log", "--json"]).json() as? [[String: Any]])
            #expect(log.last?["actor"] as? String == "jens")
        }
    }

    @Test func actorIsRefusedAndNotShownWhereNothingChanges() throws {
        try withTemporaryDirectory { directory in
            let evident = Evident(directory: directory)
            try evident.populate()
            for command in [["--actor", "jens", "status"], ["evidence", "list", "--actor", "jens"]] {
                let refused = evident.run(command)
                #expect(refused.code == 64)
                #expect(refused.err.contains("'--actor'"), "\(refused.err)")
                #expect(refused.out.isEmpty)
            }
            for command in [["status"], ["due"], ["evidence", "list"], ["log"], ["check"], ["bundle", "create"]] {
                let help = evident.run(command + ["--help"])
                #expect(help.code == 0)
                #expect(!help.out.contains("--actor"), "\(command)")
            }
            for command in [["vendor", "add"], ["evidence", "edit"], ["settings"], ["import"]] {
                #expect(evident.run(command + ["--help"]).out.contains("--actor"), "\(command)")
            }
        }
    }
}
