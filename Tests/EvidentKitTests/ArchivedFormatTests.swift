import EvidentTestSupport
import Foundation
import Testing

@testable import EvidentKit

/// Records sealed by earlier versions of evident keep verifying: bundles and audit chains are archival.
///
/// The fixtures were made by the evident of their day and are never regenerated: `Tests/Fixtures/bundles`
/// holds bundles with the `allowed_signers` line of the key that sealed them, `Tests/Fixtures/homes` a
/// registry home (the samples) with its audit trail.
@Suite struct ArchivedFormatTests {
    static let bundles = [
        "rules-v1-solution.tar", "rules-v1-all.tar", "rules-v2-solution.tar", "rules-v2-all.tar",
    ]

    static func allowedSigners() throws -> AllowedSigners {
        AllowedSigners(
            text: try String(
                contentsOf: Fixtures.directory.appendingPathComponent("bundles/allowed_signers"), encoding: .utf8))
    }

    @Test(arguments: bundles)
    func anArchivedBundleStillVerifies(_ name: String) throws {
        let path = Fixtures.directory.appendingPathComponent("bundles/\(name)").path
        let verification = BundleVerifier.verify(path: path, allowedSigners: try Self.allowedSigners())
        #expect(verification.problems == [])
        #expect(verification.status == .valid)
        #expect((verification.verdicts ?? 0) > 0)
    }

    @Test func anArchivedHomeStillChecksClean() throws {
        try withTemporaryDirectory { directory in
            let home = URL(fileURLWithPath: try Fixtures.copy("homes/samples-v1", into: directory, as: "home"))
            let registry = try Registry.open(at: Home(path: home.path))
            let report = try registry.check(deep: true)
            #expect(report.problems == [])
            #expect(report.auditEvents >= 55)
        }
    }

    @Test func anArchivedHomeIsRebuiltAsRecordedFromTheContentOfRecordsUnchangedSince() throws {
        try withTemporaryDirectory { directory in
            let home = URL(fileURLWithPath: try Fixtures.copy("homes/samples-v1", into: directory, as: "home"))
            let registry = try Registry.open(
                at: Home(path: home.path), clock: { Date(timeIntervalSince1970: 1_796_083_200) })  // 2026-12-01
            let moment = try #require(try registry.recordedMoment())
            let rebuilt = try registry.asRecorded(moment)
            var day = Rules.guidanceDate
            while day <= (try Day(parsing: "2028-01-01")) {
                #expect(try rebuilt.evaluate(asOf: day) == registry.evaluate(asOf: day), "as of \(day)")
                day = day.adding(months: 1)
            }
            // EVD-1 changed again in the next event, so its content as event 45 left it was never stored.
            let gap = try RecordedMoment(parsing: "2026-11-30T13:06:22Z@45")
            #expect(throws: InputError.self) { try registry.asRecorded(gap) }
            #expect(try registry.check(deep: false).problems == [])
        }
    }

    /// A home whose intake, before bundles were kept in parts, stored a bundle whole: its audit chain still
    /// checks, the bundle is named by its tag manifest read from the stored tar, given back byte for byte, and
    /// handing it in again changes nothing.
    @Test func aHomeThatReceivedABundleWholeStillChecksAndKnowsIt() throws {
        try withTemporaryDirectory { directory in
            let home = URL(fileURLWithPath: try Fixtures.copy("homes/national-v5", into: directory, as: "home"))
            let received = Fixtures.directory.appendingPathComponent("homes/national-v5-received")
            let bundle = received.appendingPathComponent("skat-2026.tar").path
            let registry = try Registry.open(at: Home(path: home.path))
            #expect(try registry.check(deep: true).problems == [])

            let info = try registry.receivedBundle("RCV-1")
            #expect(info.tagManifestSha256 == BundleVerifier.tagManifestHash(path: bundle))
            #expect(info.tagManifestSha256.count == 64)
            #expect(info.size == Int64(try #require(FileManager.default.contents(atPath: bundle)).count))
            let copy = directory.appendingPathComponent("copy.tar").path
            _ = try registry.exportReceivedBundle("RCV-1", to: copy, replace: false)
            #expect(FileManager.default.contents(atPath: copy) == FileManager.default.contents(atPath: bundle))
            let evaluation = try registry.nationalEvaluation(year: 2026)
            #expect(evaluation.authorities.first?.solutions.first?.source.tagManifestSha256 == info.tagManifestSha256)

            let events = try registry.log().count
            let signers = AllowedSigners(
                text: try String(contentsOf: received.appendingPathComponent("allowed_signers"), encoding: .utf8))
            let again = try registry.receiveBundles(
                [bundle], allowedSigners: signers, ChangeContext(actor: "tester", command: "test"))
            #expect(again.accepted.isEmpty)
            #expect(again.rejected.isEmpty)
            #expect(again.alreadyReceived.map(\.id) == [info.id])
            #expect(try registry.log().count == events)
            #expect(try registry.check(deep: true).problems == [])
        }
    }

    /// The archived bundle, its evaluation.json edited by `change`, resealed and signed by a fresh trusted key.
    static func resigned(
        _ name: String, in directory: URL, change: (String) -> String
    ) throws -> BundleVerification {
        var tar = try TarEntries(reading: Fixtures.directory.appendingPathComponent("bundles/\(name)").path)
        let evaluation = String(decoding: tar.bytes("metadata/evaluation.json")!, as: UTF8.self)
        let changed = change(evaluation)
        #expect(changed != evaluation)
        tar.set("metadata/evaluation.json", Array(changed.utf8))
        tar.reseal()
        let key = SigningKey(comment: "test")
        try tar.resign(with: key)
        let path = directory.appendingPathComponent("resigned.tar").path
        try tar.write(to: path)
        let trusted = AllowedSigners(text: key.publicKey.allowedSignersLine(identity: "auditor@example") + "\n")
        return BundleVerifier.verify(path: path, allowedSigners: trusted)
    }

