import Crypto
import EvidentTestSupport
import Foundation
import GRDB
import Testing

@testable import EvidentKit

/// A registry in a fresh temp home, with a fixed clock, and a few records to refer to.
struct Fixture {
    static let now = Date(timeIntervalSince1970: 1_781_517_600)  // 2026-06-15T10:00:00Z
    let directory: URL
    let registry: Registry
    let context = ChangeContext(actor: "tester", command: "test")

    init(in directory: URL) throws {
        self.directory = directory
        registry = try Registry.create(
            at: Home(path: directory.appendingPathComponent("home").path), clock: { Fixture.now })
    }

    /// An authority, a solution, a vendor with two services, and a usage of the first.
    func populate() throws {
        _ = try registry.addAuthority(AuthorityDraft(name: "Skattestyrelsen", cvr: "13748136", kind: .state), context)
        _ = try registry.addSolution(
            SolutionDraft(
                name: "TastSelv", kind: .selfService, channel: .web, url: "https://www.skat.dk", appId: nil,
                audience: .citizens, mandatory: true, mandatedBy: nil,
                owners: [.init(authority: "AUT-1", role: .responsible)]),
            context)
        _ = try registry.addVendor(VendorDraft(name: "Google Ireland", country: "IE", vat: "IE6388047V"), context)
        for (name, host) in [("Google Analytics", "*.google-analytics.com"), ("Google Fonts", "fonts.googleapis.com")] {
            _ = try registry.addService(
                ServiceDraft(vendor: "VEN-1", name: name, category: .statistics, hosts: [host], cookies: []), context)
        }
        _ = try registry.addUsage(
            UsageDraft(
                solution: "TastSelv", service: "Google Analytics", since: try Day(parsing: "2024-01-01"),
                route: .optOut, vendorOwnPurposes: .no), context)
    }

    func file(_ fixtures: [String], kind: EvidenceKind, covers: [String] = ["USE-1"]) throws -> EvidenceInfo {
        let paths = try fixtures.map { try Fixtures.copy($0, into: directory) }
        return try registry.fileEvidence(
            EvidenceDraft(
                kind: kind, title: "Evidence \(fixtures[0])", covers: covers,
                dates: EvidenceDates(captured: try Day(parsing: "2026-01-05")), parties: ["AUT-1"]),
            files: paths, context)
    }

    var home: URL { registry.home.url }
}

@Suite struct RegistryTests {
    @Test func schemaFileMatchesTheMigrations() throws {
        let committed = try String(
            contentsOf: Fixtures.repositoryRoot.appendingPathComponent("schema/registry.sql"), encoding: .utf8)
        #expect(try Registry.schemaSQL() == committed, "run 'evident schema > schema/registry.sql'")
    }

