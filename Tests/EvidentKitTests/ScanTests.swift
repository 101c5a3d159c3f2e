import EvidentTestSupport
import Foundation
import GRDB
import Testing

@testable import EvidentKit

/// Registrable domains, first-party rules, capture readers and matching, on real files and a real registry.
@Suite struct ScanTests {
    /// Public-suffix cases: multi-label suffixes, look-alikes that carry a name under another domain, `www.`,
    /// deep subdomains, IP addresses, and suffixes themselves.
    @Test(arguments: [
        ("www.skat.dk", "skat.dk"), ("skat.dk", "skat.dk"), ("a.b.c.d.skat.dk", "skat.dk"),
        ("skat.dk.example.com", "example.com"), ("www.bbc.co.uk", "bbc.co.uk"), ("deep.sub.bbc.co.uk", "bbc.co.uk"),
        ("WWW.Skat.DK.", "skat.dk"), ("foo.github.io", "foo.github.io"), ("192.0.2.10", "192.0.2.10"),
        ("region1.google-analytics.com", "google-analytics.com"), ("x.kommune.no", "x.kommune.no"),
    ])
    func registrableDomain(_ host: String, _ expected: String) {
        #expect(RegistrableDomain.of(host) == expected)
    }

    @Test(arguments: ["co.uk", "dk", "github.io", "", "bad host", "a..b", "\u{1B}[31m.dk"])
    func hostsWithNoRegistrableDomain(_ host: String) {
        #expect(RegistrableDomain.of(host) == nil)
    }

    /// Subdomains of the solution's own registrable domains are first party; a host that merely contains its
    /// name under another registrable domain is not.
    @Test(arguments: [
        ("www.skat.dk", true), ("cdn.skat.dk", true), ("a.b.c.skat.dk", true), ("skat.dk", true),
        ("skat.dk.example.com", false), ("skatdk.com", false), ("notskat.dk", false), ("www.skat.co.uk", false),
        ("static.skat-cdn.co.uk", true), ("www.other.co.uk", false),
    ])
    func firstParty(_ host: String, _ expected: Bool) {
        #expect(Scanner.isFirstParty(host, ownDomains: ["skat.dk", "skat-cdn.co.uk"]) == expected)
    }

    @Test func aFirstPartyDomainMustNotBeAPublicSuffix() throws {
        #expect(throws: InputError.self) { try FirstPartyDomains.validate("co.uk") }
        #expect(throws: InputError.self) { try FirstPartyDomains.validate("*.skat.dk") }
        #expect(try FirstPartyDomains.validate(["CDN.skat.dk.", "cdn.skat.dk"]) == ["cdn.skat.dk"])
    }

    static func write(_ text: String, in directory: URL, as name: String = "capture.har") throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    static func corpus(_ path: String) -> String {
        Fixtures.repositoryRoot.appendingPathComponent(path).path
    }

    @Test func readsAChromiumHAR() throws {
        let capture = try CaptureReader.read(path: Self.corpus("Fuzz/corpus/har/chromium.har"))
        #expect(capture.format == .har)
        #expect(capture.page == "https://www.skat.dk/")
        #expect(capture.started == "2026-11-02T09:14:03.120Z")
        let gtm = try #require(capture.hosts["www.googletagmanager.com"])
        #expect(gtm.requests == 1 && gtm.resourceTypes == ["script"])
        #expect(gtm.cookies.map(\.name) == ["_ga", "NID"])
        #expect(gtm.cookies[0] == CapturedCookie(name: "_ga", domain: "skat.dk", lifetimeSeconds: 63_072_000))
        #expect(gtm.cookies[1].domain == "google.com" && gtm.cookies[1].lifetimeSeconds == 181 * 86_400 - 1)
        #expect(capture.hosts["www.skat.dk"]?.cookies.first?.lifetimeSeconds == nil)
    }

