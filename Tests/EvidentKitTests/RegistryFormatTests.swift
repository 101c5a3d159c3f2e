import EvidentTestSupport
import Foundation
import Testing

@testable import EvidentKit

/// registry.json's format is read before the rest, so a newer format is reported as newer whatever it holds.
@Suite struct RegistryFormatTests {
    /// The problem codes reading `json` as a bundle's registry.json gives.
    static func problems(_ json: String) -> [BundleProblem.Code] {
        var codes: [BundleProblem.Code] = []
        _ = BundleVerifier.registrySnapshot(Array(json.utf8), BundleVerifier.Contents()) { code, _, _ in
            codes.append(code)
        }
        return codes
    }

    @Test func aNewerFormatIsNewerEvenWhenItsRecordsCannotBeRead() {
        #expect(
            Self.problems(#"{"format":"evident-registry/9","evidence":[{"kind":"hologram"}]}"#) == [.formatUnsupported])
        #expect(
            Self.problems(#"{"format":"evident-registry/2","evidence":[{"kind":"hologram"}]}"#) == [.registryInvalid])
        #expect(Self.problems(#"{"evidence":[]}"#) == [.registryInvalid])
    }

    @Test func onlyASnapshotHoldingScanEvidenceIsFormat3() {
        #expect(RegistrySnapshot.format(for: []) == "evident-registry/2")
        #expect(RegistrySnapshot.readableFormats == ["evident-registry/1", "evident-registry/2", "evident-registry/3"])
    }
}
