import EvidentTestSupport
import Foundation
import Testing

@testable import EvidentKit

@Suite struct MediaTypeTests {
    @Test(arguments: [
        ("agreement.pdf", MediaType.pdf), ("screenshot.png", .png), ("photo.jpg", .jpeg), ("anim.gif", .gif),
        ("image.webp", .webp), ("config.json", .json), ("config.yaml", .yaml), ("notes.txt", .text),
        ("page.html", .html), ("export.xml", .xml), ("contract.docx", .docx), ("contract.odt", .odt),
        ("archive.zip", .zip), ("random.bin", .binary),
    ])
    func detectsTheTypeFromTheBytes(_ fixture: String, _ expected: MediaType) throws {
        try withTemporaryDirectory { directory in
            // A misleading name must not change what the bytes say.
            let path = try Fixtures.copy(fixture, into: directory, as: "renamed.dat")
            let head = Array(try Data(contentsOf: URL(fileURLWithPath: path)).prefix(MediaTypeDetector.headSize))
            let detected = MediaTypeDetector.detect(head: head, path: path, fileName: "renamed.dat")
            if expected == .yaml {
                // Plain YAML without a marker is only told from text by its extension.
                #expect(detected == .text)
                #expect(MediaTypeDetector.detect(head: head, path: path, fileName: "a.yaml") == .yaml)
            } else {
                #expect(detected == expected)
            }
        }
    }

    @Test func treatsACutMultibyteCharacterAtTheEndOfTheHeadAsText() {
        var head = Array(repeating: UInt8(ascii: "a"), count: MediaTypeDetector.headSize - 1)
        head.append(0xC3)  // first byte of "æ", cut off
        #expect(MediaTypeDetector.detect(head: head, path: "/nonexistent", fileName: "x.txt") == .text)
    }

    @Test(arguments: [
        (EvidenceKind.optOutScreenshot, MediaType.png, true), (.optOutScreenshot, .pdf, true),
        (.optOutScreenshot, .json, false), (.optOutScreenshot, .docx, false),
        (.optOutConfig, .json, true), (.optOutConfig, .yaml, true), (.optOutConfig, .xml, true),
        (.optOutConfig, .text, true), (.optOutConfig, .png, false), (.optOutConfig, .pdf, false),
        (.agreement, .pdf, true), (.agreement, .docx, true), (.agreement, .odt, true), (.agreement, .text, true),
        (.agreement, .jpeg, true), (.agreement, .json, false), (.agreement, .zip, false),
        (.dataProcessingAgreement, .pdf, true), (.dataProcessingAgreement, .binary, false),
        (.technicalJustification, .text, true), (.technicalJustification, .json, false),
        (.vendorTerms, .html, true), (.other, .binary, true), (.other, .zip, true),
    ])
    func kindsAcceptOnlyFittingMediaTypes(_ kind: EvidenceKind, _ type: MediaType, _ fits: Bool) {
        #expect(kind.allowedMediaTypes.contains(type) == fits)
    }
}
