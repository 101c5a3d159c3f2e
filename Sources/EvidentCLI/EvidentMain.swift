import ArgumentParser
import EvidentKit
import Foundation

/// Runs evident the way the executable does: parse, run, and turn every error into one line and an exit code.
public enum EvidentMain {
    /// Exit code for input the user must correct (EX_USAGE).
    public static let usageExitCode: Int32 = 64

    public static func run(_ arguments: [String], console: Console = .standard) -> Int32 {
        Console.$current.withValue(console) {
            do {
                var command = try EvidentCommand.parseAsRoot(try GlobalOptions.reordered(arguments))
                try command.run()
                return 0
            } catch {
                return report(error, console: console)
            }
        }
    }

    /// Folds ArgumentParser's bulleted lists of allowed values into the first line.
    static func oneLine(_ message: String) -> String {
        let lines = message.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
        }
        guard let first = lines.first else { return "" }
        let rest = lines.dropFirst().map { $0.hasPrefix("- ") ? String($0.dropFirst(2)) : $0 }
        return rest.isEmpty ? first : first + " " + rest.joined(separator: ", ")
    }

    static func report(_ error: any Error, console: Console) -> Int32 {
        switch error {
        case let error as InputError:
            console.err("error: \(error.message.commandLine)")
            return usageExitCode
        case RegistryError.homeMissing(let path):
            console.err(
                "error: \(error): create one with 'evident init --home \(path)'"
                    + " (or choose another with --home or EVIDENT_HOME)")
            return 1
        case let error as UnknownCommand:
            console.err("error: \(error)")
            return usageExitCode
        case let error as any UserFacingError:
            console.err("error: \(error.message.commandLine)")
            return 1
        default:
            let code = EvidentCommand.exitCode(for: error)
            if code == .success {
                // --help and --version: the full text is the point.
                console.out(text: EvidentCommand.fullMessage(for: error) + "\n")
            } else {
                let message = oneLine(EvidentCommand.message(for: error))
                if !message.isEmpty { console.err("error: \(message)") }
            }
            return code.rawValue
        }
    }
}
