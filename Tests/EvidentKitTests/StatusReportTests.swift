import EvidentTestSupport
import Foundation
import GRDB
import Testing

@testable import EvidentKit

/// `status --json` as written by `JSONWriter` is byte for byte what `JSONEncoder` writes, and the loader reads a
/// tampered registry's odd values exactly as SQLite does.
@Suite struct StatusReportTests {
    static let day = try! Day(parsing: "2026-06-01")

    /// Text no name should hold and a tampered registry can: quotes, a backslash, a slash, every control character
    /// JSON escapes one way or another, DEL, non-ASCII letters, a combining accent and an emoji sequence.
    static let awkward =
        #"'Tast"Selv" \ / ' || char(1, 8, 9, 10, 12, 13, 27, 31, 127) || ' æøå e'"#
        + #" || char(769) || ' 👩‍💻 ✓'"#

    /// A registry with a verdict of every kind: proven, lapsing, evidence that fails, no evidence, own purposes
    /// and out of scope, with awkward names everywhere the report prints one.
    func awkwardRegistry(in directory: URL) throws -> Fixture {
        let fixture = try Fixture(in: directory)
        try fixture.populate()
        let registry = fixture.registry
        _ = try fixture.file(["screenshot.png"], kind: .optOutScreenshot)
        _ = try registry.addSolution(
            SolutionDraft(
                name: "Nyheder", kind: .information, channel: .web, url: "https://www.skat.dk/nyt", appId: nil,
                audience: .citizens, mandatory: false, mandatedBy: nil,
                owners: [.init(authority: "AUT-1", role: .responsible)]),
            fixture.context)
        for (name, category) in [("Maps", ServiceCategory.maps), ("Video", .video), ("Chat", .chat), ("Login", .login)]
        {
            _ = try registry.addService(
                ServiceDraft(
                    vendor: "VEN-1", name: name, category: category, hosts: ["\(name.lowercased()).example.com"],
                    cookies: []),
                fixture.context)
        }
        // USE-1 (opt-out, a screenshot) is proven; the agreement on SVC-2 lapses within the window for USE-2.
        let since = try Day(parsing: "2024-01-01")
        for (solution, service, route, purposes) in [
            ("TastSelv", "SVC-2", Route.agreement, OwnPurposes.no),
            ("TastSelv", "SVC-3", .technicallyNecessary, .unknown),
            ("TastSelv", "SVC-4", .agreement, .yes),
            ("Nyheder", "SVC-1", .optOut, .no),
            ("TastSelv", "SVC-5", .agreement, .no),
            ("TastSelv", "SVC-6", .technicallyNecessary, .no),
        ] {
            _ = try registry.addUsage(
                UsageDraft(
                    solution: solution, service: service, since: since, route: route, vendorOwnPurposes: purposes),
                fixture.context)
        }
        // An agreement without a clause fails USE-6.
        for (covers, clause, until, file) in [
            ("SVC-2", "5.2" as String?, "2026-06-20", "agreement.pdf"), ("USE-6", nil, "2027-12-31", "contract.odt"),
        ] {
            _ = try registry.fileEvidence(
                EvidenceDraft(
                    kind: .agreement, title: "Agreement", covers: [covers],
                    dates: EvidenceDates(signed: try Day(parsing: "2026-01-01"), validUntil: try Day(parsing: until)),
                    clause: clause, parties: ["AUT-1"]),
                files: [try Fixtures.copy(file, into: fixture.directory)], fixture.context)
        }
        try IntegrityTests.sql(
            fixture,
            """
            UPDATE solution SET name = \(Self.awkward);
            UPDATE vendor SET name = \(Self.awkward) || ' Ltd';
            UPDATE service SET name = \(Self.awkward) || ' ' || id;
            """)
        return fixture
    }

