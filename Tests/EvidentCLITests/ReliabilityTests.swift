import EvidentTestSupport
import Foundation
import GRDB
import Testing

/// The registry file is only ever created by `init`, a copy on read-only media can be audited, and `check` can
/// run while others file.
@Suite struct ReliabilityTests {
    /// What can be found where a registry should be, made in `home`.
    struct BrokenFile: Sendable, CustomTestStringConvertible {
        let name: String
        let make: @Sendable (URL) throws -> Void
        var testDescription: String { name }
    }

    static let brokenFiles: [BrokenFile] = [
        BrokenFile(name: "an empty file") { home in
            try Data().write(to: home.appendingPathComponent("registry.sqlite"))
        },
        BrokenFile(name: "no file in the home") { _ in },
        BrokenFile(name: "a text file") { home in
            try Data("these are my notes\n".utf8).write(to: home.appendingPathComponent("registry.sqlite"))
        },
        BrokenFile(name: "another program's SQLite database") { home in
            let queue = try DatabaseQueue(path: home.appendingPathComponent("registry.sqlite").path)
            try queue.write { db in
                try db.execute(sql: "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('mine')")
            }
            try queue.close()
        },
    ]

    static let commands: [[String]] = [
        ["status", "--fail-on", "missing-evidence"], ["authority", "list"], ["check"], ["log"], ["due"],
        ["authority", "add", "--name", "Rigspolitiet", "--cvr", "10213231", "--kind", "state"],
        ["settings", "warning-days", "30"],
    ]

    /// Every file in the home with its bytes.
    static func contents(of home: URL) throws -> [String: Data] {
        var contents: [String: Data] = [:]
        for name in try FileManager.default.subpathsOfDirectory(atPath: home.path) {
            let url = home.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            contents[name] = isDirectory.boolValue ? Data() : try Data(contentsOf: url)
        }
        return contents
    }

    @Test(arguments: brokenFiles)
    func onlyInitCreatesARegistry(_ broken: BrokenFile) throws {
        try withTemporaryDirectory { directory in
            let evident = Evident(directory: directory)
            try FileManager.default.createDirectory(at: evident.home, withIntermediateDirectories: true)
            try broken.make(evident.home)
            let before = try Self.contents(of: evident.home)
            for command in Self.commands {
                let run = evident.run(command)
                #expect(run.code == 1, "\(command): \(run.out)")
                #expect(run.out.isEmpty, "\(command)")
                #expect(run.err.hasPrefix("error: "), "\(command): \(run.err)")
                #expect(run.err.filter { $0 == "\n" }.count == 1, "\(command): \(run.err)")
                #expect(run.err.contains("registry"), "\(command): \(run.err)")
                #expect(try Self.contents(of: evident.home) == before, "\(command) changed the home")
            }
        }
    }

    /// Runs the built evident with `home` bind-mounted read-only over itself, in a mount namespace of its own,
    /// so that not even root can write there.
    static func readOnly(_ home: URL, _ arguments: [String], program: String? = nil) throws -> Run {
        let script = "mount --bind \"$1\" \"$1\" && mount -o remount,bind,ro \"$1\" \"$1\" && shift && exec \"$@\""
        return try tool(
            "unshare", ["-m", "sh", "-c", script, "sh", home.path, try program ?? Binary.url.path] + arguments,
            environment: ["EVIDENT_HOME": home.path, "EVIDENT_ACTOR": "auditor"])
    }

    enum CopyState: String, CaseIterable, Sendable {
        /// Copied after SQLite folded its write-ahead log into the database: the database alone.
        case checkpointed
        /// Copied with the write-ahead log and shared-memory files a running registry has beside it.
        case withWAL
    }

