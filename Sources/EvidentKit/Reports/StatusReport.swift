import Dispatch
import Foundation
import Synchronization

/// What `evident status` prints for scripts, as JSON (`schema/status.schema.json`) or CSV.
///
/// The reference date, the totals, every solution's scope and one verdict per usage.
public struct StatusReport: Sendable, Encodable, Equatable {
    /// The format of this JSON, which `metadata/evaluation.json` in a bundle also has.
    static let currentFormat = "evident-evaluation/2"

    /// The format of this JSON, `evident-evaluation/2`.
    public let format: String
    /// The reference date of the verdicts.
    public let asOf: Day
    /// The version of the rules the verdicts were made under.
    public let rulesVersion: RulesVersion
    /// The warning window the verdicts were made with, in days.
    public let warningDays: Int
    /// How many verdicts have each outcome, by name; every outcome is present.
    public let totals: [String: Int]
    /// Every solution considered, with its §2 scope.
    public let solutions: [Evaluation.SolutionScope]
    /// One verdict per usage active on the reference date.
    public let verdicts: [Verdict]
    /// The last audit event the verdicts' registry includes; nil while the trail is empty.
    public let recorded: RecordedMoment?
    /// The command that gives these verdicts again, when the caller states one.
    public let reproduce: String?

    /// The report on an evaluation, with the recorded moment it read and the command that gives it again.
    public init(_ evaluation: Evaluation, recorded: RecordedMoment? = nil, reproduce: String? = nil) {
        self.recorded = recorded
        self.reproduce = reproduce
        format = Self.currentFormat
        asOf = evaluation.asOf
        rulesVersion = evaluation.rules
        warningDays = evaluation.policy.warningDays
        totals = evaluation.totals
        solutions = evaluation.solutions
        verdicts = evaluation.verdicts
    }

    /// The report as pretty JSON with sorted keys, the same as `JSONEncoder` would write, only faster.
    func json() -> [UInt8] {
        var bytes: [UInt8] = []
        writeJSON { bytes.append(contentsOf: $0) }
        return bytes
    }

    /// Writes the report as JSON in pieces of a few megabytes, so that memory does not grow with the output; each
    /// piece is valid only during the call that hands it over.
    public func writeJSON(to output: (UnsafeRawBufferPointer) -> Void) {
        var writer = JSONWriter()
        writer.beginObject()
        writer.field("asOf", asOf)
        writer.field("format", format)
        if let recorded {
            writer.key("recorded")
            writer.beginObject()
            writer.field("at", recorded.at)
            if let event = recorded.event {
                writer.key("event")
                writer.int(Int(event))
            }
            writer.endObject()
        }
        writer.field("reproduce", reproduce)
        writer.key("rulesVersion")
        writer.int(rulesVersion.rawValue)
        writer.key("solutions")
        writer.beginArray()
        for solution in solutions {
            writer.beginObject()
            writer.field("authorities", ids: solution.authorities)
            writer.key("covered")
            writer.bool(solution.covered)
            writer.key("failures")
            writer.beginArray()
            for failure in solution.failures {
                writer.beginObject()
                writer.field("condition", failure.condition.rawValue)
                writer.field("reason", failure.reason)
                writer.endObject()
            }
            writer.endArray()
            writer.field("id", solution.id)
            writer.field("kind", solution.kind.rawValue)
            writer.field("name", solution.name)
            writer.endObject()
        }
        writer.endArray()
        writer.key("totals")
        writer.beginObject()
        for (name, count) in totals.sorted(by: { $0.key < $1.key }) {
            writer.key(text: name)
            writer.int(count)
        }
        writer.endObject()
        writer.key("verdicts")
        writer.beginArray()
        writeVerdicts(&writer, to: output)
        writer.endArray()
        writer.key("warningDays")
        writer.int(warningDays)
        writer.endObject()
        writer.finish(into: output)
    }

