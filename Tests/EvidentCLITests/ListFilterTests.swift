import EvidentKit
import EvidentTestSupport
import Foundation
import Testing

/// `usage list` and `evidence list` narrowed by their options, with names typed as people type them.
@Suite struct ListFilterTests {
    /// The samples, seen on 2026-11-30.
    static func samples(in directory: URL) throws -> Evident {
        var evident = try Evident.samples(in: directory)
        evident.time = ImportCommandTests.november30
        return evident
    }

    static func ids(_ evident: Evident, _ arguments: [String]) throws -> [String] {
        let result = evident.run(arguments + ["--json"])
        #expect(result.code == 0, "\(arguments): \(result.err)")
        let list = try #require(try result.json() as? [[String: Any]])
        return list.compactMap { $0["id"] as? String }
    }

    @Test(arguments: [
        (
            ["usage", "list", "--vendor", "google ireland", "--route", "opt-out"],
            ["USE-4", "USE-5", "USE-11", "USE-13", "USE-14"]
        ),
        (["usage", "list", "--solution", "Politiets anmeldelseslosning", "--service", "yout"], ["USE-4"]),
        (["usage", "list", "--solution", "kobenhavns"], ["USE-10"]),
        (["usage", "list", "--service", "SVC-5"], ["USE-1", "USE-12", "USE-17"]),
        (["usage", "list", "--vendor", "Signicat", "--route", "opt-out"], []),
        (["evidence", "list", "--kind", "agreement", "--covers", "VEN-3"], ["EVD-12"]),
        (["evidence", "list", "--covers", "siteimprove a/s"], ["EVD-1", "EVD-2", "EVD-12", "EVD-13"]),
        (["evidence", "list", "--covers", "USE-5"], ["EVD-6"]),
        // EVD-2 counts until its successor starts in 2027; EVD-6 lapsed in 2025 and is overdue, not expiring.
        (["evidence", "list", "--expiring-within", "60"], ["EVD-2", "EVD-12"]),
        (["evidence", "list", "--expiring-within", "0"], []),
    ])
    func listsOnlyWhatTheOptionsLetThrough(arguments: [String], expected: [String]) throws {
        try withTemporaryDirectory { directory in
            let evident = try Self.samples(in: directory)
            #expect(try Self.ids(evident, arguments) == expected)
        }
    }

    @Test func aVerdictFilterListsWhatStatusGivesThatVerdict() throws {
        try withTemporaryDirectory { directory in
            let evident = try Self.samples(in: directory)
            let status = try #require(try evident("status", "--json").json() as? [String: Any])
            let verdicts = try #require(status["verdicts"] as? [[String: Any]])
            var seen = 0
            for outcome in Outcome.allCases {
                let expected = verdicts.filter { $0["outcome"] as? String == outcome.rawValue }
                    .compactMap { $0["usage"] as? String }
                let listed = try Self.ids(evident, ["usage", "list", "--verdict", outcome.rawValue])
                #expect(listed == expected, "\(outcome)")
                seen += listed.count
            }
            // Every active usage has one verdict; the ended USE-16 has none.
            #expect(seen == verdicts.count && seen == 17)
        }
    }

    @Test(arguments: [
        (["usage", "list", "--vendor", "Nobody"], 1, "--vendor 'Nobody': no vendor with that id or name"),
        (["usage", "list", "--solution", "Politiets"], 1, "--solution 'Politiets' is ambiguous"),
        (["usage", "list", "--verdict", "fine"], 64, "--verdict"),
        (["evidence", "list", "--covers", "SOL-1"], 1, "--covers 'SOL-1': no usage or service or vendor"),
        (["evidence", "list", "--expiring-within", "5000"], 64, "--expiring-within '5000': must be 3650 or less"),
    ])
    func badFiltersAreRefusedNamingTheOption(arguments: [String], code: Int32, message: String) throws {
        try withTemporaryDirectory { directory in
            let evident = try Self.samples(in: directory)
            let result = evident.run(arguments)
            #expect(result.code == code)
            #expect(result.err.contains(message), "\(result.err)")
        }
    }
}
