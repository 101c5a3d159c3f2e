/// What `bundle verify` found.
public struct BundleVerification: Sendable, Codable, Equatable {
    /// How far the bundle can be trusted.
    public enum Status: String, Sendable, Codable {
        /// Intact and signed by a key in the allowed signers.
        case valid
        /// Intact and its signature is sound, but no allowed-signers file said whose key it is.
        case unverified
        /// Intact as far as it was checked, but made by a newer evident: its verdicts could not be re-derived.
        case unsupported
        /// Damaged, tampered with, or not a bundle at all: see the problems.
        case invalid
    }

    /// The bundle's signature, as far as it could be checked.
    public struct Signature: Sendable, Codable, Equatable {
        /// The SHA-256 fingerprint of the signing key, as `ssh-keygen -l` prints it.
        public var fingerprint: String
        /// The namespace the signature was made in; `evident-bundle` for a bundle's.
        public var namespace: String
        /// Whether the signature matches the tag manifest.
        public var cryptographicallyValid: Bool
        /// The allowed-signers principals that trust the key; nil when no allowed-signers file was given.
        public var trustedPrincipals: [String]?
    }

    /// The bundle file that was verified.
    public var path: String
    /// The bundle's identifier and top-level directory, such as `EB-SOL-3-20261231`, if it could be read.
    public var identifier: String?
    /// How far the bundle can be trusted, from its problems and its signature.
    public var status: Status
    /// Everything found wrong, each with a stable code; empty for a valid or unverified bundle.
    public var problems: [BundleProblem]
    /// The signature, if the bundle has one that could be read.
    public var signature: Signature?
    /// How many documents the payload holds.
    public var payloadFiles: Int
    /// The payload's total size in bytes.
    public var payloadBytes: Int64
    /// How many verdicts were re-derived from registry.json; nil when they could not be.
    public var verdicts: Int?
    /// Tag files covered by the signature only: their content is not re-derived from the registry.
    public var notRederived: [String]

    /// The exit code `bundle verify` uses: 0 valid, 2 intact but not trusted, 3 too new for this evident, 1 invalid.
    public var exitCode: Int32 {
        switch status {
        case .valid: 0
        case .unverified: 2
        case .unsupported: 3
        case .invalid: 1
        }
    }
}
