import EvidentCLI
import EvidentTestSupport
import Foundation
import Testing

/// What one in-process run of `evident` printed and returned.
struct Run {
    let code: Int32
    let out: String
    let err: String

    /// The standard output parsed as JSON.
    func json() throws -> Any {
        try JSONSerialization.jsonObject(with: Data(out.utf8))
    }
}

/// Runs commands in-process against one temp home, with a fixed clock and a private environment.
struct Evident {
    static let now = Date(timeIntervalSince1970: 1_781_517_600)  // 2026-06-15T10:00:00Z
    let directory: URL
    /// The time the commands see: every event they append is recorded at it.
    var time = Evident.now

    var home: URL { directory.appendingPathComponent("home") }

    @discardableResult
    func callAsFunction(_ arguments: String...) -> Run {
        run(arguments)
    }

    func run(_ arguments: [String], environment: [String: String] = [:]) -> Run {
        let binary = directory.appendingPathComponent("stdout-\(UUID().uuidString).bin")
        _ = FileManager.default.createFile(atPath: binary.path, contents: nil)
        let handle = try! FileHandle(forWritingTo: binary)
        defer { try? FileManager.default.removeItem(at: binary) }
        let time = self.time
        let console = Console(
            environment: ["EVIDENT_HOME": home.path, "EVIDENT_ACTOR": "tester"].merging(environment) { $1 },
            binaryOutput: handle.fileDescriptor, capture: true, clock: { time })
        let code = EvidentMain.run(arguments, console: console)
        try? handle.close()
        let bytes = (try? Data(contentsOf: binary)) ?? Data()
        let (out, err) = console.output
        return Run(code: code, out: out + String(decoding: bytes, as: UTF8.self), err: err)
    }

    /// A fixture copied into this test's directory.
    func fixture(_ name: String, as newName: String? = nil) throws -> String {
        try Fixtures.copy(name, into: directory, as: newName)
    }

    /// A home loaded with `samples/load` through the built binary, which shows every verdict.
    static func samples(in directory: URL) throws -> Evident {
        let evident = Evident(directory: directory)
        let process = Process()
        process.executableURL = Fixtures.repositoryRoot.appendingPathComponent("samples/load")
        process.arguments = ["--home", evident.home.path, try Binary.url.path]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        return evident
    }

    /// A home with one record of every kind and two services of one vendor (`Google` is ambiguous).
    func populate() throws {
        let steps: [[String]] = [
            ["init"],
            ["authority", "add", "--name", "Skattestyrelsen", "--cvr", "13748136", "--kind", "state"],
            [
                "solution", "add", "--name", "TastSelv Borger", "--kind", "self-service", "--channel", "web", "--url",
                "https://www.skat.dk/tastselv", "--audience", "citizens", "--mandatory", "--mandated-by",
                "Skattekontrolloven", "--owner", "Skattestyrelsen:responsible",
            ],
            [
                "vendor", "add", "--name", "Google Ireland", "--country", "IE", "--vat", "IE6388047V", "--website",
                "https://www.google.com",
            ],
            [
                "service", "add", "--vendor", "Google Ireland", "--name", "Google Analytics", "--category",
                "statistics",
                "--host", "*.google-analytics.com", "www.googletagmanager.com", "--cookie", "_ga", "_gid",
            ],
            [
                "service", "add", "--vendor", "VEN-1", "--name", "Google Fonts", "--category", "fonts", "--host",
                "fonts.googleapis.com",
            ],
            [
                "usage", "add", "--solution", "TastSelv", "--service", "Google Analytics", "--since", "2024-01-01",
                "--route", "agreement", "--vendor-own-purposes", "no",
            ],
            [
                "evidence", "add", try fixture("agreement.pdf"), "--kind", "data-processing-agreement", "--title",
                "Google Ads Data Processing Terms", "--covers", "USE-1", "VEN-1", "--party", "AUT-1", "--signed",
                "2025-01-01",
                "--valid-until", "2027-12-31", "--notice-days", "90", "--clause", "Section 5.2",
            ],
        ]
        for step in steps {
            let result = run(step)
            guard result.code == 0 else {
                throw CocoaError(
                    .featureUnsupported, userInfo: ["step": step.joined(separator: " "), "err": result.err])
            }
        }
    }
}

/// Runs another program (a name on PATH, or a path) and collects its exit code and output.
func tool(
    _ name: String, _ arguments: [String], in directory: URL? = nil, input: URL? = nil,
    environment: [String: String]? = nil
) throws -> Run {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [name] + arguments
    if let directory { process.currentDirectoryURL = directory }
    if let input { process.standardInput = try FileHandle(forReadingFrom: input) }
    if let environment { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
    let (out, err) = (Pipe(), Pipe())
    (process.standardOutput, process.standardError) = (out, err)
    try process.run()
    let output = out.fileHandleForReading.readDataToEndOfFile()
    let error = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(
        code: process.terminationStatus, out: String(decoding: output, as: UTF8.self),
        err: String(decoding: error, as: UTF8.self))
}