    /// Firefox names no resource type (it is inferred from the MIME type) and joins Set-Cookie headers by lines.
    @Test func readsAFirefoxHAR() throws {
        let capture = try CaptureReader.read(path: Self.corpus("Fuzz/corpus/har/firefox.har"))
        let fonts = try #require(capture.hosts["fonts.gstatic.com"])
        #expect(fonts.resourceTypes == ["font"])
        #expect(fonts.cookies.map(\.name) == ["a", "b"])
        #expect(fonts.cookies[1].lifetimeSeconds == 60)
        // Expires 2026-12-02 10:00 GMT, requested at 09:00:00.1 GMT thirty days before.
        #expect(fonts.cookies[0].lifetimeSeconds == 30 * 86_400 + 3600 - 1)
    }

    @Test func readsAnInspectionJSON() throws {
        let capture = try CaptureReader.read(path: Self.corpus("samples/captures/borger-dk-inspection.json"))
        #expect(capture.format == .inspection)
        #expect(capture.page == "https://www.borger.dk/")
        #expect(capture.hosts["region1.google-analytics.com"]?.requests == 2)
        #expect(capture.hosts["www.facebook.com"] == nil, "a link target was never contacted")
        // A cookie stored for vimeo.com goes to the contacted host within that domain.
        #expect(capture.hosts["player.vimeo.com"]?.cookies.map(\.name) == ["vuid"])
        #expect(capture.hosts["vimeo.com"] == nil)
    }

    /// Response bodies are read through without being kept; a URL longer than the limit is refused by name.
    @Test func skipsLargeBodiesAndRefusesEnormousKeptFields() throws {
        try withTemporaryDirectory { directory in
            let body = String(repeating: "A", count: 3_000_000)
            let big = try Self.write(
                #"{"log":{"entries":[{"request":{"url":"https://cdn.jsdelivr.net/x"},"response":{"content":{"text":"\#(body)"}}}]}}"#,
                in: directory)
            #expect(try CaptureReader.read(path: big).hosts["cdn.jsdelivr.net"]?.requests == 1)
            let url = "https://a.example/" + String(repeating: "b", count: 70_000)
            let long = try Self.write(
                #"{"log":{"entries":[{"request":{"url":"\#(url)"}}]}}"#, in: directory, as: "long.har")
            #expect(
                throws: ScanError.tooLarge(
                    path: long, what: "a request URL (entry 1) longer than 65536 bytes", limit: 65536)
            ) {
                try CaptureReader.read(path: long)
            }
        }
    }

    @Test(arguments: [
        ("", "is not valid JSON at byte 0: the file is empty"),
        ("{\"log\":{\"entries\":[{\"request\":{\"url\":\"https://a.b/\"}", "the file ends in the middle of the JSON"),
        ("[1,2]", "neither a HAR capture nor a Website Evidence Collector inspection.json: it is not a JSON object"),
        ("{\"hello\":1}", "it has neither a HAR log with entries nor inspection.json's uri_ins and hosts"),
        ("{\"log\":{\"entries\":[{\"response\":{}}]}}", "entry 1 has no request URL"),
        ("{\"log\":{\"entries\":[]}} x", "more follows the JSON document"),
        ("{\"log\":{\"entries\":[\"x\"]}}", "entry 1 is not an object"),
        ("{\"log\":" + String(repeating: "[", count: 200), "nested deeper than 64 levels"),
        ("{\"log\":{\"entries\":[{\"request\":{\"url\":\"\\ud800\"}}]}}", "a lone surrogate"),
        ("{\"log\":{\"entries\":[{\"request\":{\"url\":\"a\u{1}\"}}]}}", "a control character inside a string"),
        ("{\"log\":{\"entries\":[]},\"uri_ins\":\"x\",\"hosts\":{}}", "both a HAR log and inspection.json's members"),
        ("\u{FF}\u{FE}", "unexpected character"),
    ])
    func refusesWhatIsNotACapture(_ text: String, _ expected: String) throws {
        try withTemporaryDirectory { directory in
            let path = try Self.write(text, in: directory)
            do {
                _ = try CaptureReader.read(path: path)
                Issue.record("accepted \(text.prefix(40))")
            } catch let error as ScanError {
                #expect(error.description.contains(expected), "\(error.description)")
                #expect(!error.description.contains("\n"))
            } catch {
                Issue.record("not a ScanError: \(error)")
            }
        }
    }