    @Test func createsAPrivateHomeAndRefusesToCreateItTwice() throws {
        try withTemporaryDirectory { directory in
            let fixture = try Fixture(in: directory)
            let attributes = try FileManager.default.attributesOfItem(atPath: fixture.home.path)
            #expect((attributes[.posixPermissions] as? Int) == 0o700)
            let database = try FileManager.default.attributesOfItem(atPath: fixture.registry.home.databasePath)
            #expect((database[.posixPermissions] as? Int) == 0o600)
            #expect(throws: RegistryError.homeExists(path: fixture.home.path)) {
                try Registry.create(at: fixture.registry.home)
            }
        }
    }

    @Test func opensOnlyAnExistingHome() throws {
        try withTemporaryDirectory { directory in
            let home = Home(path: directory.appendingPathComponent("nowhere").path)
            #expect(throws: RegistryError.homeMissing(path: home.path)) { try Registry.open(at: home) }
            #expect(!FileManager.default.fileExists(atPath: home.path))
        }
    }

    @Test func resolvesIdsExactNamesAndUniquePrefixes() throws {
        try withTemporaryDirectory { directory in
            let fixture = try Fixture(in: directory)
            try fixture.populate()
            let registry = fixture.registry
            #expect(try registry.resolve("svc-2", field: .service, kind: .service) == RecordID(.service, 2))
            #expect(try registry.resolve("google fonts", field: .service, kind: .service) == RecordID(.service, 2))
            #expect(try registry.resolve("Google A", field: .service, kind: .service) == RecordID(.service, 1))
            #expect(throws: RegistryError.self) { try registry.resolve("Google", field: .service, kind: .service) }
            #expect(throws: RegistryError.unknownReference(field: .service, value: "SVC-9", expected: [.service])) {
                try registry.resolve("SVC-9", field: .service, kind: .service)
            }
            #expect(throws: RegistryError.unknownReference(field: .service, value: "VEN-1", expected: [.service])) {
                try registry.resolve("VEN-1", field: .service, kind: .service)
            }
        }
    }

    @Test func refusesToRemoveWhatOthersDependOn() throws {
        try withTemporaryDirectory { directory in
            let fixture = try Fixture(in: directory)
            try fixture.populate()
            let registry = fixture.registry
            #expect(throws: RegistryError.inUse(RecordID(.authority, 1), dependents: [RecordID(.solution, 1)])) {
                try registry.removeAuthority("AUT-1", fixture.context)
            }
            #expect(throws: RegistryError.inUse(RecordID(.solution, 1), dependents: [RecordID(.usage, 1)])) {
                try registry.removeSolution("TastSelv", fixture.context)
            }
            #expect(
                throws: RegistryError.inUse(
                    RecordID(.vendor, 1), dependents: [RecordID(.service, 1), RecordID(.service, 2)])
            ) { try registry.removeVendor("VEN-1", fixture.context) }
            _ = try fixture.file(["agreement.pdf"], kind: .agreement, covers: ["USE-1", "SVC-2"])
            #expect(throws: RegistryError.inUse(RecordID(.usage, 1), dependents: [RecordID(.evidence, 1)])) {
                try registry.removeUsage("USE-1", fixture.context)
            }
            #expect(throws: RegistryError.inUse(RecordID(.service, 2), dependents: [RecordID(.evidence, 1)])) {
                try registry.removeService("SVC-2", fixture.context)
            }
        }
    }

    @Test func removesInDependencyOrderAndNeverReusesIds() throws {
        try withTemporaryDirectory { directory in
            let fixture = try Fixture(in: directory)
            try fixture.populate()
            let registry = fixture.registry
            #expect(try registry.removeUsage("USE-1", fixture.context) == RecordID(.usage, 1))
            #expect(try registry.removeSolution("SOL-1", fixture.context) == RecordID(.solution, 1))
            #expect(try registry.removeAuthority("AUT-1", fixture.context) == RecordID(.authority, 1))
            let again = try registry.addAuthority(
                AuthorityDraft(name: "Rigspolitiet", cvr: "13748136", kind: .state), fixture.context)
            #expect(again.id == RecordID(.authority, 2))
        }
    }

    @Test func storesTheSameBytesOnceAndKeepsEachFilingsName() throws {
        try withTemporaryDirectory { directory in
            let fixture = try Fixture(in: directory)
            try fixture.populate()
            let first = try fixture.file(["screenshot.png"], kind: .optOutScreenshot)
            let copy = try Fixtures.copy("screenshot.png", into: directory, as: "again.png")
            let second = try fixture.registry.fileEvidence(
                EvidenceDraft(kind: .optOutScreenshot, title: "Again", covers: ["VEN-1"], parties: ["AUT-1"]),
                files: [copy],
                fixture.context)
            #expect(first.files[0].sha256 == second.files[0].sha256)
            #expect(second.files[0].name == "again.png")
            #expect(storedObjects(inHome: fixture.home).count == 1)
            let expected = SHA256.hash(
                data: try Data(contentsOf: Fixtures.directory.appendingPathComponent("screenshot.png")))
            #expect(first.files[0].sha256 == expected.map { String(format: "%02x", $0) }.joined())
            let object = fixture.registry.store.objectPath(sha256: first.files[0].sha256)
            let mode = try FileManager.default.attributesOfItem(atPath: object)[.posixPermissions] as? Int
            #expect(mode == 0o444)
        }
    }

    @Test func streamsLargeFilesAcrossChunkBoundaries() throws {
        try withTemporaryDirectory { directory in
            let fixture = try Fixture(in: directory)
            try fixture.populate()
            var bytes = [UInt8]("plain text line, æøå\n".utf8)
            while bytes.count < 3 * FileIO.chunkSize + 7 { bytes += bytes }
            let path = directory.appendingPathComponent("big.txt")
            try Data(bytes).write(to: path)
            let info = try fixture.registry.fileEvidence(
                EvidenceDraft(kind: .optOutConfig, title: "Big", covers: ["USE-1"]), files: [path.path], fixture.context
            )
            #expect(info.files[0].size == Int64(bytes.count))
            #expect(info.files[0].mediaType == MediaType.text.rawValue)
            #expect(info.files[0].sha256 == SHA256.hash(data: Data(bytes)).map { String(format: "%02x", $0) }.joined())
            let out = directory.appendingPathComponent("out.txt").path
            try fixture.registry.store.exportObject(sha256: info.files[0].sha256, to: out, replace: false)
            #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == Data(bytes))
        }
    }

    @Test func aMismatchedSecondFileLeavesNothingBehind() throws {
        try withTemporaryDirectory { directory in
            let fixture = try Fixture(in: directory)
            try fixture.populate()
            let before = try snapshot(ofHome: fixture.home)
            #expect(throws: StoreError.self) {
                try fixture.file(["screenshot.png", "config.json"], kind: .optOutScreenshot)
            }
            #expect(try snapshot(ofHome: fixture.home) == before)
        }
    }

    @Test func withdrawsEvidenceButKeepsItsBytesAndRows() throws {
        try withTemporaryDirectory { directory in
            let fixture = try Fixture(in: directory)
            try fixture.populate()
            let filed = try fixture.file(["agreement.pdf"], kind: .agreement)
            let withdrawn = try fixture.registry.withdrawEvidence("EVD-1", reason: "wrong file", fixture.context)
            #expect(withdrawn.status == .withdrawn)
            #expect(withdrawn.withdrawn?.reason == "wrong file")
            #expect(withdrawn.files == filed.files)
            #expect(throws: RegistryError.alreadyWithdrawn(RecordID(.evidence, 1))) {
                try fixture.registry.withdrawEvidence("EVD-1", reason: nil, fixture.context)
            }
            #expect(storedObjects(inHome: fixture.home).count == 1)
        }
    }

    @Test func supersededEvidenceIsMarkedOnBothSides() throws {
        try withTemporaryDirectory { directory in
            let fixture = try Fixture(in: directory)
            try fixture.populate()
            _ = try fixture.file(["agreement.pdf"], kind: .agreement)
            let path = try Fixtures.copy("contract.docx", into: directory)
            let newer = try fixture.registry.fileEvidence(
                EvidenceDraft(kind: .agreement, title: "New DPA", covers: ["USE-1"], supersedes: "EVD-1"),
                files: [path], fixture.context)
            #expect(newer.supersedes == RecordID(.evidence, 1))
            let older = try fixture.registry.evidence("EVD-1")
            #expect(older.status == .superseded)
            #expect(older.supersededBy == [RecordID(.evidence, 2)])
        }
    }

    @Test func everyChangeAppendsOneChainedAuditEvent() throws {
        try withTemporaryDirectory { directory in
            let fixture = try Fixture(in: directory)
            try fixture.populate()
            _ = try fixture.file(["agreement.pdf"], kind: .agreement)
            _ = try fixture.registry.editAuthority("AUT-1", AuthorityEdit(name: "SKAT"), fixture.context)
            let events = try fixture.registry.read { db in
                try AuditEventRecord.order(AuditEventRecord.Columns.id).fetchAll(db)
            }
            #expect(events.count == 8)
            #expect(events.first?.previousHash == AuditTrail.genesisHash)
            for (previous, event) in zip(events, events.dropFirst()) {
                #expect(event.previousHash == previous.hash)
            }
            #expect(events.last?.records.map(\.id) == [.record(RecordID(.authority, 1))])
            #expect(events.last?.actor == "tester")
        }
    }

    @Test func refusedChangesWriteNoAuditEvent() throws {
        try withTemporaryDirectory { directory in
            let fixture = try Fixture(in: directory)
            try fixture.populate()
            let before = try snapshot(ofHome: fixture.home)
            #expect(throws: RegistryError.self) { try fixture.registry.removeAuthority("AUT-1", fixture.context) }
            #expect(throws: RegistryError.self) {
                try fixture.registry.editAuthority("AUT-1", AuthorityEdit(), fixture.context)
            }
            #expect(try snapshot(ofHome: fixture.home) == before)
        }
    }
}