    @Test(arguments: CopyState.allCases)
    func anAuditorReadsACopyOnReadOnlyMedia(_ state: CopyState) throws {
        try withTemporaryDirectory { directory in
            let evident = try Evident.samples(in: directory)
            let binary = try Binary.url.path
            func original(_ command: [String]) throws -> Run {
                try tool(binary, command, environment: ["EVIDENT_HOME": evident.home.path, "EVIDENT_ACTOR": "auditor"])
            }
            let copy = directory.appendingPathComponent("copy")
            try FileManager.default.copyItem(at: evident.home, to: copy)
            let database = copy.appendingPathComponent("registry.sqlite").path
            switch state {
            case .checkpointed:
                let queue = try DatabaseQueue(path: database)
                try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
                try queue.close()
                for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }
            case .withWAL:
                // A registry in use keeps its log: a read that has just ended leaves both files behind.
                let queue = try DatabasePool(path: database)
                try queue.write { try $0.execute(sql: "CREATE TABLE IF NOT EXISTS x (y); DROP TABLE x") }
                #expect(FileManager.default.fileExists(atPath: database + "-wal"))
                #expect(FileManager.default.fileExists(atPath: database + "-shm"))
                try Data(contentsOf: URL(fileURLWithPath: database + "-wal")).write(
                    to: directory.appendingPathComponent("wal"))
                try Data(contentsOf: URL(fileURLWithPath: database + "-shm")).write(
                    to: directory.appendingPathComponent("shm"))
                try queue.close()
                // Closing folds the log in; put the files back as a copy taken while it ran has them.
                try Data(contentsOf: directory.appendingPathComponent("wal")).write(
                    to: URL(fileURLWithPath: database + "-wal"))
                try Data(contentsOf: directory.appendingPathComponent("shm")).write(
                    to: URL(fileURLWithPath: database + "-shm"))
            }
            // The mount really is read-only, for root too.
            #expect(
                try Self.readOnly(copy, [copy.appendingPathComponent("x").path], program: "/usr/bin/touch").code != 0)
            let before = try Self.contents(of: copy)
            let out = directory.appendingPathComponent("out")
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            #expect(try original(["key", "new", "--out", out.appendingPathComponent("key").path]).code == 0)
            let commands: [[String]] = [
                ["status", "--as-of", "2026-11-30"], ["solution", "show", "SOL-1"], ["evidence", "list"],
                ["vendor", "list"], ["log"], ["check"], ["check", "--deep"], ["due", "--from", "2026-11-30"],
                [
                    "report", "annual", "--year", "2026", "--as-of", "2026-11-30", "--out",
                    out.appendingPathComponent("report").path,
                ],
                ["evidence", "get", "EVD-1", "--out", out.appendingPathComponent("evd-1").path],
                [
                    "bundle", "create", "--solution", "SOL-1", "--as-of", "2026-11-30", "--seal-time",
                    "2026-11-30T12:00:00Z", "--key", out.appendingPathComponent("key").path, "--out",
                    out.appendingPathComponent("EB.tar").path,
                ],
            ]
            for command in commands {
                let run = try Self.readOnly(copy, command)
                #expect(run.code == 0, "\(command): \(run.err)")
                #expect(!run.err.contains("error"), "\(command): \(run.err)")
                if !["report", "bundle", "evidence", "key"].contains(command[0]) || command[1] == "list" {
                    #expect(run.out == (try original(command)).out, "\(command)")
                }
            }
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("EB.tar").path))
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("report/report.html").path))
            let refused = try Self.readOnly(
                copy, ["authority", "add", "--name", "X", "--cvr", "10213231", "--kind", "state"])
            #expect(refused.code == 1)
            #expect(refused.err.contains("read-only"), "\(refused.err)")
            #expect(try Self.contents(of: copy) == before)

            // A filing that died before its commit left an object no row names; check cannot remove it there, so
            // it reports it, and leaves it.
            let orphan = copy.appendingPathComponent("objects/sha256/ab/" + String(repeating: "c", count: 62))
            try FileManager.default.createDirectory(
                at: orphan.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("left by a dead filing".utf8).write(to: orphan)
            let pending = copy.appendingPathComponent("objects/pending")
            try FileManager.default.createDirectory(at: pending, withIntermediateDirectories: true)
            try Data(("ab" + String(repeating: "c", count: 62) + "\n").utf8).write(
                to: pending.appendingPathComponent("dead.intent"))
            let check = try Self.readOnly(copy, ["check"])
            #expect(check.code == 1)
            #expect(check.out.hasPrefix("object-orphan\tab" + String(repeating: "c", count: 62)), "\(check.out)")
            #expect(FileManager.default.fileExists(atPath: orphan.path))
        }
    }

    /// A copy whose log holds changes but lacks the shared-memory file SQLite needs to read it cannot be read
    /// exactly on read-only media: refused, saying what to copy.
    @Test func aReadOnlyCopyWithAnUnreadableLogIsRefused() throws {
        try withTemporaryDirectory { directory in
            let evident = Evident(directory: directory)
            try evident.populate()
            let database = evident.home.appendingPathComponent("registry.sqlite").path
            let pool = try DatabasePool(path: database)
            try pool.write { try $0.execute(sql: "CREATE TABLE IF NOT EXISTS x (y); DROP TABLE x") }
            let log = try Data(contentsOf: URL(fileURLWithPath: database + "-wal"))
            try pool.close()
            try? FileManager.default.removeItem(atPath: database + "-shm")
            try log.write(to: URL(fileURLWithPath: database + "-wal"))
            #expect(!log.isEmpty)
            let before = try Self.contents(of: evident.home)
            let run = try Self.readOnly(evident.home, ["status"])
            #expect(run.code == 1)
            #expect(run.err.hasPrefix("error: ") && run.err.contains("-shm"), "\(run.err)")
            #expect(try Self.contents(of: evident.home) == before)
        }
    }

    /// Six processes file while `check` runs again and again, from a PID namespace of its own (where none of the
    /// filers' process ids exist): it must report no orphan and delete nothing a live filing owns.
    @Test func checkWhileOthersFile() throws {
        try withTemporaryDirectory { directory in
            let evident = try Binary.withAuthorityAndVendor(in: directory)
            let writers = 6
            let filings = 6
            let binary = try Binary.url.path
            let scripts = try (0..<writers).map { writer in
                try evident.startScript(
                    try (0..<filings).map { index in
                        // Large enough that streaming and placing take a while.
                        let path = directory.appendingPathComponent("doc-\(writer)-\(index).txt")
                        try Data(String(repeating: "Document \(writer)/\(index)\n", count: 200_000).utf8).write(
                            to: path)
                        return
                            "'\(binary)' evidence add '\(path.path)' --kind other --title 'Doc \(writer)/\(index)' --covers VEN-1 --party AUT-1"
                    })
            }
            var checks = 0
            var failures: [String] = []
            while scripts.contains(where: \.isRunning) {
                let run = try tool(
                    "unshare", ["--pid", "--fork", binary, "check"], environment: ["EVIDENT_HOME": evident.home.path])
                checks += 1
                if run.code != 0 { failures.append(run.out + run.err) }
            }
            for script in scripts {
                let (status, message) = script.finish()
                #expect(status == 0, "\(message)")
                #expect(message.isEmpty, "\(message)")
            }
            #expect(checks > 3)
            #expect(failures.isEmpty, "\(failures.count) of \(checks) checks failed: \(failures.prefix(3))")
            #expect(storedObjects(inHome: evident.home).count == writers * filings)
            let final = try evident("check", "--deep")
            #expect(final.code == 0, "\(final.out)")
        }
    }
}
