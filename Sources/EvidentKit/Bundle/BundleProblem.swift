import Foundation

/// One thing wrong with a bundle, with a stable code scripts can match on.
public struct BundleProblem: Sendable, Codable, Equatable, CustomStringConvertible {
    /// The stable codes, one per kind of problem.
    public enum Code: String, Sendable, Codable, CaseIterable {
        /// The file cannot be opened, is not a regular file, or changed while it was read.
        case notReadable = "not-readable"
        /// The file is compressed; bundles are plain tar files.
        case compressedInput = "compressed-input"
        /// The file is not a readable tar archive, or the archive is empty.
        case notATar = "not-a-tar"
        /// Bytes other than zero padding follow the archive's end, such as a second archive appended.
        case trailingData = "trailing-data"
        /// An entry's name is empty, absolute or not UTF-8, or holds a backslash, a control character, `.` or `..`.
        case unsafePath = "unsafe-path"
        /// An entry is a link, a sparse file, a device or another special file.
        case notRegular = "not-regular"
        /// The archive holds the same path more than once.
        case duplicateEntry = "duplicate-entry"
        /// Two paths differ only in letter case or Unicode normalisation.
        case nameCollision = "name-collision"
        /// The archive holds more than the one top-level bag directory.
        case multipleTopLevel = "multiple-top-level"
        /// `bagit.txt` is missing.
        case bagitMissing = "bagit-missing"
        /// `bagit.txt` does not declare BagIt 1.0 in UTF-8.
        case bagitInvalid = "bagit-invalid"
        /// `bag-info.txt` is missing.
        case bagInfoMissing = "bag-info-missing"
        /// `bag-info.txt` is malformed, lacks a required field, or names another profile or bag.
        case bagInfoInvalid = "bag-info-invalid"
        /// The `Payload-Oxum` in `bag-info.txt` is not the payload's size and file count.
        case payloadOxumMismatch = "payload-oxum-mismatch"
        /// The bag has a `fetch.txt`; a bundle must hold every file itself.
        case fetchNotAllowed = "fetch-not-allowed"
        /// `manifest-sha256.txt` is missing.
        case manifestMissing = "manifest-missing"
        /// `manifest-sha256.txt` is malformed, repeats a path, or lists a path outside `data/`.
        case manifestInvalid = "manifest-invalid"
        /// A payload file the manifest lists is not in the bag.
        case payloadMissing = "payload-missing"
        /// A payload file's SHA-256 is not the one the manifest lists.
        case payloadModified = "payload-modified"
        /// A payload file the manifest does not list.
        case payloadUnlisted = "payload-unlisted"
        /// `tagmanifest-sha256.txt` is missing.
        case tagManifestMissing = "tagmanifest-missing"
        /// `tagmanifest-sha256.txt` is malformed or lists a file it must not.
        case tagManifestInvalid = "tagmanifest-invalid"
        /// A tag file the tag manifest lists, or the bundle format requires, is not in the bag.
        case tagMissing = "tag-missing"
        /// A tag file's SHA-256 is not the one the tag manifest lists.
        case tagModified = "tag-modified"
        /// A tag file the signed tag manifest does not cover, such as a manifest for another algorithm.
        case tagUnlisted = "tag-unlisted"
        /// A tag file too large to check in memory (over 256 MiB).
        case tagTooLarge = "tag-too-large"
        /// The bundle is not signed.
        case signatureMissing = "signature-missing"
        /// The signature cannot be read, or does not match the tag manifest.
        case signatureInvalid = "signature-invalid"
        /// The signature was made in another namespace than `evident-bundle`.
        case signatureNamespace = "signature-namespace"
        /// The allowed signers do not trust the signing key for bundles.
        case signatureUntrusted = "signature-untrusted"
        /// `metadata/registry.json` cannot be read.
        case registryInvalid = "registry-invalid"
        /// `metadata/registry.json` and the payload disagree about the documents.
        case registryPayloadMismatch = "registry-payload-mismatch"
        /// `metadata/evaluation.json` cannot be read, or means other verdicts than registry.json gives.
        case evaluationMismatch = "evaluation-mismatch"
        /// Made by a newer evident: a metadata format this one does not know.
        case formatUnsupported = "format-unsupported"
        /// Judged under a rules version this evident does not know.
        case rulesUnsupported = "rules-unsupported"

        /// Whether the problem says this evident is too old for the bundle, rather than that the bundle is wrong.
        var meansTooOld: Bool { self == .formatUnsupported || self == .rulesUnsupported }
    }

    /// What kind of problem it is.
    public var code: Code
    /// The entry or file concerned, if the problem concerns one.
    public var path: String?
    /// What is wrong, in words for people.
    public var detail: String

    /// The code, the path and the detail on one line.
    public var description: String { "\(code.rawValue)\(path.map { " \($0)" } ?? ""): \(detail)" }
}
