/// What `intake add` did with each bundle it was given.
public struct IntakeReport: Sendable, Codable, Equatable {
    /// Bundles verified, trusted, tied to their authority and recorded now.
    public var accepted: [ReceivedBundleInfo]
    /// Bundles the home already held: nothing was recorded again.
    public var alreadyReceived: [ReceivedBundleInfo]
    /// Bundles refused, with why; nothing of them is stored.
    public var rejected: [IntakeRejection]
}

/// A bundle intake refused, and why.
public struct IntakeRejection: Sendable, Codable, Equatable {
    /// The file given.
    public var path: String
    /// The bundle's identifier, if it could be read.
    public var identifier: String?
    /// How far `bundle verify` trusted it.
    public var status: BundleVerification.Status
    /// Every reason, each with a stable code: the verifier's (`bundle verify`) or intake's own.
    public var problems: [IntakeProblem]
}

/// One reason intake refused a bundle, with a stable code.
public struct IntakeProblem: Sendable, Codable, Equatable, CustomStringConvertible {
    /// Intake's own codes, beside those of `BundleProblem.Code`.
    public enum Code: String, Sendable, Codable, CaseIterable {
        /// No line of the allowed signers ties the signing key to the authority responsible for a solution in the
        /// bundle: its principals must include `cvr:` and that authority's CVR number.
        case signerNotAuthority = "signer-not-authority"
        /// The bundle covers no solution, so it speaks for no authority.
        case noSolutions = "no-solutions"
        /// Intact, but no allowed signer vouched for it (intake needs a trusted signature).
        case notTrusted = "not-trusted"
    }

    /// The code: one of `BundleProblem.Code`'s or of `IntakeProblem.Code`'s.
    public var code: String
    /// The entry or record concerned, if any.
    public var path: String?
    /// What is wrong, in words for people.
    public var detail: String

    init(_ problem: BundleProblem) {
        (code, path, detail) = (problem.code.rawValue, problem.path, problem.detail)
    }

    init(_ code: Code, _ path: String?, _ detail: String) {
        (self.code, self.path, self.detail) = (code.rawValue, path, detail)
    }

    /// The code, the path and the detail on one line.
    public var description: String { "\(code)\(path.map { " \($0)" } ?? ""): \(detail)" }
}