    @Test func hostileHostsAreNotHosts() throws {
        try withTemporaryDirectory { directory in
            let path = try Self.write(
                #"{"log":{"entries":[{"request":{"url":"https://ev\u001b[31mil.com/"}},{"request":{"url":"javascript:alert(1)"}},{"request":{"url":"https://ok.example.com/"}}]}}"#,
                in: directory)
            #expect(try CaptureReader.read(path: path).hosts.keys.sorted() == ["ok.example.com"])
        }
    }

    @Test(arguments: [
        ("region1.google-analytics.com", "Google Analytics"), ("www.youtube-nocookie.com", "YouTube"),
        ("i.ytimg.com", "YouTube"), ("fonts.gstatic.com", "Google Fonts"), ("cdn.jsdelivr.net", "jsDelivr"),
        ("6003178.global.siteimproveanalytics.io", "Siteimprove Analytics"), ("snap.licdn.com", "LinkedIn Insight Tag"),
        ("static.hotjar.com", "Hotjar"), ("www.clarity.ms", "Microsoft Clarity"), ("unpkg.com", "unpkg"),
    ])
    func catalogueMatchesHosts(_ host: String, _ service: String) {
        #expect(Catalogue.service(matching: host)?.name == service)
    }

    @Test func theCatalogueIsValidAndHasNoRepeats() throws {
        #expect(Catalogue.services.count >= 40)
        #expect(Set(Catalogue.services.map { $0.name.lowercased() }).count == Catalogue.services.count)
        for entry in Catalogue.services {
            _ = try ServiceDraft(
                vendor: entry.vendor.name, name: entry.name, category: entry.category, hosts: entry.hosts,
                cookies: entry.cookies)
            _ = try VendorDraft(name: entry.vendor.name, country: entry.vendor.country, website: entry.vendor.website)
        }
        #expect(Catalogue.service(matching: "skat.dk") == nil)
    }

    /// Scan evidence proves no route under any rules version, so filing a scan never makes anything compliant.
    @Test func scanEvidenceProvesNoRoute() {
        #expect(RulesV2.route(provenBy: .scan) == nil)
        for route in Route.allCases {
            #expect(!RulesV1.proves(.scan, route))
            #expect(!RulesV2.kinds(proving: route).contains(.scan))
        }
    }

    /// A fixture home scanned with a HAR of its solution (www.skat.dk): Google Analytics is used (USE-1), Google
    /// Fonts is registered but not used, jsDelivr is unknown, cdn.skat.dk is first party.
    static func scanFixture(_ directory: URL) throws -> (Fixture, String) {
        let fixture = try Fixture(in: directory)
        try fixture.populate()
        let path = try write(
            """
            {"log":{"entries":[
            {"startedDateTime":"2026-06-01T08:00:00Z","request":{"url":"https://www.skat.dk/"}},
            {"request":{"url":"https://cdn.skat.dk/app.js"},"_resourceType":"script"},
            {"request":{"url":"https://region1.google-analytics.com/g/collect"},"_resourceType":"ping"},
            {"request":{"url":"https://fonts.googleapis.com/css"},"_resourceType":"stylesheet"},
            {"request":{"url":"https://cdn.jsdelivr.net/npm/x.js"},"_resourceType":"script"},
            {"request":{"url":"https://skat.dk.example.com/t.gif"},"_resourceType":"image"}
            ]}}
            """, in: directory)
        return (fixture, path)
    }

