import EvidentTestSupport
import Foundation
import Testing

/// Bundles made and read by the built program while other processes change the same files.
@Suite struct BundleProcessTests {
    /// A home with one large document, a key and its allowed_signers file, in `directory`.
    struct Setup {
        let evident: Binary
        let key: String
        let signers: String

        init(in directory: URL, mib: Int) throws {
            evident = Binary(home: directory.appendingPathComponent("home"))
            try #require(try evident("init").code == 0)
            try evident("authority", "add", "--name", "Skattestyrelsen", "--cvr", "13748136", "--kind", "state")
            try evident("vendor", "add", "--name", "Vendor", "--country", "DK")
            try evident(
                "solution", "add", "--name", "Solution", "--kind", "self-service", "--channel", "web", "--url",
                "https://example.dk", "--audience", "citizens", "--mandatory", "--owner", "AUT-1")
            try evident(
                "service", "add", "--vendor", "VEN-1", "--name", "Service", "--category", "cdn", "--host",
                "cdn.example.com")
            try evident(
                "usage", "add", "--solution", "SOL-1", "--service", "SVC-1", "--since", "2024-01-01", "--route",
                "agreement",
                "--vendor-own-purposes", "no")
            let document = directory.appendingPathComponent("large.bin")
            var bytes = [UInt8](repeating: 0, count: mib << 20)
            for index in stride(from: 0, to: bytes.count, by: 512) {
                bytes[index] = UInt8(truncatingIfNeeded: index >> 9)
            }
            try Data(bytes).write(to: document)
            let filed = try evident(
                "evidence", "add", document.path, "--kind", "other", "--title", "Large", "--covers", "VEN-1", "--party",
                "AUT-1")
            try #require(filed.code == 0, "\(filed.err)")
            try FileManager.default.removeItem(at: document)
            key = directory.appendingPathComponent("key").path
            let made = try evident("key", "new", "--out", key, "--identity", "ops@skat.dk")
            try #require(made.code == 0)
            signers = directory.appendingPathComponent("allowed_signers").path
            try made.out.write(toFile: signers, atomically: true, encoding: .utf8)
        }

        func create(_ out: String, sealTime: String = "2026-06-30T12:00:00Z") throws -> Process {
            try start(["bundle", "create", "--all", "--key", key, "--out", out, "--seal-time", sealTime])
        }

        func start(_ arguments: [String]) throws -> Process {
            let process = Process()
            process.executableURL = try Binary.url
            process.arguments = arguments
            process.environment = ["EVIDENT_HOME": evident.home.path, "PATH": "/usr/bin:/bin"]
            (process.standardOutput, process.standardError) = (Pipe(), Pipe())
            try process.run()
            return process
        }
    }

    /// Waits for `process` to exit and returns its exit code, standard output and standard error.
    static func finish(_ process: Process) -> Run {
        let out = (process.standardOutput as! Pipe).fileHandleForReading.readDataToEndOfFile()
        let err = (process.standardError as! Pipe).fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            code: process.terminationReason == .uncaughtSignal
                ? 128 + process.terminationStatus : process.terminationStatus,
            out: String(decoding: out, as: UTF8.self), err: String(decoding: err, as: UTF8.self))
    }

    /// How far `process` has read `path`, as /proc shows its open files; nil while it does not have it open.
    static func position(_ process: Process, _ path: String) -> Int64? {
        let proc = "/proc/\(process.processIdentifier)"
        for fd in (try? FileManager.default.contentsOfDirectory(atPath: "\(proc)/fd")) ?? []
        where (try? FileManager.default.destinationOfSymbolicLink(atPath: "\(proc)/fd/\(fd)")) == path {
            let info = (try? String(contentsOfFile: "\(proc)/fdinfo/\(fd)", encoding: .utf8)) ?? ""
            return info.split(separator: "\n").first { $0.hasPrefix("pos:") }
                .flatMap { Int64($0.dropFirst(4).trimmingCharacters(in: .whitespaces)) } ?? 0
        }
        return nil
    }

    @Test(arguments: ["verify", "extract"])
    func aBundleTruncatedWhileItIsReadIsAnErrorNotACrash(_ command: String) throws {
        try withTemporaryDirectory { directory in
            let setup = try Setup(in: directory, mib: 256)
            let bundle = directory.appendingPathComponent("EB.tar").path
            #expect(Self.finish(try setup.create(bundle)).code == 0)
            let target = directory.appendingPathComponent("out").path
            let arguments =
                command == "verify"
                ? ["bundle", "verify", bundle, "--allowed-signers", setup.signers]
                : ["bundle", "extract", bundle, "--to", target, "--allowed-signers", setup.signers]
            let reader = try setup.start(arguments)
            // Truncated once the reader has started reading the bundle (a reader that maps the file moves no
            // position: then 20 ms after it opened it), long before it can have read 256 MiB.
            var opened: Date?
            while reader.isRunning {
                if let position = Self.position(reader, bundle) {
                    opened = opened ?? Date()
                    if position > 0 || Date().timeIntervalSince(opened!) > 0.02 { break }
                }
                usleep(100)
            }
            try #require(reader.isRunning, "the reader ended before the bundle could be truncated")
            #expect(truncate(bundle, 8 << 20) == 0)
            let result = Self.finish(reader)
            #expect(result.code == 1, "\(result.err)")
            #expect((result.out + result.err).contains("changed while it was being read"), "\(result.out)\(result.err)")
            #expect(((try? FileManager.default.contentsOfDirectory(atPath: target)) ?? []).isEmpty)
        }
    }

    @Test func twoCreatesOfTheSameBundleAtOnceLeaveAValidBundle() throws {
        try withTemporaryDirectory { directory in
            let setup = try Setup(in: directory, mib: 128)
            let bundle = directory.appendingPathComponent("EB.tar").path
            // Different seal times make different bytes, so that a mix of the two cannot pass for either.
            let seals = ["2026-06-30T12:00:00Z", "2026-07-01T12:00:00Z"]
            let creates = try seals.map { seal in try setup.create(bundle, sealTime: seal) }
            for result in creates.map(Self.finish) {
                #expect(result.code == 0, "\(result.err)")
            }
            let verified = try setup.evident("bundle", "verify", bundle, "--allowed-signers", setup.signers, "--json")
            #expect(verified.code == 0, "\(verified.out)")
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: directory.path).filter {
                    $0.hasPrefix("EB") || $0.hasPrefix(".evident-")
                } == ["EB.tar"])
        }
    }
}
