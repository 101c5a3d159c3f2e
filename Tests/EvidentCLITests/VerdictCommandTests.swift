import EvidentTestSupport
import Foundation
import Testing

/// `status`, `due`, `report annual` and `settings` on the sample registry, which shows every verdict.
@Suite struct VerdictCommandTests {
    @Test func statusShowsEveryVerdictWithItsRule() throws {
        try withTemporaryDirectory { directory in
            let evident = try Evident.samples(in: directory)
            let text = evident("status", "--as-of", "2026-11-30")
            #expect(text.code == 0)
            for outcome in ["compliant", "expiring", "missing-evidence", "non-compliant", "out-of-scope"] {
                #expect(text.out.contains(outcome))
            }
            for rule in ["§3.1 R1", "§3.1 R2", "§3.1 R3", "§2 S1", "§2 S2", "§2 S3", "§2 S4"] {
                #expect(text.out.contains(rule), "\(rule) missing")
            }
            let object = try #require(try evident("status", "--as-of", "2026-11-30", "--json").json() as? [String: Any])
            let verdicts = try #require(object["verdicts"] as? [[String: Any]])
            #expect(verdicts.count == 17)
            #expect(verdicts.allSatisfy { ($0["rule"] as? String)?.hasPrefix("§") == true })
            let totals = try #require(object["totals"] as? [String: Int])
            #expect(
                totals == ["compliant": 8, "expiring": 1, "missing-evidence": 2, "non-compliant": 2, "out-of-scope": 4])
        }
    }

    /// The verdict each usage is meant to show, as `samples/load`'s header lists it, is the one it gets.
    @Test func theSamplesShowTheVerdictsTheirHeaderPromises() throws {
        try withTemporaryDirectory { directory in
            let evident = try Evident.samples(in: directory)
            let script = try String(
                contentsOf: Fixtures.repositoryRoot.appendingPathComponent("samples/load"), encoding: .utf8)
            let outcomes = ["compliant", "expiring", "missing-evidence", "non-compliant", "out-of-scope"]
            var promised: [String: String] = [:]
            for line in script.split(separator: "\n") where line.hasPrefix("#   USE-") {
                let words = line.dropFirst(4).split(separator: " ").map(String.init)
                if let outcome = words.first(where: outcomes.contains) { promised[words[0]] = outcome }
            }
            let object = try #require(try evident("status", "--as-of", "2026-11-30", "--json").json() as? [String: Any])
            let verdicts = try #require(object["verdicts"] as? [[String: Any]])
            var actual: [String: String] = [:]
            for verdict in verdicts { actual[verdict["usage"] as? String ?? ""] = verdict["outcome"] as? String }
            #expect(promised.count == 17)
            #expect(actual == promised)
        }
    }

    @Test func failOnExitsTwoWhenAVerdictIsThatBad() throws {
        try withTemporaryDirectory { directory in
            let evident = try Evident.samples(in: directory)
            #expect(evident("status", "--as-of", "2026-11-30", "--fail-on", "non-compliant").code == 2)
            #expect(
                evident("status", "--as-of", "2026-11-30", "--solution", "SOL-8", "--fail-on", "missing-evidence").code
                    == 0)
            #expect(
                evident("status", "--as-of", "2026-11-30", "--solution", "SOL-8", "--fail-on", "expiring").code == 2)
            #expect(
                evident("status", "--as-of", "2026-11-30", "--solution", "SOL-1", "--fail-on", "expiring").code == 2)
            #expect(
                evident("status", "--as-of", "2026-11-30", "--solution", "SOL-1", "--fail-on", "missing-evidence").code
                    == 2)
            #expect(evident("status", "--fail-on", "compliant").code == 64)
        }
    }

    @Test func statusFiltersAndWritesCSV() throws {
        try withTemporaryDirectory { directory in
            let evident = try Evident.samples(in: directory)
            let csv = evident("status", "--as-of", "2026-11-30", "--authority", "Rigspolitiet", "--csv").out
            let lines = csv.split(separator: "\r\n")
            #expect(lines.first?.hasPrefix("usage,solution,solution_name") == true)
            #expect(lines.count == 1 + 4)  // the reporting solution's three usages and the app's one
            #expect(evident("status", "--solution", "SOL-1", "--authority", "AUT-1").code == 64)
            #expect(evident("status", "--as-of", "2026-02-30").code == 64)
        }
    }

    @Test func theWindowDecidesWhatIsExpiring() throws {
        try withTemporaryDirectory { directory in
            let evident = try Evident.samples(in: directory)
            let narrow = evident("status", "--as-of", "2026-11-30", "--solution", "SOL-1", "--window", "0", "--json")
                .out
            #expect(!narrow.contains("\"outcome\" : \"expiring\""))
            let wide = evident("status", "--as-of", "2026-11-30", "--solution", "SOL-1", "--window", "400", "--json")
                .out
            #expect(wide.contains("\"outcome\" : \"expiring\""))
        }
    }

    @Test func dueListsDeadlinesInOrder() throws {
        try withTemporaryDirectory { directory in
            let evident = try Evident.samples(in: directory)
            let items = try #require(
                try evident("due", "--from", "2026-11-30", "--within", "400", "--json").json() as? [[String: Any]])
            let days = items.compactMap { $0["day"] as? String }
            #expect(!days.isEmpty)
            #expect(days == days.sorted())
            // The lapsed screenshot of the samples leads, overdue, before what is coming.
            let overdue = items.prefix { $0["overdue"] as? Bool == true }
            #expect(overdue.map { $0["evidence"] as? String } == ["EVD-6", "EVD-6"])
            #expect(overdue.allSatisfy { ($0["daysLeft"] as? Int ?? 0) == -444 })
            #expect(!items.dropFirst(overdue.count).contains { $0["overdue"] as? Bool != false })
            #expect(items.dropFirst(overdue.count).first?["deadline"] as? String == "notice")
            let today = evident("due", "--from", "2026-11-30", "--within", "0").out
            #expect(today.contains("2025-09-12  OVERDUE 444 d  expires  EVD-6"), "\(today)")
            #expect(!today.contains("Nothing is due"))
            #expect(evident("due", "--from", "2025-01-01", "--within", "0").out.contains("Nothing is due"))
        }
    }

    @Test func theAnnualReportIsSelfContainedAndDanishByDefault() throws {
        try withTemporaryDirectory { directory in
            let evident = try Evident.samples(in: directory)
            let out = directory.appendingPathComponent("report")
            let result = evident("report", "annual", "--year", "2026", "--as-of", "2026-11-30", "--out", out.path)
            #expect(result.code == 0, "\(result.err)")
            let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
            #expect(html.contains("<html lang=\"da\">"))
            #expect(html.contains("mangler dokumentation"))
            #expect(html.contains("<svg"))
            #expect(html.contains("§2 S4"))
            #expect(html.contains("Rigspolitiet"))
            // A report about third-party requests must not make any. It shows solutions' addresses as text (§2
            // facts), but no element or attribute that loads or links anything.
            let references = [
                "src=", "href=", "url(", "@import", "<script", "<link", "<img", "<iframe", "<object", "<embed",
                "<base", "srcset", "http-equiv", "=\"http", "=\"//", "<a ",
            ]
            for reference in references {
                #expect(!html.lowercased().contains(reference), "the HTML contains \(reference)")
            }
            let json = try JSONSerialization.jsonObject(
                with: Data(contentsOf: out.appendingPathComponent("report.json")))
            let object = try #require(json as? [String: Any])
            #expect(object["asOf"] as? String == "2026-11-30")
            #expect((object["outOfScope"] as? [Any])?.count == 4)
            let csv = try Data(contentsOf: out.appendingPathComponent("report.csv"))
            #expect(csv.starts(with: [0xEF, 0xBB, 0xBF] + Array("Registret som registreret ".utf8)))
            // Which registry it describes, above the column names.
            let lines = String(decoding: csv, as: UTF8.self).components(separatedBy: "\r\n")
            #expect(lines[1].hasPrefix("Myndighed;CVR;"))
        }
    }

    @Test func theAnnualReportDefaultsToTheLastDayOfTheYearAndSpeaksEnglishOnRequest() throws {
        try withTemporaryDirectory { directory in
            let evident = try Evident.samples(in: directory)
            let out = directory.appendingPathComponent("report")
            #expect(evident("report", "annual", "--year", "2025", "--lang", "en", "--out", out.path).code == 0)
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("report.json")))
                    as? [String: Any])
            #expect(object["asOf"] as? String == "2025-12-31")
            let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
            #expect(html.contains("<html lang=\"en\">"))
            #expect(html.contains("Verdicts per authority"))
            #expect(evident("report", "annual", "--year", "2025", "--lang", "fr", "--out", out.path).code == 64)
        }
    }

    @Test func settingsChangeTheRules() throws {
        try withTemporaryDirectory { directory in
            let evident = try Evident.samples(in: directory)
            #expect(evident("settings").out.contains("warning-days:          60"))
            #expect(evident("settings", "warning-days", "10").code == 0)
            let status = evident("status", "--as-of", "2026-11-30", "--solution", "SOL-1", "--json").out
            #expect(status.contains("\"warningDays\" : 10"))
            #expect(evident("settings", "colour", "1").code == 64)
        }
    }
}
