import Crypto
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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
    }

    public var code: Code
    public var path: String?
    public var detail: String

    public var description: String { "\(code.rawValue)\(path.map { " \($0)" } ?? ""): \(detail)" }
}

/// What `bundle verify` found.
public struct BundleVerification: Sendable, Codable, Equatable {
    /// How far the bundle can be trusted.
    public enum Status: String, Sendable, Codable {
        /// Intact and signed by a key in the allowed signers.
        case valid
        /// Intact and its signature is sound, but no allowed-signers file said whose key it is.
        case unverified
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

    /// The exit code `bundle verify` uses: 0 valid, 2 intact but not trusted, 1 invalid.
    public var exitCode: Int32 {
        switch status {
        case .valid: 0
        case .unverified: 2
        case .invalid: 1
        }
    }
}

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

        var payloadBytes: Int64 { payload.values.reduce(0) { $0 + $1.size } }
    }

    public static func verify(path: String, allowedSigners: AllowedSigners?) -> BundleVerification {
        check(path: path, allowedSigners: allowedSigners).verification
    }

    static func check(path: String, allowedSigners: AllowedSigners?) -> (
        verification: BundleVerification, contents: Contents?
    ) {
        var problems: [BundleProblem] = []
        func problem(_ code: BundleProblem.Code, _ path: String?, _ detail: String) {
            problems.append(BundleProblem(code: code, path: path, detail: detail))
        }
        var result = BundleVerification(
            path: path, identifier: nil, status: .invalid, problems: [], signature: nil, payloadFiles: 0,
            payloadBytes: 0, verdicts: nil)

        guard let contents = read(path: path, problem: problem) else {
            result.problems = problems
            return (result, nil)
        }
        result.identifier = contents.topLevel.first
        result.payloadFiles = contents.payload.count
        result.payloadBytes = contents.payloadBytes
        checkBag(contents, problem: problem)
        result.signature = checkSignature(contents, allowedSigners: allowedSigners, problem: problem)
        result.verdicts = checkEvaluation(contents, problem: problem)

        result.problems = problems
        if !problems.isEmpty {
            result.status = .invalid
        } else if result.signature?.trustedPrincipals?.isEmpty == false {
            result.status = .valid
        } else {
            result.status = .unverified
        }
        return (result, contents)
    }

    /// Why an extraction stopped after verification passed.
    public struct ExtractionError: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// Verifies the bundle, then writes its regular files, and nothing else, under `directory`/<bag>.
    ///
    /// The tar is read a second time to write; every file must hash as it did when verified, so a
    /// bundle swapped between the two reads is caught, and what was written is removed.
    public static func extract(path: String, to directory: String, allowedSigners: AllowedSigners?) throws
        -> BundleVerification
    {
        let (verification, contents) = check(path: path, allowedSigners: allowedSigners)
        guard verification.status != .invalid, let contents, let bag = contents.topLevel.first else {
            return verification
        }
        let root = URL(fileURLWithPath: directory).appendingPathComponent(bag).path
        guard mkdir(directory, 0o755) == 0 || errno == EEXIST else {
            throw ExtractionError(description: "cannot create '\(directory)': \(FileIO.lastError())")
        }
        guard mkdir(root, 0o755) == 0 else {
            throw ExtractionError(
                description: errno == EEXIST
                    ? "'\(root)' already exists; extract into an empty directory"
                    : "cannot create '\(root)': \(FileIO.lastError())")
        }
        do {
            try writeFiles(path: path, root: root, bag: bag, expected: contents)
        } catch {
            try? FileManager.default.removeItem(atPath: root)
            throw error
        }
        return verification
    }

    private static func writeFiles(path: String, root: String, bag: String, expected: Contents) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ExtractionError(description: "cannot reopen '\(path)'") }
        defer { close(descriptor) }
        let reader = try TarReader(descriptor: descriptor)
        var written = 0
        while let entry = try reader.next() {
            // libarchive skips the data of an entry that is not read.
            guard let name = entry.path, name != bag, name != bag + "/" else { continue }
            let relative = String(name.dropFirst(bag.count + 1))
            let target = root + "/" + relative
            switch entry.kind {
            case .directory:
                let trimmed = target.hasSuffix("/") ? String(target.dropLast()) : target
                guard mkdir(trimmed, 0o755) == 0 else {
                    throw ExtractionError(description: "cannot create '\(trimmed)': \(FileIO.lastError())")
                }
            case .file:
                // Never follow a link and never replace a file: the verified tree is written fresh.
                let output = open(target, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
                guard output >= 0 else {
                    throw ExtractionError(description: "cannot create '\(target)': \(FileIO.lastError())")
                }
                defer { close(output) }
                var hasher = SHA256()
                try reader.readData { block in
                    hasher.update(bufferPointer: block)
                    try FileIO.writeAll(output, block, path: target)
                }
                let hash = Hashing.hex(hasher.finalize())
                let wanted = expected.payload[relative]?.sha256 ?? expected.tagHashes[relative]
                guard hash == wanted else {
                    throw ExtractionError(description: "'\(relative)' changed after it was verified; nothing was kept")
                }
                written += 1
            case .other:
                throw ExtractionError(description: "'\(name)' changed after it was verified; nothing was kept")
            }
        }
        guard written == expected.payload.count + expected.tags.count else {
            throw ExtractionError(description: "the bundle changed after it was verified; nothing was kept")
        }
    }

    // MARK: - Reading the stream

    /// Compression formats recognised by their first bytes, refused before the tar reader sees them.
    static let compressionMagic: [(String, [UInt8])] = [
        ("gzip", [0x1F, 0x8B]), ("bzip2", Array("BZh".utf8)), ("xz", [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]),
        ("zstd", [0x28, 0xB5, 0x2F, 0xFD]), ("lz4", [0x04, 0x22, 0x4D, 0x18]), ("compress", [0x1F, 0x9D]),
        ("lzip", Array("LZIP".utf8)), ("zip", [0x50, 0x4B, 0x03, 0x04]),
    ]

    static func read(path: String, problem: (BundleProblem.Code, String?, String) -> Void) -> Contents? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            problem(.notReadable, nil, "cannot open '\(path)': \(FileIO.lastError())")
            return nil
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            problem(.notReadable, nil, "'\(path)' is not a regular file")
            return nil
        }
        var magic = [UInt8](repeating: 0, count: 8)
        let count = pread(descriptor, &magic, magic.count, 0)
        for (name, signature) in compressionMagic where count >= signature.count && magic.starts(with: signature) {
            problem(.compressedInput, nil, "the file is \(name)-compressed; bundles are plain, uncompressed tar files")
            return nil
        }

        var contents = Contents()
        var seen: Set<[UInt8]> = []
        var folded: [String: String] = [:]
        do {
            let reader = try TarReader(descriptor: descriptor)
            while let entry = try reader.next() {
                // libarchive skips the data of an entry that is not read.
                guard let name = checkedPath(entry, problem: problem) else { continue }
                let components = name.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
                if !contents.topLevel.contains(components[0]) {
                    contents.topLevel.append(components[0])
                    if contents.topLevel.count == 2 {
                        problem(.multipleTopLevel, name, "a bundle holds exactly one top-level directory")
                    }
                }
                // Swift compares strings by canonical equivalence; duplicates are about bytes. libarchive
                // reads names in NFC, so names that differ only in normalisation arrive here as duplicates.
                if !seen.insert(Array(name.utf8)).inserted {
                    problem(
                        .duplicateEntry, name,
                        "the archive holds this path (after Unicode normalisation) more than once")
                }
                let key = name.precomposedStringWithCanonicalMapping.lowercased()
                if let other = folded[key], Array(other.utf8) != Array(name.utf8) {
                    problem(.nameCollision, name, "equals '\(other)' ignoring case or Unicode normalisation")
                }
                folded[key] = folded[key] ?? name
                switch entry.kind {
                case .directory:
                    break
                case .other(let kind):
                    problem(.notRegular, name, "a \(kind); bundles hold only regular files and directories")
                case .file:
                    guard components.count >= 2 else {
                        problem(.multipleTopLevel, name, "a file outside the bag directory")
                        continue
                    }
                    let relative = components.dropFirst().joined(separator: "/")
                    let isPayload = relative.hasPrefix("data/")
                    var hasher = SHA256()
                    var size: Int64 = 0
                    var bytes: [UInt8] = []
                    try reader.readData { block in
                        hasher.update(bufferPointer: block)
                        size += Int64(block.count)
                        if !isPayload && size <= tagFileLimit { bytes += block }
                    }
                    let hash = Hashing.hex(hasher.finalize())
                    if isPayload {
                        contents.payload[relative] = (hash, size)
                    } else if size > tagFileLimit {
                        problem(.tagTooLarge, relative, "larger than \(tagFileLimit >> 20) MiB")
                    } else {
                        contents.tags[relative] = bytes
                        contents.tagHashes[relative] = hash
                    }
                }
            }
        } catch {
            problem(.notATar, nil, "not a readable tar archive (\(error))")
            return nil
        }
        if contents.topLevel.isEmpty {
            problem(.notATar, nil, "the archive is empty")
            return nil
        }
        return contents
    }

    /// The entry's path with a directory's trailing slash removed, or nil (and a problem) when it is unsafe.
    static func checkedPath(_ entry: TarReader.Entry, problem: (BundleProblem.Code, String?, String) -> Void) -> String?
    {
        guard var name = entry.path, !name.isEmpty else {
            problem(.unsafePath, String(decoding: entry.rawPath, as: UTF8.self), "the name is empty or not UTF-8")
            return nil
        }
        if case .directory = entry.kind, name.hasSuffix("/") { name.removeLast() }
        let reason: String? =
            if name.hasPrefix("/") { "an absolute path" } else if name.contains("\\") {
                "a backslash in the name"
            } else if name.unicodeScalars.contains(where: {
                $0.value < 0x20 || $0.value == 0x7F || (0x80..<0xA0).contains($0.value)
            }) {
                "a control character in the name"
            } else if name.split(separator: "/", omittingEmptySubsequences: false).contains(where: {
                $0 == "." || $0 == ".." || $0.isEmpty
            }) {
                "a '.', '..' or empty component"
            } else { nil }
        if let reason {
            problem(.unsafePath, name, reason)
            return nil
        }
        return name
    }

    // MARK: - The bag

    static func lines(_ bytes: [UInt8]) -> [String] {
        String(decoding: bytes, as: UTF8.self).split(omittingEmptySubsequences: true, whereSeparator: \.isNewline)
            .map(String.init)
    }

    /// Parses `checksum  path` lines; nil (and a problem) when a line is malformed or a path repeats.
    static func manifest(
        _ bytes: [UInt8], name: String, code: BundleProblem.Code, problem: (BundleProblem.Code, String?, String) -> Void
    ) -> [String: String]? {
        var entries: [String: String] = [:]
        for line in lines(bytes) {
            let parts = line.split(separator: " ", maxSplits: 1)
            let hash = parts.first.map(String.init) ?? ""
            let file = parts.count == 2 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
            guard hash.count == 64, hash.allSatisfy(\.isHexDigit), !file.isEmpty else {
                problem(code, name, "malformed line '\(line.prefix(80))'")
                return nil
            }
            guard entries.updateValue(hash.lowercased(), forKey: file) == nil else {
                problem(code, name, "'\(file)' is listed twice")
                return nil
            }
        }
        return entries
    }

    static func checkBag(_ contents: Contents, problem: (BundleProblem.Code, String?, String) -> Void) {
        let tags = contents.tags
        if let bagit = tags["bagit.txt"] {
            if lines(bagit) != ["BagIt-Version: 1.0", "Tag-File-Character-Encoding: UTF-8"] {
                problem(.bagitInvalid, "bagit.txt", "expected BagIt-Version 1.0 and UTF-8")
            }
        } else {
            problem(.bagitMissing, "bagit.txt", "not in the bag")
        }
        if tags["fetch.txt"] != nil {
            problem(.fetchNotAllowed, "fetch.txt", "bundles must hold every file; fetch.txt is not allowed")
        }

        if let bytes = tags["manifest-sha256.txt"] {
            if let listed = manifest(bytes, name: "manifest-sha256.txt", code: .manifestInvalid, problem: problem) {
                for (file, hash) in listed.sorted(by: { $0.key < $1.key }) {
                    if !file.hasPrefix("data/") {
                        problem(.manifestInvalid, "manifest-sha256.txt", "'\(file)' is not under data/")
                    } else if let actual = contents.payload[file] {
                        if actual.sha256 != hash {
                            problem(.payloadModified, file, "its SHA-256 is not the manifest's")
                        }
                    } else {
                        problem(.payloadMissing, file, "listed in the manifest but not in the bag")
                    }
                }
                for file in contents.payload.keys.sorted() where listed[file] == nil {
                    problem(.payloadUnlisted, file, "in the bag but not in the manifest")
                }
            }
        } else {
            problem(.manifestMissing, "manifest-sha256.txt", "not in the bag")
        }
        for name in tags.keys.sorted()
        where name.hasPrefix("manifest-") && name != "manifest-sha256.txt"
            || name.hasPrefix("tagmanifest-") && name != "tagmanifest-sha256.txt"
        {
            problem(.tagUnlisted, name, "bundles use SHA-256 manifests only")
        }

        if let bytes = tags["tagmanifest-sha256.txt"] {
            if let listed = manifest(bytes, name: "tagmanifest-sha256.txt", code: .tagManifestInvalid, problem: problem)
            {
                for (file, hash) in listed.sorted(by: { $0.key < $1.key }) {
                    if file.hasPrefix("data/") || file == "tagmanifest-sha256.txt" || file.hasPrefix("signature/") {
                        problem(.tagManifestInvalid, "tagmanifest-sha256.txt", "must not list '\(file)'")
                    } else if let actual = contents.tagHashes[file] {
                        if actual != hash {
                            problem(.tagModified, file, "its SHA-256 is not the tag manifest's")
                        }
                    } else {
                        problem(.tagMissing, file, "listed in the tag manifest but not in the bag")
                    }
                }
                for file in tags.keys.sorted() where listed[file] == nil && file != "tagmanifest-sha256.txt" {
                    if file == BundleFormat.signaturePath { continue }
                    problem(.tagUnlisted, file, "a tag file the signed tag manifest does not cover")
                }
            }
        } else {
            problem(.tagManifestMissing, "tagmanifest-sha256.txt", "not in the bag")
        }
        for file in BundleFormat.metadataFiles where tags[file] == nil {
            problem(.tagMissing, file, "not in the bag")
        }

        guard let info = tags["bag-info.txt"] else {
            problem(.bagInfoMissing, "bag-info.txt", "not in the bag")
            return
        }
        var fields: [String: [String]] = [:]
        for line in lines(info) {
            guard let colon = line.firstIndex(of: ":"), line.first?.isWhitespace == false else {
                problem(.bagInfoInvalid, "bag-info.txt", "malformed line '\(line.prefix(80))'")
                continue
            }
            fields[String(line[..<colon]), default: []].append(
                line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        for label in [
            "BagIt-Profile-Identifier", "Source-Organization", "External-Identifier", "Bagging-Date", "Payload-Oxum",
            "Bag-Software-Agent",
        ] {
            guard let values = fields[label], values.count == 1 else {
                problem(.bagInfoInvalid, "bag-info.txt", "\(label) must appear exactly once")
                continue
            }
        }
        if let profile = fields["BagIt-Profile-Identifier"]?.first, profile != BundleFormat.profileIdentifier {
            problem(.bagInfoInvalid, "bag-info.txt", "BagIt-Profile-Identifier is '\(profile)', not this profile")
        }
        if let identifier = fields["External-Identifier"]?.first, identifier != contents.topLevel.first {
            problem(.bagInfoInvalid, "bag-info.txt", "External-Identifier '\(identifier)' is not the bag's directory")
        }
        let bytes = contents.payloadBytes
        if let oxum = fields["Payload-Oxum"]?.first, oxum != "\(bytes).\(contents.payload.count)" {
            problem(
                .payloadOxumMismatch, "bag-info.txt", "says \(oxum), the payload is \(bytes).\(contents.payload.count)")
        }
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
        let principals = allowedSigners?.principals(
            trusting: signature.publicKey, namespace: SSHSignature.bundleNamespace)
        if let principals, principals.isEmpty {
            problem(
                .signatureUntrusted, BundleFormat.signaturePath,
                "signed by \(signature.publicKey.fingerprint), which the allowed signers do not trust")
        }
        return BundleVerification.Signature(
            fingerprint: signature.publicKey.fingerprint, namespace: signature.namespace, cryptographicallyValid: valid,
            trustedPrincipals: principals)
    }

    /// Recomputes the verdicts from registry.json and compares them with evaluation.json; returns their number.
    static func checkEvaluation(_ contents: Contents, problem: (BundleProblem.Code, String?, String) -> Void) -> Int? {
        guard let registryBytes = contents.tags["metadata/registry.json"],
            let evaluationBytes = contents.tags["metadata/evaluation.json"]
        else { return nil }
        let snapshot: RegistrySnapshot
        do {
            snapshot = try JSONDecoder().decode(RegistrySnapshot.self, from: Data(registryBytes))
        } catch {
            problem(.registryInvalid, "metadata/registry.json", "cannot be read: \(error)")
            return nil
        }
        guard snapshot.format == RegistrySnapshot.currentFormat else {
            problem(.registryInvalid, "metadata/registry.json", "format '\(snapshot.format)' is not supported")
            return nil
        }
        for evidence in snapshot.evidence {
            for (file, path) in zip(evidence.files, BundleFormat.payloadPaths(for: evidence)) {
                if let actual = contents.payload[path], actual.sha256 != file.sha256 || actual.size != file.size {
                    problem(.registryPayloadMismatch, path, "registry.json records other bytes for \(evidence.id)")
                } else if contents.payload[path] == nil {
                    problem(
                        .registryPayloadMismatch, path,
                        "registry.json records a document of \(evidence.id) that is not in the bag")
                }
            }
        }
        let expected = Set(snapshot.evidence.flatMap(BundleFormat.payloadPaths))
        for path in contents.payload.keys.sorted() where !expected.contains(path) {
            problem(.registryPayloadMismatch, path, "no evidence in registry.json has this document")
        }
        struct Header: Decodable { let asOf: Day }
        guard let header = try? JSONDecoder().decode(Header.self, from: Data(evaluationBytes)) else {
            problem(.evaluationMismatch, "metadata/evaluation.json", "cannot be read")
            return nil
        }
        let recomputed = snapshot.evaluate(asOf: header.asOf)
        if StatusReport(recomputed).json() != evaluationBytes {
            problem(
                .evaluationMismatch, "metadata/evaluation.json",
                "differs from the verdicts recomputed from registry.json as of \(header.asOf)")
        }
        return recomputed.verdicts.count
    }
}
