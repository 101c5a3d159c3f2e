import EvidentTestSupport
import Foundation
import Testing

@testable import EvidentKit

/// An agency's home with one solution, and a bundle of it signed by the agency's key.
struct AgencyBundle {
    let fixture: Fixture
    let key: SigningKey

    /// A home for `authority` (CVR `cvr`) whose solution at `url` uses one service under `route`, with evidence
    /// when `proven`.
    init(in directory: URL, authority: String, cvr: String, url: String, route: Route, proven: Bool) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        fixture = try Fixture(in: directory)
        let registry = fixture.registry
        let context = fixture.context
        _ = try registry.addAuthority(AuthorityDraft(name: authority, cvr: cvr, kind: .state), context)
        _ = try registry.addSolution(
            SolutionDraft(
                name: "Selvbetjening \(authority)", kind: .selfService, channel: .web, url: url, appId: nil,
                audience: .citizens, mandatory: true, mandatedBy: nil,
                owners: [.init(authority: "AUT-1", role: .responsible)]),
            context)
        _ = try registry.addVendor(VendorDraft(name: "Google Ireland", country: "IE", vat: "IE6388047V"), context)
        _ = try registry.addService(
            ServiceDraft(
                vendor: "VEN-1", name: "Google Analytics", category: .statistics, hosts: ["*.google-analytics.com"],
                cookies: []), context)
        _ = try registry.addUsage(
            UsageDraft(
                solution: "SOL-1", service: "SVC-1", since: try Day(parsing: "2024-01-01"), route: route,
                vendorOwnPurposes: .no), context)
        if proven { _ = try fixture.file(["screenshot.png"], kind: .optOutScreenshot) }
        key = SigningKey(comment: "ops@\(cvr)")
    }

    /// Seals a bundle of everything as of `asOf` at `sealTime` (seconds since 1970) into `path`, signed with this
    /// agency's key or `signer`'s.
    func bundle(
        _ path: String, asOf: String, sealTime: TimeInterval, signedBy signer: SigningKey? = nil
    ) throws -> String {
        _ = try fixture.registry.createBundle(
            selection: .all, asOf: try Day(parsing: asOf), sealTime: Date(timeIntervalSince1970: sealTime),
            key: signer ?? key, organization: nil, to: path)
        return path
    }

    /// The allowed-signers line that trusts this key for `principals`.
    func signersLine(_ principals: String) -> String {
        key.publicKey.allowedSignersLine(identity: principals) + "\n"
    }
}

/// The supervising authority's home and three agencies.
struct NationalFixture {
    let directory: URL
    let authority: Fixture
    let skat: AgencyBundle
    let sikkerhed: AgencyBundle
    let styrelse: AgencyBundle
    let signers: AllowedSigners

    static let seal2026: TimeInterval = 1_782_820_800  // 2026-06-30T12:00:00Z

    init(in directory: URL) throws {
        self.directory = directory
        let home = directory.appendingPathComponent("national")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        authority = try Fixture(in: home)
        skat = try AgencyBundle(
            in: directory.appendingPathComponent("skat"), authority: "Skattestyrelsen", cvr: "13748136",
            url: "https://www.skat.dk", route: .optOut, proven: true)
        sikkerhed = try AgencyBundle(
            in: directory.appendingPathComponent("sik"), authority: "Sikkerhedsstyrelsen", cvr: "25798376",
            url: "https://www.sik.dk", route: .optOut, proven: false)
        styrelse = try AgencyBundle(
            in: directory.appendingPathComponent("erst"), authority: "Erhvervsstyrelsen", cvr: "10150817",
            url: "https://erst.dk", route: .none, proven: false)
        signers = AllowedSigners(
            text: skat.signersLine("ops@skat.dk,cvr:13748136") + sikkerhed.signersLine("cvr:25798376")
                + styrelse.signersLine("it@erst.dk,cvr:10150817"))
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    func receive(_ paths: [String]) throws -> IntakeReport {
        try authority.registry.receiveBundles(paths, allowedSigners: signers, authority.context)
    }
}

@Suite struct IntakeTests {
    @Test func recordsTrustedBundlesWithTheirAuthoritySignerAndVerdicts() throws {
        try withTemporaryDirectory { directory in
            let national = try NationalFixture(in: directory)
            let skat = try national.skat.bundle(
                national.path("skat.tar"), asOf: "2026-06-01", sealTime: NationalFixture.seal2026)
            let report = try national.receive([skat])
            #expect(report.rejected.isEmpty)
            let bundle = try #require(report.accepted.first)
            #expect(bundle.authorities == [ReceivedAuthority(cvr: "13748136", name: "Skattestyrelsen")])
            #expect(bundle.signer == national.skat.key.publicKey.fingerprint)
            #expect(bundle.asOf == (try Day(parsing: "2026-06-01")))
            #expect(bundle.rulesVersion == RulesVersion.current.rawValue)
            #expect(bundle.sealedAt == "2026-06-30T12:00:00Z")
            #expect(bundle.solutions.map(\.key) == ["https://www.skat.dk"])
            #expect(bundle.solutions[0].totals["compliant"] == 1)
            // Named by its tag manifest; kept as documents that give the bundle back byte for byte; check finds
            // nothing amiss.
            let tagManifest = try #require(BundleVerifier.tagManifestHash(path: skat))
            #expect(bundle.tagManifestSha256 == tagManifest)
            #expect(bundle.size == Int64(try #require(FileManager.default.contents(atPath: skat)).count))
            let copy = national.path("copy.tar")
            _ = try national.authority.registry.exportReceivedBundle("RCV-1", to: copy, replace: false)
            #expect(FileManager.default.contents(atPath: copy) == FileManager.default.contents(atPath: skat))
            let check = try national.authority.registry.check(deep: true)
            #expect(check.problems.isEmpty, "\(check.problems)")
            #expect(try national.authority.registry.receivedBundle(String(tagManifest.prefix(12))).id == bundle.id)
        }
    }

