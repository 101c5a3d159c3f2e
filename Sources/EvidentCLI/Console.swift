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

    /// Writes a line to standard output, every character that could act on a terminal made visible.
    func out(_ line: String) {
        write(Printing.visible(line) + "\n")
    }

    /// Writes lines ended by `\n` or `\r\n` (help, CSV, SQL) to standard output, each made visible.
    func out(text: String) {
        write(Printing.visibleLines(text))
    }

    /// Writes fields separated by tabs to standard output, each made visible (tabs inside them too).
    func out(tabSeparated fields: [String]) {
        write(fields.map(Printing.visible).joined(separator: "\t") + "\n")
    }

    /// Writes text to standard output as it is.
    private func write(_ text: String) {
        if capturing {
            captured.withLock { $0.out += text }
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }

    /// Writes bytes to standard output as they are.
    func out(bytes: UnsafeRawBufferPointer) {
        if capturing {
            captured.withLock { $0.out += String(decoding: bytes, as: UTF8.self) }
        } else if let start = bytes.baseAddress {
            // Written where they lie: status hands over tens of megabytes.
            FileHandle.standardOutput.write(
                Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: start), count: bytes.count, deallocator: .none))
        }
    }

    /// Writes a line to standard error, every character that could act on a terminal made visible.
    func err(_ line: String) {
        let text = Printing.visible(line) + "\n"
        if capturing {
            captured.withLock { $0.err += text }
        } else {
            FileHandle.standardError.write(Data(text.utf8))
        }
    }

    /// The columns tables fit into: `COLUMNS` when set, else the terminal's width when standard output is one;
    /// nil (full lines) when it is piped or redirected.
    var width: Int? {
        if let columns = environment["COLUMNS"].flatMap({ Int($0) }), columns > 0 { return max(columns, 40) }
        guard !capturing, isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return max(Int(size.ws_col), 40)
    }

    /// What a capturing console has received so far.
    public var output: (out: String, err: String) {
        captured.withLock { $0 }
    }

    /// Prints a value as stable, pretty JSON with sorted keys; JSON escapes its own control characters, and the
    /// rest of the text is for scripts, so it is written as it is.
    func json(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        write(String(decoding: try encoder.encode(value), as: UTF8.self) + "\n")
    }
}