    /// What `JSONEncoder` writes for the report, with the newline the CLI ends it with.
    func encoded(_ report: StatusReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(report) + Data([0x0A]), as: UTF8.self)
    }

    @Test func theWriterWritesAwkwardTextAsJSONEncoderDoes() throws {
        try withTemporaryDirectory { directory in
            let fixture = try awkwardRegistry(in: directory)
            let evaluation = try fixture.registry.evaluate(asOf: Self.day)
            let codes = Set(evaluation.verdicts.map(\.explanation.code))
            #expect(
                codes == [
                    "proven", "lapsing", "own-purposes-unknown", "own-purposes", "out-of-scope", "evidence-fails",
                    "no-evidence",
                ])
            #expect(evaluation.verdicts.contains { $0.solutionName.contains("\u{7F}") && $0.vendorName.contains("👩‍💻") })
            let report = StatusReport(
                evaluation, recorded: try fixture.registry.recordedMoment(),
                reproduce: "evident status --as-of 2026-06-01 --solution '\"Tast\\Selv\"\u{1}'")
            #expect(String(decoding: report.json(), as: UTF8.self) == (try encoded(report)))
        }
    }

    /// Every ASCII character, and some beyond it, at every place in strings around eight and sixteen bytes long, is
    /// escaped as `JSONEncoder` escapes it (the writer looks for characters to escape eight bytes at a time).
    @Test func everyCharacterAtEveryPlaceIsEscapedAsJSONEncoderDoes() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        let characters = (0..<0x80).map { String(UnicodeScalar(UInt8($0))) } + ["é", "\u{A0}", "👩‍💻", "\u{2028}"]
        for character in characters {
            for length in [1, 7, 8, 9, 15, 16, 17] {
                for place in 0..<length {
                    let text =
                        String(repeating: "a", count: place) + character
                        + String(repeating: "b", count: length - place - 1)
                    var bytes: [UInt8] = []
                    JSONWriter.appendString(text, to: &bytes)
                    #expect(bytes == Array(try encoder.encode(text)), "\(Array(text.utf8))")
                }
            }
        }
    }

    /// More verdicts than one block of pieces holds, so that pieces written on several threads must come out in
    /// order, separated as one array.
    @Test func verdictsWrittenOnSeveralThreadsComeOutInOrder() throws {
        try withTemporaryDirectory { directory in
            let fixture = try awkwardRegistry(in: directory)
            var evaluation = try fixture.registry.evaluate(asOf: Self.day)
            let kinds = evaluation.verdicts
            evaluation.verdicts = (0..<9_001).map { index in
                var verdict = kinds[index % kinds.count]
                verdict.usage = RecordID(.usage, Int64(index + 1))
                return verdict
            }
            let report = StatusReport(evaluation)
            var pieces = 0
            var written: [UInt8] = []
            report.writeJSON {
                pieces += 1
                written += $0
            }
            #expect(pieces > 2)
            #expect(written == report.json())
            #expect(String(decoding: written, as: UTF8.self) == (try encoded(report)))
        }
    }

    /// Verdicts in a row that share their reason's code and parameters share its words only while they share their
    /// solution's name too: an out-of-scope reason names the solution.
    @Test func eachVerdictsReasonIsWordedForItsOwnSolution() throws {
        try withTemporaryDirectory { directory in
            let fixture = try awkwardRegistry(in: directory)
            var evaluation = try fixture.registry.evaluate(asOf: Self.day)
            let outOfScope = try #require(evaluation.verdicts.first { $0.explanation.code == "out-of-scope" })
            evaluation.verdicts = ["A", "A", "B", "A"].map { name in
                var verdict = outOfScope
                verdict.solutionName = name
                return verdict
            }
            let report = StatusReport(evaluation)
            let json = String(decoding: report.json(), as: UTF8.self)
            #expect(json == (try encoded(report)))
            #expect(json.components(separatedBy: "\"B is not covered").count == 2)
        }
    }

    /// Values only a tampered registry holds, read by the loader as the SQL it replaced read them: dates as
    /// `julianday` reads them, a clause as `trim` with the blank characters finds it, a kind as `=` compares it.
    @Test func theLoaderReadsOddStoredValuesAsSQLDoes() throws {
        try withTemporaryDirectory { directory in
            let fixture = try Fixture(in: directory)
            try fixture.populate()
            _ = try fixture.file(["screenshot.png"], kind: .optOutScreenshot)
            let dates = [
                "'2026-06-01'", "'2026-02-30'", "'2026-1-5'", "'2026-01-05T10:00:00'", "'2026-01-05 '", "'0000-01-01'",
                "'9999-12-31'", "'2026-13-01'", "'soon'", "''", "NULL", "20260601", "2461000.5",
                "X'323032362D30362D3031'",
            ]
            let clauses = [
                "NULL", "''", "' '", "char(9, 10, 11, 12, 13, 32)", "'5.2'", "char(160)", "' x '", "char(0)", "X''",
                "7",
            ]
            let kinds = ["'agreement'", "'Agreement'", "'fax'", "''", "X'6167726565656D656E74'"]
            for index in 0..<max(dates.count, clauses.count, kinds.count) {
                let (date, clause, kind) = (
                    dates[index % dates.count], clauses[index % clauses.count], kinds[index % kinds.count]
                )
                try IntegrityTests.sql(
                    fixture,
                    """
                    PRAGMA ignore_check_constraints = ON;
                    UPDATE evidence SET captured = \(date), validUntil = \(date), clause = \(clause), kind = \(kind);
                    """)
                try fixture.registry.read { db in
                    var facts = EvaluationFacts()
                    try EvaluationLoader.loadEvidence(into: &facts, db, fallback: Self.day)
                    let item = try #require(facts.evidence.first { $0.id == RecordID(.evidence, 1) })
                    let row = try #require(
                        try Row.fetchOne(
                            db,
                            sql: """
                                SELECT \(EvaluationLoader.ordinal("captured")),
                                       clause IS NOT NULL AND trim(clause, char(32, 9, 10, 11, 12, 13)) <> '',
                                       CASE kind \(EvidenceKind.allCases.map { "WHEN '\($0.rawValue)' THEN '\($0.rawValue)' " }.joined())
                                       ELSE 'other' END
                                FROM evidence WHERE id = 1
                                """))
                    let ordinal: Int? = row[0]
                    #expect(item.dates.captured == ordinal.map(Day.init(ordinal:)), "captured \(date)")
                    #expect(item.dates.validUntil == item.dates.captured, "valid until \(date)")
                    #expect(item.hasClause == row[1], "clause \(clause)")
                    #expect(item.kind.rawValue == row[2], "kind \(kind)")
                }
            }
        }
    }
}
