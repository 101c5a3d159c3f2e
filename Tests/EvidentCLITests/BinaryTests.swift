import EvidentTestSupport
import Foundation
import Testing

/// Runs the built `evident` executable as a user would, in its own process.
struct Binary {
    /// The executable next to the test bundle, built by `swift build`/`swift test`.
    static var url: URL {
        get throws {
            let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            let url = directory.appendingPathComponent("evident")
            try #require(FileManager.default.isExecutableFile(atPath: url.path), "build the evident executable first")
            return url
        }
    }

    let home: URL

    /// A new home with one authority (AUT-1) and one vendor (VEN-1), enough to file evidence into.
    static func withAuthorityAndVendor(in directory: URL) throws -> Binary {
        let evident = Binary(home: directory.appendingPathComponent("home"))
        #expect(try evident("init").code == 0)
        try evident("authority", "add", "--name", "Skattestyrelsen", "--cvr", "13748136", "--kind", "state")
        try evident("vendor", "add", "--name", "Google Ireland", "--country", "IE")
        return evident
    }

    @discardableResult
    func callAsFunction(_ arguments: String...) throws -> Run {
        try tool(try Binary.url.path, arguments, environment: ["EVIDENT_HOME": home.path, "EVIDENT_ACTOR": "e2e"])
    }

    /// Starts a shell running `commands` one after another against this home, stopping at the first that fails.
    ///
    /// Each command is a separate evident process, so the writes of several scripts really interleave.
    func startScript(_ commands: [String]) throws -> Script {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", commands.map { $0 + " || exit 1" }.joined(separator: "\n")]
        process.environment = ["EVIDENT_HOME": home.path]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return Script(process: process, err: err)
    }

    /// A shell script started by `startScript`.
    struct Script {
        let process: Process
        let err: Pipe

        var isRunning: Bool { process.isRunning }

        /// Waits for the script to end; returns its exit status and what it wrote to standard error.
        func finish() -> (status: Int32, err: String) {
            let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationStatus, message)
        }
    }
}