    /// Writes the verdicts a block at a time, the block's pieces on every core at once, each into a writer of its
    /// own, and hands them to `output` in order: writing a verdict's kilobyte of JSON costs about as much as
    /// judging it, and memory holds one block, whatever the number of verdicts.
    private func writeVerdicts(_ writer: inout JSONWriter, to output: (UnsafeRawBufferPointer) -> Void) {
        // Pieces large enough that waking another thread costs little beside writing one.
        let piece = 4096
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        var start = 0
        while start < verdicts.count {
            writer.drain(atLeast: 0, into: output)
            let (position, blockStart) = (writer.position, start)
            let pieces = min(cores, (verdicts.count - start + piece - 1) / piece)
            let written = Mutex([[UInt8]](repeating: [], count: pieces))
            DispatchQueue.concurrentPerform(iterations: pieces) { index in
                let lower = blockStart + index * piece
                var branch = JSONWriter(at: position, capacity: piece * 1200)
                if index > 0 { branch.position.first = false }
                var words = ReasonWords()
                // Written where they lie: a copy of each verdict cost a twentieth of writing them.
                for at in lower..<min(lower + piece, verdicts.count) {
                    verdicts[at].write(to: &branch, reusing: &words)
                }
                let bytes = branch.take()
                written.withLock { $0[index] = bytes }
            }
            written.withLock { $0.forEach { $0.withUnsafeBytes(output) } }
            writer.position.first = false
            start += pieces * piece
        }
    }

    static let csvHeader = [
        "usage", "solution", "solution_name", "service", "service_name", "vendor", "vendor_name", "route",
        "vendor_own_purposes", "verdict", "rule", "evidence", "lapses", "reason",
    ]

    /// One CSV row per verdict, under `csvHeader`.
    public func csv() -> String {
        CSV.render(
            Self.csvHeader,
            verdicts.map { verdict in
                [
                    verdict.usage.description, verdict.solution.description, verdict.solutionName,
                    verdict.service.description, verdict.serviceName, verdict.vendor.description, verdict.vendorName,
                    verdict.route.rawValue, verdict.vendorOwnPurposes.rawValue, verdict.outcome.rawValue,
                    verdict.rule, verdict.evidence.map(\.description).joined(separator: " "),
                    verdict.lapses?.description ?? "", verdict.reason,
                ]
            })
    }
}

extension Verdict {
    /// Writes the verdict as `JSONEncoder` would, keys sorted, with its reason's words from `words` (the same as the
    /// verdict before's, often).
    func write(to writer: inout JSONWriter, reusing words: inout ReasonWords) {
        writer.beginObject()
        writer.field("authorities", ids: authorities)
        writer.field("evidence", ids: evidence)
        writer.key("explanation")
        explanation.write(to: &writer)
        writer.field("lapses", lapses)
        writer.field("outcome", outcome.rawValue)
        writer.field("reason", words.text(of: self))
        writer.field("route", route.rawValue)
        writer.field("rule", rule)
        writer.field("service", service)
        writer.field("serviceName", serviceName)
        writer.field("solution", solution)
        writer.field("solutionName", solutionName)
        writer.field("usage", usage)
        writer.field("vendor", vendor)
        writer.field("vendorName", vendorName)
        writer.field("vendorOwnPurposes", vendorOwnPurposes.rawValue)
        writer.endObject()
    }
}

extension Reason {
    /// Writes the reason as `JSONEncoder` would, keys sorted.
    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("code", code)
        switch self {
        case .noRoute, .noRouteProven, .ownPurposesUnknown: break
        case .ownPurposes(let route): writer.field("route", route.rawValue)
        case .noEvidence(let kinds):
            writer.key("kinds")
            writer.beginArray()
            for kind in kinds { writer.string(kind.rawValue) }
            writer.endArray()
        case .evidenceFails(let problems):
            writer.key("problems")
            writer.beginArray()
            for problem in problems {
                writer.beginObject()
                writer.field("day", problem.day)
                writer.field("evidence", problem.evidence)
                writer.field("kind", problem.kind.rawValue)
                writer.endObject()
            }
            writer.endArray()
        case .proven(let evidence, let route):
            writer.field("evidence", ids: evidence)
            writer.field("route", route?.rawValue)
        case .lapsing(let evidence, let deadline, let route):
            writer.key("deadline")
            writer.beginObject()
            writer.field("day", deadline.day)
            writer.field("kind", deadline.kind.rawValue)
            writer.endObject()
            writer.field("evidence", ids: evidence)
            writer.field("route", route?.rawValue)
        case .outOfScope(let failure):
            writer.key("condition")
            writer.beginObject()
            writer.field("condition", failure.condition.rawValue)
            writer.field("reason", failure.reason)
            writer.endObject()
        }
        writer.endObject()
    }
}
