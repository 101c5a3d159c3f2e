import EvidentTestSupport
import Foundation
import Testing

/// `scan` on the sample capture of TastSelv Borger, `catalog`, and `solution … --first-party`.
@Suite struct ScanCommandTests {
    static let har = Fixtures.repositoryRoot.appendingPathComponent("samples/captures/tastselv-borger.har").path

    /// The sample registry as of 2026-11-30, the day the sample verdicts are written for.
    static func samples(_ directory: URL) throws -> Evident {
        var evident = try Evident.samples(in: directory)
        evident.time = Date(timeIntervalSince1970: 1_795_996_800)  // 2026-11-30T00:00:00Z
        return evident
    }

    private func validate(_ json: String, against schema: String, in directory: URL) throws -> Run {
        try tool(
            Fixtures.repositoryRoot.appendingPathComponent("scripts/validate-json").path, [schema],
            input: try temporaryFile(json, in: directory))
    }

    /// Every third party with its service, usage and verdict; the unknown tracker; the unused usage; cdn.skat.dk
    /// counted as the solution's own.
    @Test func scansTheSampleHAR() throws {
        try withTemporaryDirectory { directory in
            let evident = try Self.samples(directory)
            let text = evident("scan", Self.har, "--solution", "TastSelv Borger")
            #expect(text.code == 0, "\(text.err)")
            let json = evident("scan", Self.har, "--solution", "TastSelv Borger", "--json")
            #expect(json.code == 0, "\(json.err)")
            let report = try #require(try json.json() as? [String: Any])
            #expect(report["firstPartyDomains"] as? [String] == ["skat.dk"])
            let capture = try #require(report["capture"] as? [String: Any])
            #expect(capture["format"] as? String == "har" && capture["firstPartyRequests"] as? Int == 5)
            let parties = try #require(report["thirdParties"] as? [[String: Any]])
            let expected: [(host: String, service: String, usage: String?, outcome: String?, rule: String?)] = [
                ("6003178.global.siteimproveanalytics.io", "SVC-5", "USE-1", "compliant", "§3.1 R2"),
                ("policy.app.cookieinformation.com", "SVC-6", "USE-2", "compliant", "§3.1 R3"),
                ("region1.google-analytics.com", "SVC-1", nil, nil, nil),
                ("siteimproveanalytics.com", "SVC-5", "USE-1", "compliant", "§3.1 R2"),
                ("www.googletagmanager.com", "SVC-1", nil, nil, nil),
            ]
            #expect(parties.map { $0["host"] as? String } == expected.map(\.host))
            for (party, want) in zip(parties, expected) {
                #expect((party["service"] as? [String: Any])?["id"] as? String == want.service)
                let verdict = party["verdict"] as? [String: Any]
                #expect(verdict?["usage"] as? String == want.usage, "\(want.host)")
                #expect(verdict?["outcome"] as? String == want.outcome, "\(want.host)")
                #expect(verdict?["rule"] as? String == want.rule, "\(want.host)")
            }
            let consent = parties[1]["cookies"] as? [[String: Any]]
            #expect(consent?.first?["name"] as? String == "CookieInformationConsent")
            #expect(consent?.first?["lifetimeSeconds"] as? Int == 31_536_000)
            let unknown = try #require(report["unknown"] as? [[String: Any]])
            #expect(
                unknown.map { $0["host"] as? String } == ["in.hotjar.com", "script.hotjar.com", "static.hotjar.com"])
            #expect(unknown.allSatisfy { $0["catalogue"] as? String == "Hotjar" })
            let unused = try #require(report["unused"] as? [[String: Any]])
            #expect(unused.map { $0["usage"] as? String } == ["USE-3"])
            #expect(try validate(json.out, against: "scan-report", in: directory).code == 0)
            // The text says the same.
            for line in [
                "First party: skat.dk (5 requests; 10 hosts in all)",
                "Third parties (5):", "Unknown third parties (3), matching no registered service:",
                "Registered usages the capture never contacted (1):",
            ] {
                #expect(text.out.contains(line), "\(line)")
            }
            #expect(text.out.contains("not registered on this solution"))
            #expect(text.out.contains("Hotjar (catalogue)"))
            #expect(!text.out.contains("cdn.skat.dk"))
        }
    }

    /// --record and --add-usages: one audit event, the capture filed as scan evidence, the added usage
    /// non-compliant, and the JSON still matching its schema.
    @Test func recordsAndAddsUsagesInOneEvent() throws {
        try withTemporaryDirectory { directory in
            let evident = try Self.samples(directory)
            let before = try #require(try evident("log", "--json").json() as? [[String: Any]]).count
            let run = evident("scan", Self.har, "--solution", "TastSelv Borger", "--record", "--add-usages", "--json")
            #expect(run.code == 0, "\(run.err)")
            #expect(try validate(run.out, against: "scan-report", in: directory).code == 0)
            let report = try #require(try run.json() as? [String: Any])
            let recorded = try #require(report["recorded"] as? [String: Any])
            #expect(recorded["addedUsages"] as? [String] == ["USE-19"])
            let evidence = try #require(recorded["evidence"] as? String)
            let log = try #require(try evident("log", "--json").json() as? [[String: Any]])
            #expect(log.count == before + 1)
            #expect(log.last?["command"] as? String == "scan")
            let shown = try #require(try evident("evidence", "show", evidence, "--json").json() as? [String: Any])
            #expect(shown["kind"] as? String == "scan" && shown["captured"] as? String == "2026-11-02")
            let status = evident("status", "--solution", "TastSelv Borger")
            #expect(status.out.contains("USE-19") && status.out.contains("non-compliant"))
            #expect(evident("check").code == 0)
        }
    }

    @Test func refusesWhatItCannotScan() throws {
        try withTemporaryDirectory { directory in
            let evident = try Self.samples(directory)
            let notJSON = try temporaryFile("<html>\u{1B}]0;pwned\u{7}</html>", in: directory)
            let run = evident("scan", notJSON.path, "--solution", "TastSelv Borger")
            #expect(run.code == 1)
            #expect(run.err.contains("is not valid JSON at byte 0"), "\(run.err)")
            let app = evident("scan", Self.har, "--solution", "Politiets app")
            #expect(app.code == 1 && app.err.contains("is an app"), "\(app.err)")
            let suffix = evident("scan", Self.har, "--solution", "TastSelv Borger", "--first-party", "co.uk")
            #expect(suffix.code == 64 && suffix.err.contains("--first-party 'co.uk'"), "\(suffix.err)")
            let missing = evident("scan", directory.appendingPathComponent("none.har").path, "--solution", "SOL-1")
            #expect(missing.code == 1 && missing.err.contains("cannot read"), "\(missing.err)")
        }
    }

    /// A hostile capture's URLs cannot put escape sequences on the terminal.
    @Test func hostileURLsArePrintedVisibly() throws {
        try withTemporaryDirectory { directory in
            let evident = try Self.samples(directory)
            let har = try temporaryFile(
                #"{"log":{"entries":[{"request":{"url":"https://evil.example/\u001b]0;pwned\u0007"}}]}}"#, in: directory
            )
            let run = evident("scan", har.path, "--solution", "TastSelv Borger")
            #expect(run.code == 0, "\(run.err)")
            #expect(run.out.contains("evil.example"))
            #expect(!run.out.contains("\u{1B}") && !run.out.contains("\u{7}"))
        }
    }

    @Test func keepsFirstPartyDomainsOnTheSolution() throws {
        try withTemporaryDirectory { directory in
            let evident = try Self.samples(directory)
            #expect(evident("solution", "edit", "TastSelv Borger", "--first-party", "hotjar.com").code == 0)
            let json = try #require(
                try evident("scan", Self.har, "--solution", "TastSelv Borger", "--json").json() as? [String: Any])
            #expect(json["firstPartyDomains"] as? [String] == ["skat.dk", "hotjar.com"])
            #expect((json["unknown"] as? [Any])?.isEmpty == true)
            #expect(evident("solution", "edit", "TastSelv Borger", "--clear-first-party").code == 0)
            let again = try #require(
                try evident("scan", Self.har, "--solution", "TastSelv Borger", "--json").json() as? [String: Any])
            #expect((again["unknown"] as? [Any])?.count == 3)
            #expect(evident("check", "--deep").code == 0)
        }
    }

    @Test func listsAndAddsFromTheCatalogue() throws {
        try withTemporaryDirectory { directory in
            let evident = Evident(directory: directory)
            #expect(evident("init").code == 0)
            let list = evident("catalog", "list", "--json")
            #expect(list.code == 0)
            #expect(try validate(list.out, against: "catalog-list", in: directory).code == 0)
            #expect(evident("catalog", "list").out.contains("youtube-nocookie.com"))
            let added = evident("catalog", "add", "Hotjar", "jsdelivr", "--json")
            #expect(added.code == 0, "\(added.err)")
            #expect(try validate(added.out, against: "catalog-addition", in: directory).code == 0)
            let services = try #require(try evident("service", "list", "--json").json() as? [[String: Any]])
            #expect(services.map { $0["name"] as? String } == ["Hotjar", "jsDelivr"])
            let unknown = evident("catalog", "add", "Hotjar", "Nothing Such")
            #expect(unknown.code == 1 && unknown.err.contains("'Nothing Such' is not in the catalogue"))
        }
    }
}