    @Test(arguments: bundles)
    func rewordedReasonsLeaveAnArchivedBundleValid(_ name: String) throws {
        try withTemporaryDirectory { directory in
            // Every reason in other words, as a later evident may phrase them: what is signed is their meaning.
            let verification = try Self.resigned(name, in: directory) { evaluation in
                evaluation.replacingOccurrences(
                    of: #""reason" : "[^"]*""#, with: #""reason" : "worded otherwise""#, options: .regularExpression)
            }
            #expect(verification.problems == [])
            #expect(verification.status == .valid)
        }
    }

    @Test func aChangedMeaningIsStillCaught() throws {
        try withTemporaryDirectory { directory in
            let verification = try Self.resigned("rules-v1-solution.tar", in: directory) { evaluation in
                evaluation.replacingOccurrences(
                    of: #""outcome" : "missing-evidence""#, with: #""outcome" : "compliant""#)
            }
            #expect(verification.status == .invalid)
            #expect(verification.problems.map(\.code).contains(.evaluationMismatch))
        }
    }

    @Test func anUnknownRulesVersionIsReportedAsTooNewNotAsTampering() throws {
        try withTemporaryDirectory { directory in
            let verification = try Self.resigned("rules-v1-solution.tar", in: directory) { evaluation in
                evaluation.replacingOccurrences(of: #""asOf" : "#, with: #""rulesVersion" : 99, "asOf" : "#)
            }
            #expect(verification.status == .unsupported)
            #expect(verification.exitCode == 3)
            #expect(verification.problems.map(\.code) == [.rulesUnsupported])
        }
    }

    @Test func theReportIsListedAsNotRederived() throws {
        let path = Fixtures.directory.appendingPathComponent("bundles/rules-v1-all.tar").path
        let verification = BundleVerifier.verify(path: path, allowedSigners: try Self.allowedSigners())
        #expect(verification.notRederived == ["metadata/report.html"])
    }
}

/// The audit trail's canonical form is spelt out field by field; these are the bytes the first chains hashed.
@Suite struct CanonicalFormTests {
    @Test func aRecordIsWrittenAsTheFirstChainsHashedIt() {
        let solution = SolutionRecord(
            id: 3, name: "Tast\"Selv\" æøå \\ /\n\t\u{1}", kind: .selfService, channel: .web,
            url: "https://www.skat.dk/tastselv", appId: nil, audience: .citizens, mandatory: true, mandatedBy: nil)
        let form = CanonicalForm.object([
            "record": solution.canonicalForm,
            "owners": .array([SolutionOwnerRecord(solutionId: 3, authorityId: 1, role: .coOwner).canonicalForm]),
        ])
        #expect(
            String(decoding: form.bytes, as: UTF8.self)
                == #"{"owners":[{"authorityId":1,"role":"co-owner","solutionId":3}],"record":{"audience":"citizens","#
                + #""channel":"web","id":3,"kind":"self-service","mandatory":true,"name":"Tast\"Selv\" æøå \\ /\n\t\u0001","#
                + #""url":"https://www.skat.dk/tastselv"}}"#)
    }

    @Test func anEventIsHashedAsTheFirstChainsHashedIt() {
        let event = AuditEventRecord(
            id: 1, at: "2026-11-30T13:06:05Z", actor: "fixture", command: "authority add",
            records: [AuditedRecord(id: .record(RecordID(.authority, 1)), sha256: nil)],
            previousHash: AuditTrail.genesisHash,
            hash: "")
        #expect(
            Hashing.sha256(
                Array(
                    (#"{"actor":"fixture","at":"2026-11-30T13:06:05Z","command":"authority add","#
                        + #""previousHash":"\#(AuditTrail.genesisHash)","records":[{"id":"AUT-1"}]}"#).utf8))
                == event.contentHash())
    }
}

/// The verdicts come from two loaders, SQL for the registry and registry.json for a bundle; they must agree.
@Suite struct LoaderAgreementTests {
    @Test func theDatabaseAndItsSnapshotJudgeEveryUsageAlike() throws {
        try withTemporaryDirectory { directory in
            let home = URL(fileURLWithPath: try Fixtures.copy("homes/samples-v1", into: directory, as: "home"))
            let registry = try Registry.open(at: Home(path: home.path))
            let snapshot = try registry.snapshot(of: .all)
            // Every month from the guidance's date to after the last date in the samples.
            var day = Rules.guidanceDate
            var compared = 0
            while day <= (try Day(parsing: "2028-01-01")) {
                let fromDatabase = try registry.evaluate(asOf: day)
                #expect(fromDatabase == snapshot.evaluate(asOf: day), "as of \(day)")
                compared += fromDatabase.verdicts.count
                day = day.adding(months: 1)
            }
            #expect(compared > 400)
        }
    }

    @Test(arguments: [("Punkt 7.1", true), ("  \t", false), ("\n", false), ("\u{A0}", true), (nil, false)])
    func whatCountsAsACitedClause(_ clause: String?, _ cites: Bool) {
        #expect(Rules.citesClause(clause) == cites)
    }
}
