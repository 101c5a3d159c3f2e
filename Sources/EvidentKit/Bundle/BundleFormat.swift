import Foundation

/// The fixed facts of the bundle format, shared by the writer and the verifier.
enum BundleFormat {
    static let profileIdentifier = "https://evident.example/schema/bagit-profile.json"
    static let agent = "evident \(version)"
    static let version = "0.1.0"
    static let signaturePath = "signature/tagmanifest-sha256.txt.sshsig"
    static let bagitText = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
    static let metadataFiles = ["metadata/registry.json", "metadata/evaluation.json", "metadata/report.html"]
    /// The report for people, which the verifier does not re-derive.
    static let reportPath = "metadata/report.html"

    /// A BagIt manifest: `checksum  path` lines, sorted by path.
    static func manifest(_ entries: [(path: String, sha256: String)]) -> [UInt8] {
        Array(entries.sorted { $0.path < $1.path }.map { "\($0.sha256)  \($0.path)\n" }.joined().utf8)
    }

    /// Payload names: NFC, only `[A-Za-z0-9._-]`, at most 120 bytes, unique ignoring case within the evidence.
    static func payloadPaths(for evidence: EvidenceInfo) -> [String] {
        safeNames(evidence.files.map(\.name)).map { "data/\(evidence.id)/\($0)" }
    }

    /// File names safe on any file system for documents filed as `names`: NFC, only `[A-Za-z0-9._-]`, at most
    /// 120 bytes, and unique ignoring case, the second `scan.pdf` becoming `scan-2.pdf`.
    static func safeNames(_ names: [String]) -> [String] {
        var used: Set<String> = []
        return names.map { name in
            let base = safeName(name)
            var candidate = base
            var counter = 2
            while used.contains(candidate.lowercased()) {
                candidate = withSuffix(base, "-\(counter)")
                counter += 1
            }
            used.insert(candidate.lowercased())
            return candidate
        }
    }

    static func safeName(_ name: String) -> String {
        let mapped = String(
            name.precomposedStringWithCanonicalMapping.unicodeScalars.map { scalar -> Character in
                scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "._-".unicodeScalars.contains(scalar))
                    ? Character(scalar) : "_"
            })
        var safe = mapped.hasPrefix(".") ? "_" + mapped.dropFirst() : mapped
        if safe.isEmpty || safe.allSatisfy({ $0 == "_" || $0 == "." }) { safe = "file" + safe }
        return withSuffix(safe, "")
    }

    /// Inserts `suffix` before the extension, shortening the stem so the whole stays within 120 bytes.
    static func withSuffix(_ name: String, _ suffix: String) -> String {
        let dot = name.lastIndex(of: ".").flatMap { $0 == name.startIndex ? nil : $0 }
        var stem = String(name[..<(dot ?? name.endIndex)])
        var ext = dot.map { String(name[$0...]) } ?? ""
        if ext.utf8.count > 20 { (stem, ext) = (stem + ext, "") }
        let room = 120 - ext.utf8.count - suffix.utf8.count
        if stem.utf8.count > room { stem = String(stem.prefix(room)) }
        return stem + suffix + ext
    }

}