    @Test func matchesHostsToServicesUsagesAndVerdicts() throws {
        try withTemporaryDirectory { directory in
            let (fixture, path) = try Self.scanFixture(directory)
            _ = try fixture.file(["screenshot.png"], kind: .optOutScreenshot)
            let report = try fixture.registry.scan(
                path: path, ScanOptions(solution: "TastSelv"), fixture.context)
            #expect(report.firstPartyDomains == ["skat.dk"])
            #expect(report.capture.firstPartyRequests == 2)
            #expect(report.thirdParties.map(\.host) == ["fonts.googleapis.com", "region1.google-analytics.com"])
            let analytics = report.thirdParties[1]
            #expect(analytics.service?.id == RecordID(.service, 1) && analytics.verdict?.usage == RecordID(.usage, 1))
            #expect(analytics.verdict?.outcome == .compliant && analytics.verdict?.rule == "§3.1 R1")
            #expect(report.thirdParties[0].verdict == nil, "Google Fonts has no usage on the solution")
            #expect(report.unknown.map(\.host) == ["cdn.jsdelivr.net", "skat.dk.example.com"])
            #expect(report.unknown[0].catalogue == "jsDelivr")
            #expect(report.unused.isEmpty)
            // A first-party domain given for the scan makes the look-alike's domain the solution's own.
            let again = try fixture.registry.scan(
                path: path, ScanOptions(solution: "TastSelv", firstParty: ["example.com"]), fixture.context)
            #expect(again.unknown.map(\.host) == ["cdn.jsdelivr.net"])
            #expect(again.firstPartyDomains == ["skat.dk", "example.com"])
        }
    }

