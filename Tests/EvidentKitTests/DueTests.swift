import EvidentTestSupport
import Foundation
import Testing

@testable import EvidentKit

/// `due` lists passed deadlines first, as overdue, until their evidence is superseded or withdrawn.
@Suite struct DueTests {
    /// One line of a due list: the evidence, what is due, and how many days are left (negative when passed).
    struct Line: Equatable, CustomStringConvertible {
        var evidence: String
        var deadline: Rules.Deadline.Kind
        var daysLeft: Int
        var overdue: Bool
        var description: String { "\(evidence) \(deadline.rawValue) \(daysLeft)\(overdue ? " overdue" : "")" }
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        /// What is done after the base evidence is filed.
        var change: @Sendable (Fixture) throws -> Void
        var expected: [String]
        var testDescription: String { name }
    }

    static func agreement(
        _ fixture: Fixture, from: String, until: String, review: String? = nil, supersedes: String? = nil
    ) throws {
        let path = try Fixtures.copy("agreement.pdf", into: fixture.directory)
        _ = try fixture.registry.fileEvidence(
            EvidenceDraft(
                kind: .agreement, title: "Agreement until \(until)", covers: ["USE-1"],
                dates: EvidenceDates(
                    signed: try Day(parsing: "2025-01-01"), validFrom: try Day(parsing: from),
                    validUntil: try Day(parsing: until),
                    reviewBy: try review.map { try Day(parsing: $0) }),
                supersedes: supersedes, parties: ["AUT-1"]),
            files: [path], fixture.context)
    }

    /// The fixture's clock is 2026-06-15: EVD-1 expired on 2026-05-31, EVD-2's review was due on 2026-06-01,
    /// EVD-3 expires on 2026-07-01.
    static let passedAndComing = [
        "EVD-1 valid-until -15 overdue", "EVD-2 review -14 overdue", "EVD-3 valid-until 16",
    ]

    static let cases: [Case] = [
        Case(name: "passed deadlines come first, marked overdue", change: { _ in }, expected: passedAndComing),
        Case(
            name: "a successor that has started deals with them",
            change: { try agreement($0, from: "2026-06-01", until: "2028-12-31", supersedes: "EVD-1") },
            expected: ["EVD-2 review -14 overdue", "EVD-3 valid-until 16"]),
        Case(
            name: "a successor that starts later does not",
            change: { try agreement($0, from: "2026-09-01", until: "2028-12-31", supersedes: "EVD-1") },
            expected: passedAndComing),
        Case(
            name: "withdrawing deals with them",
            change: { _ = try $0.registry.withdrawEvidence("EVD-2", reason: "reviewed elsewhere", $0.context) },
            expected: ["EVD-1 valid-until -15 overdue", "EVD-3 valid-until 16"]),
    ]

    @Test(arguments: cases)
    func overdueDeadlinesLeadUntilDealtWith(_ item: Case) throws {
        try withTemporaryDirectory { directory in
            let fixture = try Fixture(in: directory)
            try fixture.populate()
            try Self.agreement(fixture, from: "2025-01-01", until: "2026-05-31")
            try Self.agreement(fixture, from: "2025-01-01", until: "2027-12-31", review: "2026-06-01")
            try Self.agreement(fixture, from: "2025-01-01", until: "2026-07-01")
            try item.change(fixture)
            let items = try fixture.registry.due(from: try Day(parsing: "2026-06-15"), within: 30)
            let lines = items.map {
                Line(
                    evidence: $0.evidence.description, deadline: $0.deadline, daysLeft: $0.daysLeft, overdue: $0.overdue
                )
                .description
            }
            #expect(lines == item.expected)
        }
    }
}
