import EvidentTestSupport
import Foundation
import Testing

/// A supervising authority's home beside one agency (Skattestyrelsen, from `populate`) whose bundle of 2026 it
/// trusts through an allowed_signers line naming `cvr:13748136`.
struct NationalRound {
    let national: Evident
    let agency: Evident
    let bundle: String
    let signers: String

    init(in directory: URL) throws {
        agency = Evident(directory: directory.appendingPathComponent("agency"))
        try FileManager.default.createDirectory(at: agency.directory, withIntermediateDirectories: true)
        try agency.populate()
        let key = agency.directory.appendingPathComponent("key").path
        #expect(agency("key", "new", "--out", key, "--identity", "ops@skat.dk").code == 0)
        bundle = directory.appendingPathComponent("skat.tar").path
        let created = agency(
            "bundle", "create", "--all", "--as-of", "2026-06-01", "--key", key, "--out", bundle, "--seal-time",
            "2026-06-30T12:00:00Z")
        #expect(created.code == 0, "\(created.err)")
        let publicKey = try String(contentsOfFile: key + ".pub", encoding: .utf8)
            .split(separator: " ").prefix(2).joined(separator: " ")
        signers = directory.appendingPathComponent("allowed_signers").path
        try "ops@skat.dk,cvr:13748136 \(publicKey)\n".write(toFile: signers, atomically: true, encoding: .utf8)
        national = Evident(directory: directory.appendingPathComponent("national"))
        try FileManager.default.createDirectory(at: national.directory, withIntermediateDirectories: true)
        #expect(national("init").code == 0)
    }
}

@Suite struct NationalCommandTests {
    @Test func intakeRecordsOnceAndRefusesASignerForAnotherAuthority() throws {
        try withTemporaryDirectory { directory in
            let round = try NationalRound(in: directory)
            let first = round.national("intake", "add", round.bundle, "--allowed-signers", round.signers)
            #expect(first.code == 0, "\(first.err)")
            #expect(first.out.hasPrefix("received RCV-1: "))
            let again = round.national("intake", "add", round.bundle, "--allowed-signers", round.signers)
            #expect(again.out.contains("already received RCV-1") && again.code == 0)
            #expect(round.national("log", "--json").out.components(separatedBy: "intake add").count == 2)

            // intake get gives the bundle back byte for byte, and neither overwrites nor guesses.
            let copy = directory.appendingPathComponent("copy.tar").path
            let get = round.national("intake", "get", "RCV-1", "--out", copy)
            #expect(get.code == 0, "\(get.err)")
            #expect(get.err.hasPrefix("Wrote \(copy) (RCV-1, "))
            #expect(FileManager.default.contents(atPath: copy) == FileManager.default.contents(atPath: round.bundle))
            let over = round.national("intake", "get", "RCV-1", "--out", copy)
            #expect(over.code == 1 && over.err.contains("already exists"), "\(over.err)")
            let unknown = round.national("intake", "get", "RCV-9", "--out", copy + ".2")
            #expect(unknown.code == 64 && !FileManager.default.fileExists(atPath: copy + ".2"), "\(unknown.err)")

            // The same key, tied to another authority's CVR.
            let line = try String(contentsOfFile: round.signers, encoding: .utf8)
            try line.replacingOccurrences(of: "cvr:13748136", with: "cvr:25798376").write(
                toFile: round.signers, atomically: true, encoding: .utf8)
            let other = Evident(directory: directory.appendingPathComponent("other"))
            try FileManager.default.createDirectory(at: other.directory, withIntermediateDirectories: true)
            #expect(other("init").code == 0)
            let before = try snapshot(ofHome: other.home)
            let refused = other("intake", "add", round.bundle, "--allowed-signers", round.signers, "--json")
            #expect(refused.code == 1)
            let json = try #require(try refused.json() as? [String: Any])
            let rejected = try #require(json["rejected"] as? [[String: Any]])
            let codes = (rejected.first?["problems"] as? [[String: Any]])?.compactMap { $0["code"] as? String }
            #expect(codes == ["signer-not-authority"])
            #expect(try snapshot(ofHome: other.home) == before)
        }
    }

    @Test func thePublishedPageLoadsInChromiumWithNoRequestLeavingTheFile() throws {
        try withTemporaryDirectory { directory in
            let round = try NationalRound(in: directory)
            #expect(round.national("intake", "add", round.bundle, "--allowed-signers", round.signers).code == 0)
            let expect = directory.appendingPathComponent("expect.csv").path
            try
                "cvr;name;ministry\n13748136;Skattestyrelsen;Skatteministeriet\n43280910;Digitaliseringsstyrelsen;Digitaliseringsministeriet\n"
                .write(toFile: expect, atomically: true, encoding: .utf8)
            let out = directory.appendingPathComponent("published")
            let written = round.national(
                "evaluation", "--year", "2026", "--as-of", "2026-12-31", "--expect", expect, "--out", out.path)
            #expect(written.code == 0, "\(written.err)")
            let page = out.appendingPathComponent("evaluation.html")
            let html = try String(contentsOf: page, encoding: .utf8)
            // Nothing that could make a request: no element or attribute that loads, no CSS import or url().
            // (Solutions' URLs appear as text, which loads nothing.)
            for pattern in [
                "src=", "href=", "srcset=", "action=", "poster=", "data=", "@import", "url(", "<script", "<link",
                "<img", "<iframe", "<object", "<embed", "<base",
            ] {
                #expect(!html.lowercased().contains(pattern), "the page holds '\(pattern)'")
            }
            let dom = try tool(
                "chromium",
                Self.chromiumFlags + ["--dump-dom", page.absoluteString])
            #expect(dom.code == 0, "\(dom.err)")
            #expect(dom.out.contains("<h1>Den nationale evaluering 2026"))
            #expect(dom.out.contains("Digitaliseringsstyrelsen") && dom.out.contains("</footer>"))
            for (name, size) in [("desktop.png", "1280,900"), ("phone.png", "390,844")] {
                let png = directory.appendingPathComponent(name)
                let shot = try tool(
                    "chromium",
                    Self.chromiumFlags + ["--window-size=\(size)", "--screenshot=\(png.path)", page.absoluteString])
                #expect(shot.code == 0, "\(shot.err)")
                let bytes = try Data(contentsOf: png)
                #expect(
                    bytes.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) && bytes.count > 10_000)
                // To look at the page: EVIDENT_KEEP_SCREENSHOTS=DIR swift test --filter thePublishedPage
                if let keep = ProcessInfo.processInfo.environment["EVIDENT_KEEP_SCREENSHOTS"] {
                    try? FileManager.default.copyItem(
                        at: png, to: URL(fileURLWithPath: keep).appendingPathComponent(name))
                }
            }
        }
    }

    /// Headless, with every host name resolving to nothing: a page that needed the network would come out
    /// incomplete.
    static let chromiumFlags = [
        "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
        "--host-resolver-rules=MAP * ~NOTFOUND", "--virtual-time-budget=2000",
    ]
}
