import Crypto
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Checks a bundle as a stream: reads the tar once, extracts nothing, keeps only tag files in memory.
public enum BundleVerifier {
    /// Tag files are read into memory to be checked; a larger one is refused rather than risking memory.
    static let tagFileLimit = 256 << 20

    /// What the first pass learns about the entries of the bag.
    struct Contents {
        var topLevel: [String] = []
        /// The tag files' bytes, which the checks read, and their SHA-256, taken while reading.
        var tags: [String: [UInt8]] = [:]
        var tagHashes: [String: String] = [:]
        var payload: [String: (sha256: String, size: Int64)] = [:]
        /// The bundle as kept while it was read, when the reader was asked to keep it.
        var kept: KeptBundle?
        /// Why keeping it failed, when it did.
        var keepFailure: StoreError?

        var payloadBytes: Int64 { payload.values.reduce(0) { $0 + $1.size } }
    }

    /// Verifies the bundle at `path`: its entries, its BagIt manifests, its signature and its verdicts.
    ///
    /// With `allowedSigners`, the signing key must be one they trust for the bundle to be valid; without, an intact
    /// bundle is at best unverified.
    public static func verify(path: String, allowedSigners: AllowedSigners?) -> BundleVerification {
        check(path: path, allowedSigners: allowedSigners).verification
    }

    /// How many payload files one reader hashes at once: the machine's cores, at most four.
    static var defaultWorkers: Int { max(1, min(ProcessInfo.processInfo.activeProcessorCount, 4)) }

    /// Verifies the bundle at `path` and returns what it read; with `area`, the bundle is kept there as it is
    /// read (`Contents.kept`), and `workers` says how many payload files it hashes at once.
    static func check(
        path: String, allowedSigners: AllowedSigners?, keepingIn area: StagingArea? = nil,
        workers: Int = defaultWorkers
    ) -> (verification: BundleVerification, contents: Contents?, rederived: Rederived?) {
        var problems: [BundleProblem] = []
        func problem(_ code: BundleProblem.Code, _ path: String?, _ detail: String) {
            problems.append(BundleProblem(code: code, path: path, detail: detail))
        }
        var result = BundleVerification(
            path: path, identifier: nil, status: .invalid, problems: [], signature: nil, payloadFiles: 0,
            payloadBytes: 0, verdicts: nil, notRederived: [])

        guard let contents = read(path: path, keepingIn: area, workers: workers, problem: problem) else {
            result.problems = problems
            return (result, nil, nil)
        }
        result.identifier = contents.topLevel.first
        result.payloadFiles = contents.payload.count
        result.payloadBytes = contents.payloadBytes
        checkBag(contents, problem: problem)
        result.signature = checkSignature(contents, allowedSigners: allowedSigners, problem: problem)
        let rederived = checkEvaluation(contents, problem: problem)
        result.verdicts = rederived?.count
        // The report renders the verdicts for people; its wording changes between versions, so only the
        // signature vouches for it, and the output says so.
        result.notRederived = contents.tags[BundleFormat.reportPath] == nil ? [] : [BundleFormat.reportPath]

        result.problems = problems
        if !problems.isEmpty {
            result.status = problems.allSatisfy(\.code.meansTooOld) ? .unsupported : .invalid
        } else if result.signature?.trustedPrincipals?.isEmpty == false {
            result.status = .valid
        } else {
            result.status = .unverified
        }
        return (result, contents, rederived)
    }

    // MARK: - Signature and verdicts

    static func checkSignature(
        _ contents: Contents, allowedSigners: AllowedSigners?, problem: (BundleProblem.Code, String?, String) -> Void
    ) -> BundleVerification.Signature? {
        guard let armored = contents.tags[BundleFormat.signaturePath] else {
            problem(.signatureMissing, BundleFormat.signaturePath, "the bundle is not signed")
            return nil
        }
        for file in contents.tags.keys.sorted() where file.hasPrefix("signature/") && file != BundleFormat.signaturePath
        {
            problem(.tagUnlisted, file, "signature/ holds only the bundle's signature")
        }
        let signature: SSHSignature
        do {
            signature = try SSHSignature(armored: String(decoding: armored, as: UTF8.self))
        } catch {
            problem(.signatureInvalid, BundleFormat.signaturePath, error.description)
            return nil
        }
        let valid = signature.isValid(for: contents.tags["tagmanifest-sha256.txt"] ?? [])
        if signature.namespace != SSHSignature.bundleNamespace {
            problem(
                .signatureNamespace, BundleFormat.signaturePath,
                "made in namespace '\(signature.namespace)', not '\(SSHSignature.bundleNamespace)'")
        }
        if !valid {
            problem(.signatureInvalid, BundleFormat.signaturePath, "does not match the tag manifest")
        }
        // Keys are judged at the seal time the signature covers, so a bundle stays valid after its key expires.
        let sealTime = lines(contents.tags["bag-info.txt"] ?? []).first { $0.hasPrefix("Evident-Seal-Time:") }
            .flatMap { try? Date(String($0.dropFirst(18)).trimmingCharacters(in: .whitespaces), strategy: .iso8601) }
        let principals = allowedSigners?.principals(
            trusting: signature.publicKey, namespace: SSHSignature.bundleNamespace, at: sealTime)
        if let principals, principals.isEmpty {
            problem(
                .signatureUntrusted, BundleFormat.signaturePath,
                "signed by \(signature.publicKey.fingerprint), which the allowed signers do not trust")
        }
        return BundleVerification.Signature(
            fingerprint: signature.publicKey.fingerprint, namespace: signature.namespace, cryptographicallyValid: valid,
            trustedPrincipals: principals)
    }
}