    /// Where the kernel cannot copy between the bundle's file system and the home's (tmpfs to ext4 here), the
    /// bundle is read and written instead, with the same result.
    @Test func aBundleOnAnotherFileSystemIsKeptAsWell() throws {
        try withTemporaryDirectory { directory in
            let national = try NationalFixture(in: directory)
            let skat = try national.skat.bundle(
                national.path("skat.tar"), asOf: "2026-06-01", sealTime: NationalFixture.seal2026)
            let elsewhere = "/dev/shm/evident-test-\(UUID().uuidString).tar"
            try FileManager.default.copyItem(atPath: skat, toPath: elsewhere)
            defer { try? FileManager.default.removeItem(atPath: elsewhere) }
            #expect(try national.receive([elsewhere]).accepted.count == 1)
            let copy = national.path("copy.tar")
            _ = try national.authority.registry.exportReceivedBundle("RCV-1", to: copy, replace: false)
            #expect(FileManager.default.contents(atPath: copy) == FileManager.default.contents(atPath: skat))
            #expect(try national.authority.registry.check(deep: true).problems.isEmpty)
        }
    }

    /// A home copied without its empty directories (as git copies one) still takes bundles in.
    @Test func aHomeWithoutItsTempDirectoryStillReceives() throws {
        try withTemporaryDirectory { directory in
            let national = try NationalFixture(in: directory)
            let skat = try national.skat.bundle(
                national.path("skat.tar"), asOf: "2026-06-01", sealTime: NationalFixture.seal2026)
            try FileManager.default.removeItem(at: national.authority.home.appendingPathComponent("objects/tmp"))
            #expect(try national.receive([skat]).accepted.count == 1)
            #expect(try national.authority.registry.check(deep: true).problems.isEmpty)
        }
    }

    @Test func theSameBundleTwiceChangesNothing() throws {
        try withTemporaryDirectory { directory in
            let national = try NationalFixture(in: directory)
            let skat = try national.skat.bundle(
                national.path("skat.tar"), asOf: "2026-06-01", sealTime: NationalFixture.seal2026)
            #expect(try national.receive([skat, skat]).accepted.count == 1)
            let before = try snapshot(ofHome: national.authority.home)
            let again = try national.receive([skat])
            #expect(again.accepted.isEmpty)
            #expect(again.alreadyReceived.map(\.id) == [RecordID(.receivedBundle, 1)])
            #expect(try snapshot(ofHome: national.authority.home) == before)
        }
    }

    @Test(arguments: ["untrusted", "other-authority", "tampered"])
    func refusesWhatItCannotTrustAndStoresNothing(_ case_: String) throws {
        try withTemporaryDirectory { directory in
            let national = try NationalFixture(in: directory)
            let before = try snapshot(ofHome: national.authority.home)
            let path: String
            let expected: String
            switch case_ {
            case "untrusted":
                let intruder = try AgencyBundle(
                    in: directory.appendingPathComponent("intruder"), authority: "Skattestyrelsen", cvr: "13748136",
                    url: "https://www.skat.dk", route: .optOut, proven: true)
                path = try intruder.bundle(
                    national.path("intruder.tar"), asOf: "2026-06-01", sealTime: NationalFixture.seal2026)
                expected = "signature-untrusted"
            case "other-authority":
                // Sikkerhedsstyrelsen's key signs a bundle of Skattestyrelsen's solution.
                let forged = try AgencyBundle(
                    in: directory.appendingPathComponent("forged"), authority: "Skattestyrelsen", cvr: "13748136",
                    url: "https://www.skat.dk", route: .optOut, proven: true)
                path = try forged.bundle(
                    national.path("forged.tar"), asOf: "2026-06-01", sealTime: NationalFixture.seal2026,
                    signedBy: national.sikkerhed.key)
                expected = "signer-not-authority"
            default:
                path = try national.skat.bundle(
                    national.path("skat.tar"), asOf: "2026-06-01", sealTime: NationalFixture.seal2026)
                var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
                let range = try #require(bytes.range(of: Data("Google Analytics".utf8)))
                bytes.replaceSubrange(range, with: Data("Google Analytica".utf8))
                try bytes.write(to: URL(fileURLWithPath: path))
                expected = "tag-modified"
            }
            let report = try national.receive([path])
            #expect(report.accepted.isEmpty)
            let rejection = try #require(report.rejected.first)
            #expect(rejection.problems.map(\.code).contains(expected), "\(rejection.problems)")
            #expect(try snapshot(ofHome: national.authority.home) == before)
        }
    }

    @Test func aPastMomentRebuildsTheBundlesReceivedThen() throws {
        try withTemporaryDirectory { directory in
            let national = try NationalFixture(in: directory)
            let skat = try national.skat.bundle(
                national.path("skat.tar"), asOf: "2026-06-01", sealTime: NationalFixture.seal2026)
            let sik = try national.sikkerhed.bundle(
                national.path("sik.tar"), asOf: "2026-06-01", sealTime: NationalFixture.seal2026)
            _ = try national.receive([skat])
            let moment = try #require(try national.authority.registry.recordedMoment())
            _ = try national.receive([sik])
            let then = try national.authority.registry.asRecorded(moment)
            #expect(try then.receivedBundles() == [try national.authority.registry.receivedBundle("RCV-1")])
        }
    }

    @Test func principalsNameAuthoritiesOnlyLiterally() {
        #expect(SignerAuthority.cvrNumbers(in: ["ops@skat.dk,cvr:13748136", "cvr:*", "!cvr:25798376"]) == ["13748136"])
    }
}
