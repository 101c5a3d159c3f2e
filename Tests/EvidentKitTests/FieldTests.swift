import EvidentTestSupport
import Foundation
import Testing

@testable import EvidentKit

/// The registry names fields, never a command line's flags; its rules hold whoever calls it.
@Suite struct FieldTests {
    @Test func theKitSpellsNoCommandLineFlag() throws {
        let sources = Fixtures.repositoryRoot.appendingPathComponent("Sources/EvidentKit")
        let files = try #require(FileManager.default.enumerator(atPath: sources.path)?.allObjects as? [String])
        var found: [String] = []
        for file in files.sorted() where file.hasSuffix(".swift") {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where line.contains(/--[a-z]/) {
                found.append("\(file):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }

    @Test func messagesLeaveFieldsForThePrinterToSpell() {
        let message: UserMessage = "is before \(Field.validFrom) \(2026)"
        #expect(message.description == "is before validFrom 2026")
        #expect(message.text(spelling: { "<\($0.rawValue)>" }) == "is before <validFrom> 2026")
        let literal: UserMessage = "ab"
        let built: UserMessage = "\("a")b"
        #expect(literal == built)
        let error = InputError(field: .noticeDays, value: "30", reason: "needs \(Field.validUntil)")
        #expect(error.description == "noticeDays '30': needs validUntil")
    }

    @Test func dayCountsAreZeroOrMore() throws {
        try withTemporaryDirectory { directory in
            let fixture = try Fixture(in: directory)
            let day = try Day(parsing: "2026-06-15")
            let refused = InputError(field: .within, value: "-1", reason: "must be 0 or more (0 to 3650 days)")
            #expect(throws: refused) { try fixture.registry.due(from: day, within: -1) }
            #expect(throws: InputError.self) { try fixture.registry.due(from: day, within: .max) }
            #expect(throws: InputError.self) { try fixture.registry.policy(window: -1) }
            #expect(try fixture.registry.policy(window: 0).warningDays == 0)
            #expect(try fixture.registry.policy().warningDays == Setting.warningDays.defaultValue)
        }
    }

    @Test func evidenceIsCapturedOrSignedNotBoth() throws {
        let day = try Day(parsing: "2026-01-01")
        #expect(throws: InputError.self) {
            try EvidenceDraft(
                kind: .agreement, title: "T", covers: ["USE-1"], dates: EvidenceDates(captured: day, signed: day))
        }
    }

    @Test func aKeyIdentityIsOneWord() throws {
        for identity in ["", "two words", "tab\tseparated"] {
            #expect(
                throws: InputError(
                    field: .identity, value: identity, reason: "must be one word such as compliance@agency.dk")
            ) {
                try SigningKey(identity: identity)
            }
        }
        #expect(try SigningKey(identity: "ops@skat.dk").comment == "ops@skat.dk")
    }

    @Test func referencesToTheRecordACommandWorksOnAreCalledByTheirKind() throws {
        try withTemporaryDirectory { directory in
            let fixture = try Fixture(in: directory)
            try fixture.populate()
            #expect(throws: RegistryError.unknownReference(field: nil, value: "VEN-9", expected: [.vendor])) {
                try fixture.registry.vendor("VEN-9")
            }
            let unknown = RegistryError.unknownReference(field: nil, value: "VEN-9", expected: [.vendor])
            #expect(unknown.description == "vendor 'VEN-9': no vendor with that id or name")
            #expect(RegistryError.homeMissing(path: "/x").description == "no registry at /x")
        }
    }

    @Test func exportsTheChosenDocumentsAndNoMore() throws {
        try withTemporaryDirectory { directory in
            let fixture = try Fixture(in: directory)
            try fixture.populate()
            let info = try fixture.file(["screenshot.png", "anim.gif"], kind: .optOutScreenshot)
            let folder = directory.appendingPathComponent("folder")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            var written: [String] = []
            try fixture.registry.exportDocuments(of: "EVD-1", document: nil, to: .path(folder.path)) {
                written.append($0)
            }
            #expect(written.map { URL(fileURLWithPath: $0).lastPathComponent } == ["screenshot.png", "anim.gif"])
            let single = directory.appendingPathComponent("second").path
            try fixture.registry.exportDocuments(of: "EVD-1", document: "2", to: .path(single))
            #expect(
                try Data(contentsOf: URL(fileURLWithPath: single))
                    == Data(contentsOf: Fixtures.directory.appendingPathComponent("anim.gif")))
            #expect(throws: InputError.self) {
                try fixture.registry.exportDocuments(of: "EVD-1", document: nil, to: .path(single + "-again"))
            }
            for choice in ["0", "3", "\(Int.min)", "absent.png"] {
                #expect(throws: InputError.self) {
                    try fixture.registry.exportDocuments(of: "EVD-1", document: choice, to: .path(single + "-again"))
                }
            }
            #expect(info.files.count == 2)
            #expect(!FileManager.default.fileExists(atPath: single + "-again"))
        }
    }
}
