import ArgumentParser
import EvidentKit

/// Runs evident the way the executable does: parse, run, and turn every error into one line and an exit code.
public enum EvidentMain {
    /// Exit code for input the user must correct (EX_USAGE).
    public static let usageExitCode: Int32 = 64

    public static func run(_ arguments: [String], console: Console = .standard) -> Int32 {
        Console.$current.withValue(console) {
            do {
                var command = try EvidentCommand.parseAsRoot(arguments)
                try command.run()
                return 0
            } catch {
                return report(error, console: console)
            }
        }
    }

    static func report(_ error: any Error, console: Console) -> Int32 {
        switch error {
        case let error as InputError:
            console.err("error: \(error)")
            return usageExitCode
        case let error as RegistryError:
            console.err("error: \(error)")
            return 1
        case let error as StoreError:
            console.err("error: \(error)")
            return 1
        default:
            let code = EvidentCommand.exitCode(for: error)
            if code == .success {
                // --help and --version: the full text is the point.
                console.out(EvidentCommand.fullMessage(for: error))
            } else {
                let message = EvidentCommand.message(for: error)
                if !message.isEmpty { console.err("error: \(message)") }
            }
            return code.rawValue
        }
    }
}
