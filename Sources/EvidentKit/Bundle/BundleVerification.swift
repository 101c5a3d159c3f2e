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
        case invalid
    }

    /// The bundle's signature, as far as it could be checked.
    public struct Signature: Sendable, Codable, Equatable {
        public var fingerprint: String
        public var namespace: String
        public var cryptographicallyValid: Bool
        /// The allowed-signers principals that trust the key; nil when no allowed-signers file was given.
        public var trustedPrincipals: [String]?
    }

    public var path: String
    public var identifier: String?
    public var status: Status
    public var problems: [BundleProblem]
    public var signature: Signature?
    public var payloadFiles: Int
    public var payloadBytes: Int64
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