    @Test func listsUsagesTheCaptureNeverContacted() throws {
        try withTemporaryDirectory { directory in
            let (fixture, _) = try Self.scanFixture(directory)
            let path = try Self.write(
                #"{"log":{"entries":[{"request":{"url":"https://www.skat.dk/"}}]}}"#, in: directory, as: "b.har")
            let report = try fixture.registry.scan(path: path, ScanOptions(solution: "SOL-1"), fixture.context)
            #expect(report.thirdParties.isEmpty && report.unknown.isEmpty)
            #expect(report.unused.map(\.usage) == [RecordID(.usage, 1)])
            #expect(report.unused[0].hosts == ["*.google-analytics.com"])
        }
    }

    /// Stored first-party domains count in every scan, are audited with the solution (form version 3), and
    /// come back in a registry rebuilt as recorded.
    @Test func storedFirstPartyDomainsAreAuditedAndUsed() throws {
        try withTemporaryDirectory { directory in
            let (fixture, path) = try Self.scanFixture(directory)
            var edit = SolutionEdit()
            edit.firstParty = ["example.com"]
            _ = try fixture.registry.editSolution("TastSelv", edit, fixture.context)
            #expect(try fixture.registry.firstPartyDomains(of: "TastSelv") == ["example.com"])
            let report = try fixture.registry.scan(path: path, ScanOptions(solution: "TastSelv"), fixture.context)
            #expect(report.unknown.map(\.host) == ["cdn.jsdelivr.net"])
            #expect(try fixture.registry.check(deep: true).problems == [])
            try DatabaseQueue(path: fixture.home.appendingPathComponent("registry.sqlite").path).write { db in
                try db.execute(sql: "UPDATE solutionFirstParty SET domain = 'evil.com'")
            }
            let problems = try fixture.registry.check(deep: false).problems
            #expect(problems.contains { $0.code == .recordModified && $0.subject == "SOL-1" }, "\(problems)")
        }
    }

    /// Records last touched in form version 2 still check clean once the form covers first-party domains.
    @Test func anOldChainStillVerifiesAfterTheFormCoversFirstPartyDomains() throws {
        try withTemporaryDirectory { directory in
            let home = URL(fileURLWithPath: try Fixtures.copy("homes/samples-v1", into: directory, as: "home"))
            let registry = try Registry.open(at: Home(path: home.path))
            #expect(try registry.check(deep: true).problems == [])
            var edit = SolutionEdit()
            edit.firstParty = ["skat-cdn.dk"]
            _ = try registry.editSolution("SOL-1", edit, ChangeContext(actor: "tester", command: "test"))
            #expect(try registry.check(deep: true).problems == [])
            let events = try registry.log()
            // Hashed in the current version, which covers first-party domains from version 3 on.
            #expect(AuditTrail.formVersion >= 3)
            #expect(events.last?.records.first?.form == AuditTrail.formVersion)
        }
    }

    @Test func recordsTheCaptureAndAddsUsagesInOneEvent() throws {
        try withTemporaryDirectory { directory in
            let (fixture, path) = try Self.scanFixture(directory)
            let before = try fixture.registry.log().count
            let report = try fixture.registry.scan(
                path: path, ScanOptions(solution: "TastSelv", record: true, addUsages: true), fixture.context)
            let recorded = try #require(report.recorded)
            #expect(recorded.addedUsages == [RecordID(.usage, 2)])
            let evidence = try fixture.registry.evidence(try #require(recorded.evidence).description)
            let captured = try Day(parsing: "2026-06-01")
            #expect(evidence.kind == .scan && evidence.dates.captured == captured)
            #expect(Set(evidence.covers) == [RecordID(.usage, 1), RecordID(.usage, 2)])
            #expect(evidence.files[0].mediaType == "application/json")
            let events = try fixture.registry.log()
            #expect(events.count == before + 1)
            #expect(Set(events.last!.records.map(\.id.description)) == ["EVD-1", "USE-2"])
            // The added usage claims no route: non-compliant until someone files proof; the scan proves nothing.
            let fonts = try #require(report.thirdParties.first { $0.host == "fonts.googleapis.com" })
            #expect(fonts.verdict?.outcome == .nonCompliant && fonts.verdict?.route == Route.none)
            #expect(try fixture.registry.check(deep: true).problems == [])
        }
    }

    /// A failure inside the transaction (here the database refusing the evidence row) leaves no usage, no
    /// evidence, no audit event and no object behind.
    @Test func aFailedRecordingLeavesNothing() throws {
        try withTemporaryDirectory { directory in
            let (fixture, path) = try Self.scanFixture(directory)
            let database = fixture.home.appendingPathComponent("registry.sqlite").path
            try DatabaseQueue(path: database).write { db in
                try db.execute(
                    sql: "CREATE TRIGGER refuse BEFORE INSERT ON evidence BEGIN SELECT RAISE(ABORT, 'refused'); END")
            }
            let snapshotBefore = try snapshot(ofHome: fixture.home)
            let objectsBefore = storedObjects(inHome: fixture.home)
            #expect(throws: RegistryError.self) {
                try fixture.registry.scan(
                    path: path, ScanOptions(solution: "TastSelv", record: true, addUsages: true), fixture.context)
            }
            #expect(try snapshot(ofHome: fixture.home) == snapshotBefore)
            #expect(storedObjects(inHome: fixture.home) == objectsBefore)
        }
    }

    @Test func recordingNeedsSomethingToCoverAndAWebSolution() throws {
        try withTemporaryDirectory { directory in
            let (fixture, path) = try Self.scanFixture(directory)
            _ = try fixture.registry.removeUsage("USE-1", fixture.context)
            #expect(throws: ScanError.nothingToCover(solution: "SOL-1")) {
                try fixture.registry.scan(path: path, ScanOptions(solution: "TastSelv", record: true), fixture.context)
            }
            #expect(try fixture.registry.evidenceList().isEmpty)
        }
    }

    @Test func addsCatalogueServicesOnceWithTheirVendors() throws {
        try withTemporaryDirectory { directory in
            let fixture = try Fixture(in: directory)
            let added = try fixture.registry.addFromCatalogue(["hotjar", "Google Fonts", "YouTube"], fixture.context)
            #expect(added.addedVendors.map(\.name) == ["Hotjar Ltd", "Google Ireland Limited"])
            #expect(added.addedServices.map(\.name) == ["Hotjar", "Google Fonts", "YouTube"])
            let events = try fixture.registry.log().count
            let again = try fixture.registry.addFromCatalogue(["YouTube"], fixture.context)
            #expect(again.addedServices.isEmpty && again.existingServices.map(\.name) == ["YouTube"])
            #expect(try fixture.registry.log().count == events, "nothing added, no event")
            #expect(throws: ScanError.unknownCatalogEntry("Nope")) {
                try fixture.registry.addFromCatalogue(["YouTube", "Nope"], fixture.context)
            }
            #expect(try fixture.registry.services().count == 3)
        }
    }
}
