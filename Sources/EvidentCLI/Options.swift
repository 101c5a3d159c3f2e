import ArgumentParser
import EvidentKit
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The options every command that touches a registry takes.
struct HomeOptions: ParsableArguments {
    @Option(help: "The registry home (default: $EVIDENT_HOME, else ./.evident).")
    var home: String?

    @Option(help: "Who makes the change, for the audit trail (default: $EVIDENT_ACTOR, else the OS user).")
    var actor: String?

    var resolvedHome: Home {
        Home.resolve(option: home, environment: Console.current.environment)
    }

    /// Opens the registry, failing with how to create it when it does not exist.
    func openRegistry() throws -> Registry {
        try Registry.open(at: resolvedHome, clock: Console.current.clock)
    }

    /// The audit context of a change made by `command`.
    func change(_ command: String) -> ChangeContext {
        let environment = Console.current.environment
        let who =
            [actor, environment["EVIDENT_ACTOR"]].compactMap { $0 }.first { !$0.isEmpty }
            ?? getpwuid(geteuid()).map { String(cString: $0.pointee.pw_name) } ?? "uid \(geteuid())"
        return ChangeContext(actor: who, command: command)
    }
}

/// `--json` for commands that can print for scripts.
struct OutputOptions: ParsableArguments {
    @Flag(help: "Print stable JSON (described in schema/) instead of text.")
    var json = false
}

/// A value an option could not take; ArgumentParser puts the option and the value in front.
struct ArgumentValueError: Error, CustomStringConvertible {
    let description: String
}

/// Parses a `YYYY-MM-DD` option value.
func parseDay(_ text: String) throws -> Day {
    do {
        return try Day(parsing: text)
    } catch {
        throw ArgumentValueError(description: error.reason.commandLine)
    }
}

extension AuthorityKind: ExpressibleByArgument {}
extension SolutionKind: ExpressibleByArgument {}
extension Channel: ExpressibleByArgument {}
extension Audience: ExpressibleByArgument {}
extension ServiceCategory: ExpressibleByArgument {}
extension Route: ExpressibleByArgument {}
extension OwnPurposes: ExpressibleByArgument {}
extension EvidenceKind: ExpressibleByArgument {}

/// `--mandatory` or `--optional`: whether citizens must use the solution (§2 S2).
enum Obligation: String, EnumerableFlag {
    case mandatory, optional

    static func help(for value: Obligation) -> ArgumentHelp? {
        switch value {
        case .mandatory: "Citizens must use it: their primary channel to the authority (§2 S2)."
        case .optional: "An optional channel (§2 S2 fails)."
        }
    }
}
