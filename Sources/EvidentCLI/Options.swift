import ArgumentParser
import EvidentKit
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a command finds its registry: `--home`, else `$EVIDENT_HOME`, else `./.evident`.
protocol RegistryLocating {
    var home: String? { get }
}

extension RegistryLocating {
    var resolvedHome: Home {
        Home.resolve(option: home, environment: Console.current.environment)
    }

    /// Opens the registry, failing with how to create it when it does not exist.
    func openRegistry() throws -> Registry {
        try Registry.open(at: resolvedHome, clock: Console.current.clock)
    }
}

/// The options of a command that reads a registry.
struct HomeOptions: ParsableArguments, RegistryLocating {
    @Option(help: ArgumentHelp("The registry home (default: $EVIDENT_HOME, else ./.evident).", valueName: "dir"))
    var home: String?
}

/// The options of a command that changes a registry: its home and who makes the change.
struct ChangeOptions: ParsableArguments, RegistryLocating {
    @Option(help: ArgumentHelp("The registry home (default: $EVIDENT_HOME, else ./.evident).", valueName: "dir"))
    var home: String?

    @Option(
        help: ArgumentHelp(
            "Who makes the change, for the audit trail (default: $EVIDENT_ACTOR, else the OS user).", valueName: "name")
    )
    var actor: String?

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

/// The year a §4 evaluation covers and its reference date, shared by `report annual` and `evaluation`.
struct YearOptions: ParsableArguments {
    @Option(
        parsing: .unconditional, help: "The year evaluated, \(describe(Limits.years)).",
        transform: wholeNumber(in: Limits.years, unit: ""))
    var year: Int
    @Option(
        help: ArgumentHelp(
            "The reference date, a day in the year (default: 31 December, or today while the year runs).",
            valueName: "yyyy-mm-dd"),
        transform: parseDay)
    var asOf: Day?
}

/// A value an option could not take; ArgumentParser puts the option and the value in front.
struct ArgumentValueError: Error, CustomStringConvertible {
    let description: String
}

/// An option's value where an empty value (`--valid-until ''`) means "empty this field" on an edit.
enum Emptiable<Value: Sendable>: Sendable {
    case set(Value)
    case emptied

    /// The value given, or nil when it was emptied.
    var value: Value? { if case .set(let value) = self { value } else { nil } }
    /// Whether the option was given an empty value.
    var isEmptied: Bool { if case .emptied = self { true } else { false } }

    /// A transform that reads an empty value as `emptied` and any other with `parse`.
    static func parsing(_ parse: @escaping @Sendable (String) throws -> Value) -> @Sendable (String) throws -> Self {
        { text in text.isEmpty ? .emptied : .set(try parse(text)) }
    }
}

/// Parses a `YYYY-MM-DD` option value.
func parseDay(_ text: String) throws -> Day {
    do {
        return try Day(parsing: text)
    } catch {
        throw ArgumentValueError(description: error.reason.commandLine)
    }
}

/// Parses a whole-number option whose values lie in `range` of `unit`s (none when empty).
///
/// The Kit checks the range of every number it takes; a number too large for any range is refused here, with the
/// same words. The options take their value unconditionally, so that `--within -5` reaches the check instead of
/// reading `-5` as an option.
func wholeNumber(in range: ClosedRange<Int>, unit: String) -> @Sendable (String) throws -> Int {
    { text in
        if let value = Int(text) { return value }
        let digits = text.first == "-" || text.first == "+" ? text.dropFirst() : text[...]
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw ArgumentValueError(description: "expected a whole number")
        }
        throw ArgumentValueError(
            description: Limits.outside(range, below: text.first == "-", unit: unit).commandLine)
    }
}

/// `0 to 3650`, for help texts.
func describe(_ range: ClosedRange<Int>) -> String {
    "\(range.lowerBound) to \(range.upperBound)"
}

extension AuthorityKind: ExpressibleByArgument {}
extension SolutionKind: ExpressibleByArgument {}
extension Channel: ExpressibleByArgument {}
extension Audience: ExpressibleByArgument {}
extension ServiceCategory: ExpressibleByArgument {}
extension Route: ExpressibleByArgument {
    public static var allValueDescriptions: [String: String] {
        [
            "opt-out": "R1: the vendor's setting that stops its own-purpose use is switched on.",
            "agreement": "R2: an agreement forbids the vendor's own-purpose use.",
            "technically-necessary":
                "R3: a technical precondition or there for security; the vendor cannot use the data.",
            "none": "No route is claimed: non-compliant on a covered solution.",
        ]
    }
}
extension OwnPurposes: ExpressibleByArgument {}
extension EvidenceKind: ExpressibleByArgument {}
extension Outcome: ExpressibleByArgument {}

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

/// `--as-recorded TIME`: read the registry as the audit trail recorded it at a moment.
struct RecordedOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Read the registry as it was recorded at this time, rebuilt from the audit trail: every event up to"
                + " 2026-11-30T12:00:05Z, or up to one event recorded then, 2026-11-30T12:00:05Z@57.",
            valueName: "time"),
        transform: parseMoment)
    var asRecorded: RecordedMoment?

    /// The registry to read: as recorded at the moment, else as it is now, frozen so that every read and the
    /// recorded moment a report states see the same registry.
    func view(of registry: Registry) throws -> Registry {
        try asRecorded.map(registry.asRecorded) ?? registry.frozen()
    }
}

/// Parses an `--as-recorded` value.
func parseMoment(_ text: String) throws -> RecordedMoment {
    do {
        return try RecordedMoment(parsing: text)
    } catch {
        throw ArgumentValueError(description: error.reason.commandLine)
    }
}

/// How output states the recorded moment it was read at: the command that gives it again.
enum Reproduction {
    /// `evident` with `arguments` and the moment, quoted for a POSIX shell; nil while the trail is empty.
    static func command(_ arguments: [String], at moment: RecordedMoment?) -> String? {
        guard let moment else { return nil }
        return (["evident"] + arguments + ["--as-recorded", moment.description]).map(quoted).joined(separator: " ")
    }

    /// The line that says it, for people reading `words`.
    static func line(_ moment: RecordedMoment?, command: String?, words: ReportLanguage = .en) -> String {
        guard let moment, let command else {
            return words.pick(
                "Registreret: intet endnu, revisionssporet er tomt", "Recorded: nothing yet, the audit trail is empty")
        }
        let event = moment.event.map { words.pick(" (hændelse \($0) i revisionssporet)", " (audit event \($0))") } ?? ""
        return words.pick(
            "Registreret \(moment.at)\(event); gentag med: \(command)",
            "Recorded at \(moment.at)\(event); reproduce with: \(command)")
    }

    /// A word as a shell reads it back: as it is when it holds nothing the shell interprets, else in single quotes.
    static func quoted(_ word: String) -> String {
        let plain =
            !word.isEmpty && word.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "@%+=:,./_-".contains($0)) }
        return plain ? word : "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}
