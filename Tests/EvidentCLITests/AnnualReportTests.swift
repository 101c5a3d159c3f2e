import EvidentTestSupport
import Foundation
import Testing

@testable import EvidentKit

/// The annual report an authority hands in: one section per responsible authority, each solution counted once,
/// the year's reference day, and Danish throughout when it is Danish.
@Suite struct AnnualReportTests {
    /// The sample registry and what it lacks: a covered solution without third-party services, one without a
    /// responsible owner (USE-19: R3 claimed while own-purpose use is unknown), one whose only owner is a private
    /// operator, and a usage that ended in 2026 (USE-20).
    static func registry(in directory: URL) throws -> Evident {
        let evident = try Evident.samples(in: directory)
        let steps: [[String]] = [
            [
                "solution", "add", "--name", "Digital Post", "--kind", "self-service", "--channel", "web", "--url",
                "https://post.borger.dk", "--audience", "citizens", "--mandatory", "--mandated-by",
                "Lov om Digital Post", "--owner", "Digitaliseringsstyrelsen",
            ],
            [
                "solution", "add", "--name", "Sundhedsportalen", "--kind", "national-portal", "--channel", "web",
                "--url", "https://www.sundhed.dk", "--audience", "both", "--mandatory", "--owner",
                "Sundhedsdatastyrelsen:co-owner", "--owner", "Region Hovedstaden:co-owner",
            ],
            [
                "usage", "add", "--solution", "Sundhedsportalen", "--service", "YouTube", "--since", "2024-01-01",
                "--purpose", "Instruktionsvideoer", "--route", "technically-necessary", "--vendor-own-purposes",
                "unknown",
            ],
            [
                "solution", "add", "--name", "Netcompany kundeportal", "--kind", "self-service", "--channel", "app",
                "--app-id", "dk.netcompany.portal", "--audience", "citizens", "--mandatory", "--owner",
                "Netcompany A/S:operator",
            ],
            [
                "usage", "add", "--solution", "TastSelv Borger", "--service", "Vimeo Player", "--since", "2025-01-01",
                "--until", "2026-03-31", "--purpose", "Vejledningsvideoer", "--route", "opt-out",
                "--vendor-own-purposes", "no",
            ],
        ]
        for step in steps {
            let result = evident.run(step)
            try #require(result.code == 0, "\(step): \(result.err)")
        }
        return evident
    }

