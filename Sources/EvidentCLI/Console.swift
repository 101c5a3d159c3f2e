import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a command writes, what environment it sees and what time it thinks it is.
///
/// The real program uses the process's; tests run commands in-process with a
/// capturing console, so no command touches global state directly.
public final class Console: Sendable {
    @TaskLocal public static var current = Console.standard

    /// The process's own streams, environment and clock.
    public static let standard = Console(
        environment: ProcessInfo.processInfo.environment, binaryOutput: STDOUT_FILENO, capture: false)

    public let environment: [String: String]
    /// The descriptor raw bytes (such as `evidence get` without `--out`) are written to.
    public let binaryOutput: Int32
    let clock: @Sendable () -> Date
    private let capturing: Bool
    private let captured = Mutex<(out: String, err: String)>(("", ""))

    public init(
        environment: [String: String], binaryOutput: Int32, capture: Bool,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.environment = environment
        self.binaryOutput = binaryOutput
        self.clock = clock
        self.capturing = capture
    }

    /// Writes a line to standard output.
    func out(_ text: String, terminator: String = "\n") {
        if capturing {
            captured.withLock { $0.out += text + terminator }
        } else {
            FileHandle.standardOutput.write(Data((text + terminator).utf8))
        }
    }

    /// Writes bytes to standard output as they are.
    func out(bytes: [UInt8]) {
        if capturing {
            captured.withLock { $0.out += String(decoding: bytes, as: UTF8.self) }
        } else {
            bytes.withUnsafeBytes { buffer in FileHandle.standardOutput.write(Data(buffer)) }
        }
    }

    /// Writes a line to standard error.
    func err(_ text: String) {
        if capturing {
            captured.withLock { $0.err += text + "\n" }
        } else {
            FileHandle.standardError.write(Data((text + "\n").utf8))
        }
    }

    /// What a capturing console has received so far.
    public var output: (out: String, err: String) {
        captured.withLock { $0 }
    }

    /// Prints a value as stable, pretty JSON with sorted keys.
    func json(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        out(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}
