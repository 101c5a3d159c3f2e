import Foundation

/// One thing wrong with a bundle, with a stable code scripts can match on.
public struct BundleProblem: Sendable, Codable, Equatable, CustomStringConvertible {
    /// The stable codes, one per kind of problem.
    public enum Code: String, Sendable, Codable, CaseIterable {
        case notReadable = "not-readable"
        case compressedInput = "compressed-input"
        case notATar = "not-a-tar"
        case unsafePath = "unsafe-path"
        case notRegular = "not-regular"
        case duplicateEntry = "duplicate-entry"
        case nameCollision = "name-collision"
        case multipleTopLevel = "multiple-top-level"
        case bagitMissing = "bagit-missing"
        case bagitInvalid = "bagit-invalid"
        case bagInfoMissing = "bag-info-missing"
        case bagInfoInvalid = "bag-info-invalid"
        case payloadOxumMismatch = "payload-oxum-mismatch"
        case fetchNotAllowed = "fetch-not-allowed"
        case manifestMissing = "manifest-missing"
        case manifestInvalid = "manifest-invalid"
        case payloadMissing = "payload-missing"
        case payloadModified = "payload-modified"
        case payloadUnlisted = "payload-unlisted"
        case tagManifestMissing = "tagmanifest-missing"
        case tagManifestInvalid = "tagmanifest-invalid"
        case tagMissing = "tag-missing"
        case tagModified = "tag-modified"
        case tagUnlisted = "tag-unlisted"
        case tagTooLarge = "tag-too-large"
        case signatureMissing = "signature-missing"
        case signatureInvalid = "signature-invalid"
        case signatureNamespace = "signature-namespace"
        case signatureUntrusted = "signature-untrusted"
        case registryInvalid = "registry-invalid"
        case registryPayloadMismatch = "registry-payload-mismatch"
        case evaluationMismatch = "evaluation-mismatch"
        /// Made by a newer evident: a metadata format this one does not know.
        case formatUnsupported = "format-unsupported"
        /// Judged under a rules version this evident does not know.
        case rulesUnsupported = "rules-unsupported"

        /// Whether the problem says this evident is too old for the bundle, rather than that the bundle is wrong.
        var meansTooOld: Bool { self == .formatUnsupported || self == .rulesUnsupported }
    }

    public var code: Code
    public var path: String?
    public var detail: String

    public var description: String { "\(code.rawValue)\(path.map { " \($0)" } ?? ""): \(detail)" }
}