    /// Writes the report for 2026 as of 30 November in `language` and returns its three files.
    static func report(_ evident: Evident, language: String = "da", in directory: URL) throws -> (
        html: String, json: [String: Any], csv: String
    ) {
        let out = directory.appendingPathComponent("report-\(language)")
        let result = evident(
            "report", "annual", "--year", "2026", "--as-of", "2026-11-30", "--lang", language, "--out", out.path)
        try #require(result.code == 0, "\(result.err)")
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("report.json")))
                as? [String: Any])
        let validation = try tool(
            Fixtures.repositoryRoot.appendingPathComponent("scripts/validate-json").path,
            ["annual-report", out.appendingPathComponent("report.json").path])
        #expect(validation.code == 0, "\(validation.out)")
        return (
            try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8), json,
            try String(contentsOf: out.appendingPathComponent("report.csv"), encoding: .utf8)
        )
    }

    @Test func eachSolutionSitsUnderItsResponsibleAuthorityAndIsCountedOnce() throws {
        try withTemporaryDirectory { directory in
            let (_, json, _) = try Self.report(try Self.registry(in: directory), in: directory)
            let sections = try #require(json["authorities"] as? [[String: Any]])
            let names = sections.compactMap { $0["name"] as? String }
            // Netcompany operates TastSelv Borger and is no authority's section; the region is responsible for
            // Min Sundhedsjournal, which its state co-owner does not list again.
            #expect(
                names == [
                    "Skattestyrelsen", "Rigspolitiet", "Digitaliseringsstyrelsen", "Sundhedsdatastyrelsen",
                    "Region Hovedstaden",
                ])
            var solutions: [String: [String: Any]] = [:]
            var usages: [String] = []
            var summed: [String: Int] = [:]
            for section in sections {
                for solution in section["solutions"] as? [[String: Any]] ?? [] {
                    let name = try #require(solution["name"] as? String)
                    #expect(solutions[name] == nil, "\(name) is listed twice")
                    solutions[name] = solution
                    for usage in solution["usages"] as? [[String: Any]] ?? [] {
                        usages.append(try #require((usage["verdict"] as? [String: Any])?["usage"] as? String))
                    }
                }
                summed.merge(section["totals"] as? [String: Int] ?? [:], uniquingKeysWith: +)
            }
            let totals = try #require(json["totals"] as? [String: Int])
            #expect(summed == totals)
            #expect(Set(usages).count == usages.count)
            #expect(totals.values.reduce(0, +) == usages.count)

            let portal = try #require(solutions["Sundhedsportalen"])
            #expect(portal["placement"] as? String == "first-state-owner")
            #expect((sections[3]["solutions"] as? [[String: Any]])?.count == 1)
            #expect((solutions["Digital Post"]?["usages"] as? [Any])?.isEmpty == true)
            let tastSelv = try #require(solutions["TastSelv Borger"])
            let roles = (tastSelv["owners"] as? [[String: Any]])?.compactMap { $0["role"] as? String }
            #expect(roles == ["responsible", "operator"])
            #expect((tastSelv["coverage"] as? [Any])?.count == 4)

            let outOfScope = try #require(json["outOfScope"] as? [[String: Any]])
            let privateOnly = try #require(outOfScope.first { $0["name"] as? String == "Netcompany kundeportal" })
            let failure = try #require((privateOnly["failures"] as? [[String: Any]])?.first)
            #expect(failure["condition"] as? String == "S4")
            #expect((failure["reason"] as? String)?.contains("privat aktør") == true)
        }
    }

    @Test func usagesThatEndedInTheYearAreJudgedOnTheirLastDay() throws {
        try withTemporaryDirectory { directory in
            let (html, json, _) = try Self.report(try Self.registry(in: directory), in: directory)
            let lines = (json["authorities"] as? [[String: Any]] ?? []).flatMap {
                ($0["solutions"] as? [[String: Any]] ?? []).flatMap { $0["usages"] as? [[String: Any]] ?? [] }
            }
            let ended = try #require(lines.first { ($0["verdict"] as? [String: Any])?["usage"] as? String == "USE-20" })
            #expect(ended["judgedOn"] as? String == "2026-03-31")
            #expect(ended["until"] as? String == "2026-03-31")
            #expect(lines.filter { $0["judgedOn"] as? String != "2026-11-30" }.count == 1)
            #expect(html.contains("pr. 2026-03-31, sidste dag"))
            // USE-16 ended in 2021, before the year.
            #expect(!lines.contains { ($0["verdict"] as? [String: Any])?["usage"] as? String == "USE-16" })
        }
    }

    @Test func theYearDecidesTheReferenceDay() throws {
        try withTemporaryDirectory { directory in
            let evident = try Evident.samples(in: directory)
            let out = directory.appendingPathComponent("report").path
            func reference(_ arguments: String...) throws -> (String?, String?) {
                let result = evident.run(["report", "annual", "--out", out] + arguments)
                try #require(result.code == 0, "\(result.err)")
                let json = try JSONSerialization.jsonObject(
                    with: Data(contentsOf: URL(fileURLWithPath: out).appendingPathComponent("report.json")))
                let object = json as? [String: Any]
                return (object?["asOf"] as? String, object?["basis"] as? String)
            }
            // The tests' clock says 2026-06-15.
            #expect(try reference("--year", "2026") == ("2026-06-15", "today"))
            #expect(try reference("--year", "2025") == ("2025-12-31", "end-of-year"))
            #expect(try reference("--year", "2026", "--as-of", "2026-01-01") == ("2026-01-01", "given"))
            let refused = evident("report", "annual", "--year", "2026", "--as-of", "2025-12-31", "--out", out)
            #expect(refused.code == 64)
            #expect(refused.err.contains("--as-of '2025-12-31'"), "\(refused.err)")
            #expect(refused.err.contains("--year 2026"), "\(refused.err)")
        }
    }

    @Test func theDanishReportHasNoEnglish() throws {
        try withTemporaryDirectory { directory in
            let (html, json, csv) = try Self.report(try Self.registry(in: directory), in: directory)
            #expect(html.contains("Ingen tredjepartstjenester i året."))
            #expect(html.contains("Ingen myndighed er registreret som ansvarlig"))
            #expect(html.contains("erstatter EVD-1"))
            #expect(html.contains("(databehandleraftale, afløses af EVD-13)"))
            #expect(html.contains("parter: Skattestyrelsen;"))
            #expect(html.contains("parter: alle statslige myndigheder (rammeaftale)"))
            let data = Self.data(in: json)
            for (name, text) in [("HTML", Self.visibleText(html)), ("CSV", csv), ("JSON", Self.words(in: json))] {
                let found = Self.english(in: Self.removing(data, from: text))
                #expect(found.isEmpty, "\(name) has English: \(found)")
            }
            // The English report uses the same words for its checks: it would fail them everywhere.
            let (englishHTML, _, _) = try Self.report(Evident(directory: directory), language: "en", in: directory)
            #expect(Self.english(in: Self.removing(data, from: Self.visibleText(englishHTML))).count > 40)
        }
    }

    @Test func theBundlesReportSaysWhichBundleItBelongsTo() throws {
        try withTemporaryDirectory { directory in
            let evident = try Evident.samples(in: directory)
            let key = directory.appendingPathComponent("key").path
            #expect(evident("key", "new", "--out", key, "--identity", "compliance@skat.dk").code == 0)
            let tar = directory.appendingPathComponent("EB.tar").path
            let created = evident(
                "bundle", "create", "--solution", "TastSelv Borger", "--as-of", "2026-11-30", "--key", key, "--out",
                tar, "--seal-time", "2026-12-01T09:00:00Z", "--json")
            try #require(created.code == 0, "\(created.err)")
            let summary = try #require(try created.json() as? [String: Any])
            let identifier = try #require(summary["identifier"] as? String)
            let signer = try #require(summary["signer"] as? String)
            let out = directory.appendingPathComponent("audit")
            #expect(evident("bundle", "extract", tar, "--to", out.path).code == 2)  // no allowed signers given
            let html = try String(
                contentsOf: out.appendingPathComponent("\(identifier)/metadata/report.html"), encoding: .utf8)
            let header = Self.visibleText(
                html.split(separator: "\n").filter { $0.hasPrefix("<p class=\"meta\">") }.joined(separator: "\n"))
            for expected in [
                "Dokumentationspakke \(identifier): omfatter løsningen SOL-1 TastSelv Borger.",
                "Forseglet 2026-12-01T09:00:00Z",
                "underskrevet med nøglen \(signer) (compliance@skat.dk)", "Vurderinger pr. 2026-11-30",
            ] {
                #expect(header.contains(expected), "\(expected)")
            }
            // Names and the file the verdicts are in are no English sentence.
            let names = ["TastSelv Borger", "compliance@skat.dk", "metadata/evaluation.json"]
            #expect(Self.english(in: Self.removing(names, from: header)).isEmpty)
        }
    }

    @Test(arguments: reasons)
    func everyReasonHasDanishWords(_ reason: Reason) {
        let danish = ReasonWording.text(reason, solutionName: "Løsningen", language: .da)
        #expect(!danish.isEmpty)
        #expect(danish != ReasonWording.text(reason, solutionName: "Løsningen", language: .en))
        #expect(Self.english(in: danish).isEmpty, "\(danish)")
    }

    /// Every reason code with every parameter that changes its words.
    static let reasons: [Reason] = {
        let (evidence, day) = (RecordID(.evidence, 4), try! Day(parsing: "2026-12-31"))
        var reasons: [Reason] = [.noRoute, .noRouteProven, .ownPurposesUnknown, .proven(by: [evidence])]
        reasons += Route.allCases.map { .ownPurposes(route: $0) }
        reasons += Route.allCases.map { .noEvidence(kinds: Rules.kinds(proving: $0)) }
        reasons += Route.allCases.map { .proven(by: [evidence], route: $0) }
        reasons += [Rules.Deadline.Kind.review, .validUntil, .notice].flatMap { kind in
            [nil, Route.optOut].map { .lapsing(by: [evidence], deadline: .init(day: day, kind: kind), route: $0) }
        }
        reasons += Reason.EvidenceProblem.Kind.allCases.map {
            .evidenceFails([.init(evidence: evidence, kind: $0, day: day)])
        }
        reasons += ScopeCondition.allCases.map { .outOfScope(Scope.Failure(condition: $0, reason: "English")) }
        return reasons
    }()

    // MARK: - Finding English

    /// The English a Danish report must not contain: every English rendering and raw value of the vocabularies
    /// that is not also the Danish word, and the words of the English sentences.
    static let englishWords: [String] = {
        let (da, en) = (ReportLanguage.da, ReportLanguage.en)
        func words<Value: CaseIterable & RawRepresentable>(
            _ type: Value.Type, _ word: (ReportLanguage, Value) -> String
        )
            -> [(raw: String, en: String, da: String)] where Value.RawValue == String
        {
            type.allCases.map { ($0.rawValue, word(en, $0), word(da, $0)) }
        }
        let vocabulary =
            words(Outcome.self) { $0.outcome($1) } + words(Route.self) { $0.route($1) }
            + words(EvidenceKind.self) { $0.evidenceKind($1) }
            + [EvidenceInfo.Status.active, .superseded, .withdrawn].map {
                ($0.rawValue, en.evidenceStatus($0), da.evidenceStatus($0))
            }
            + words(OwnerRole.self) { $0.role($1) } + words(AuthorityKind.self) { $0.authorityKind($1) }
            + words(SolutionKind.self) { $0.solutionKind($1) } + words(Channel.self) { $0.channel($1) }
            + words(Audience.self) { $0.audience($1) } + words(ServiceCategory.self) { $0.category($1) }
            + words(OwnPurposes.self) { $0.ownPurposes($1) }
        // Danish too: "information" (S1's words), "CDN", and "no", which countries such as Norway's code spell.
        let shared = Set(vocabulary.map(\.da)).union(["information", "cdn", "no"])
        let sentences = [
            "the", "is", "are", "not", "and", "of", "with", "its", "which", "while", "proven", "covers", "claimed",
            "cannot", "expires", "expired", "review", "notice", "purposes", "vendor", "evidence", "solution",
            "service", "usage", "authority", "owners", "covered", "guidance", "judged", "filed", "parties",
            "supersedes", "days", "totals", "evaluation", "verdict", "verdicts", "prepared", "why", "rule", "route",
            "period", "purpose", "audience", "condition", "mandatory", "optional", "last day", "as of", "bundle",
            "sealed", "signed", "captured", "valid", "clause", "framework",
        ]
        return Array(Set(vocabulary.flatMap { [$0.raw, $0.en] }).subtracting(shared)) + sentences
    }()

    /// The English words in `text`, matched as whole words, ignoring case.
    static func english(in text: String) -> [String] {
        englishWords.filter {
            text.range(
                of: "\\b\(NSRegularExpression.escapedPattern(for: $0))\\b",
                options: [.regularExpression, .caseInsensitive])
                != nil
        }.sorted()
    }

    /// What a reader of the page sees: the text outside the style sheet and the tags, unescaped.
    static func visibleText(_ html: String) -> String {
        var text = html.replacingOccurrences(of: "<style>[\\s\\S]*?</style>", with: " ", options: .regularExpression)
        text = text.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text
    }

    /// The JSON's words for people: every reason, in verdicts, coverage and failures.
    static func words(in json: Any) -> String {
        switch json {
        case let object as [String: Any]:
            return object.map { key, value in key == "reason" ? "\(value)" : words(in: value) }.joined(separator: "\n")
        case let array as [Any]: return array.map(words).joined(separator: "\n")
        default: return ""
        }
    }

    /// The registry's own text in the report (names, titles, purposes, clauses, addresses, hosts, actors), which
    /// is whatever language its users wrote it in.
    static func data(in json: Any) -> [String] {
        let keys: Set = [
            "name", "title", "purpose", "clause", "mandatedBy", "filedBy", "serviceName", "vendorName",
            "solutionName", "authorityName", "url", "appId", "hosts",
            // The command that reproduces the report is a command line, not words.
            "reproduce",
        ]
        func collect(_ value: Any, data: Bool) -> [String] {
            switch value {
            case let object as [String: Any]: return object.flatMap { collect($1, data: keys.contains($0)) }
            case let array as [Any]: return array.flatMap { collect($0, data: data) }
            case let text as String: return data ? [text] : []
            default: return []
            }
        }
        return Array(Set(collect(json, data: false))).sorted { $0.count > $1.count }
    }

    /// `text` without the registry's own text, longest first.
    static func removing(_ data: [String], from text: String) -> String {
        data.reduce(text) { $0.replacingOccurrences(of: $1, with: " ") }
    }
}