@Suite struct BinaryTests {
    @Test func aUserFilesEvidenceWithTheBuiltProgram() throws {
        try withTemporaryDirectory { directory in
            let evident = Binary(home: directory.appendingPathComponent("home"))
            #expect(try evident("authority", "list").code == 1)
            #expect(try evident("init").code == 0)
            #expect(
                try evident("authority", "add", "--name", "Rigspolitiet", "--cvr", "10213231", "--kind", "state").out
                    == "Added AUT-1 Rigspolitiet\n")
            let refused = try evident("authority", "add", "--name", "X", "--cvr", "10213232", "--kind", "state")
            #expect(refused.code == 64)
            #expect(
                refused.err == "error: --cvr '10213232': not a valid CVR number (8 digits, first not 0, mod-11 check)\n"
            )
            try evident("vendor", "add", "--name", "Vimeo", "--country", "US")
            try evident(
                "service", "add", "--vendor", "Vimeo", "--name", "Vimeo Player", "--category", "video", "--host",
                "player.vimeo.com")
            let pdf = try Fixtures.copy("agreement.pdf", into: directory)
            let filed = try evident(
                "evidence", "add", pdf, "--kind", "agreement", "--title", "Vimeo DPA", "--covers", "SVC-1", "--party",
                "AUT-1", "--signed", "2025-02-01", "--json")
            #expect(filed.code == 0)
            let info = try #require(try JSONSerialization.jsonObject(with: Data(filed.out.utf8)) as? [String: Any])
            #expect(info["id"] as? String == "EVD-1")
            #expect(
                try evident("evidence", "get", "EVD-1").out
                    == String(decoding: try Data(contentsOf: URL(fileURLWithPath: pdf)), as: UTF8.self))
            #expect(try evident("evidence", "list").out.contains("Vimeo DPA"))
            #expect(try evident("--help").out.contains("evident init"))
        }
    }

    /// Without `--out` a document that is not text goes to a pipe, never to a terminal (as `curl` refuses).
    @Test func getRefusesToWriteADocumentToATerminalButNotToAPipe() throws {
        try withTemporaryDirectory { directory in
            let evident = try Binary.withAuthorityAndVendor(in: directory)
            let pdf = try Fixtures.copy("agreement.pdf", into: directory)
            let filed = try evident(
                "evidence", "add", pdf, "--kind", "agreement", "--title", "DPA", "--covers", "VEN-1", "--party",
                "AUT-1", "--clause", "5.2")
            try #require(filed.code == 0, "\(filed.err)")
            let piped = try evident("evidence", "get", "EVD-1")
            #expect(piped.code == 0)
            #expect(piped.out == String(decoding: try Data(contentsOf: URL(fileURLWithPath: pdf)), as: UTF8.self))

            // script(1) runs the command with a pseudo-terminal as its standard output and error.
            let command = [try Binary.url.path, "evidence", "get", "EVD-1"].map { "'\($0)'" }
            let onTerminal = try tool(
                "script", ["-qec", command.joined(separator: " "), "/dev/null"],
                environment: ["EVIDENT_HOME": evident.home.path])
            #expect(onTerminal.code == 1)
            #expect(
                onTerminal.out.contains(
                    "error: refusing to write application/pdf to a terminal: give --out FILE or DIR/, or pipe the output"
                ), "\(onTerminal.out)")
            #expect(!onTerminal.out.contains("%PDF"))
        }
    }

    /// Runs one of the repository's crash scripts against the built binary; returns its exit status and output.
    static func crashScript(_ name: String, kills: Int, environment: [String: String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = Fixtures.repositoryRoot.appendingPathComponent("scripts/\(name)")
        process.arguments = ["\(kills)", try Binary.url.path]
        process.environment = environment.merging(["PATH": "/usr/bin:/bin"]) { $1 }
        let out = Pipe()
        (process.standardOutput, process.standardError) = (out, out)
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    @Test func killedFilingsLeaveTheRegistryConsistent() throws {
        let (status, output) = try Self.crashScript("crash-test", kills: 6, environment: ["EVIDENT_CRASH_MIB": "8"])
        #expect(status == 0, "\(output)")
        #expect(output.contains("check --deep clean after every kill"))
    }

    /// An import killed at any moment leaves the registry as it was or wholly imported, and `check --deep` clean.
    @Test func killedImportsLeaveTheRegistryAsItWasOrWhole() throws {
        let (status, output) = try Self.crashScript(
            "crash-test-import", kills: 5, environment: ["EVIDENT_CRASH_ROWS": "500"])
        #expect(status == 0, "\(output)")
        #expect(output.contains("check --deep clean after every kill"))
    }

    /// An intake killed at any moment leaves every bundle received or none, and `check --deep` clean.
    @Test func killedIntakesLeaveEveryBundleReceivedOrNone() throws {
        let (status, output) = try Self.crashScript(
            "crash-test-intake", kills: 4, environment: ["EVIDENT_CRASH_BUNDLES": "3", "EVIDENT_CRASH_MIB": "1"])
        #expect(status == 0, "\(output)")
        #expect(output.contains("check --deep clean after every kill"))
    }

    @Test func processesWritingAtTheSameTimeAllSucceed() throws {
        try withTemporaryDirectory { directory in
            let evident = try Binary.withAuthorityAndVendor(in: directory)
            let writers = 4
            let filings = 50
            var files: [[String]] = []
            for writer in 0..<writers {
                files.append(
                    try (0..<filings).map { index in
                        let path = directory.appendingPathComponent("note-\(writer)-\(index).txt")
                        try Data("Note \(writer)/\(index)\n".utf8).write(to: path)
                        return path.path
                    })
            }
            let scripts = try (0..<writers).map { writer in
                try evident.startScript(
                    files[writer].map { path in
                        "'\(try Binary.url.path)' evidence add '\(path)' --kind other --title 'Note \(path.suffix(12))' --covers VEN-1 --party AUT-1"
                    })
            }
            for script in scripts {
                let (status, message) = script.finish()
                #expect(status == 0)
                #expect(message.isEmpty, "\(message)")
            }
            let list = try evident("evidence", "list", "--json")
            let array = try #require(try JSONSerialization.jsonObject(with: Data(list.out.utf8)) as? [Any])
            #expect(array.count == writers * filings)
            #expect(storedObjects(inHome: evident.home).count == writers * filings)
            let check = try evident("check", "--deep")
            #expect(check.code == 0, "\(check.out)")
        }
    }
}
