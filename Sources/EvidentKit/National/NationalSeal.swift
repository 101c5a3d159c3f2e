import Foundation

extension NationalEvaluation {
    /// Seals the evaluation as a signed bundle at `path`, so the published result verifies like any other
    /// (`evident bundle verify`): its page is `metadata/report.html`, its open data `metadata/evaluation.json`'s
    /// neighbours `metadata/national-evaluation.json` and `.csv`, all covered by the signed tag manifest. It
    /// judges no records of its own, so its registry.json is empty and its payload too.
    public func seal(to path: String, key: SigningKey, sealTime: Date, organization: String) throws -> String {
        let seal = Int(sealTime.timeIntervalSince1970.rounded(.down))
        let sealText = Date(timeIntervalSince1970: TimeInterval(seal)).formatted(.iso8601)
        let identifier = "EB-NATIONAL-\(year)-\(to.description.replacingOccurrences(of: "-", with: ""))"
        let snapshot = RegistrySnapshot(
            format: RegistrySnapshot.currentFormat, selection: "national-\(year)", settings: [:], authorities: [],
            solutions: [], vendors: [], services: [], usages: [], evidence: [], auditEvents: [])
        let bagInfo = [
            "BagIt-Profile-Identifier: \(BundleFormat.profileIdentifier)",
            "Source-Organization: \(organization.split(whereSeparator: \.isNewline).joined(separator: " "))",
            "External-Identifier: \(identifier)", "Bagging-Date: \(String(sealText.prefix(10)))",
            "Payload-Oxum: 0.0", "Bag-Software-Agent: \(BundleFormat.agent)", "Evident-Scope: national-\(year)",
            "Evident-Reference-Date: \(to)", "Evident-Seal-Time: \(sealText)",
        ]
        var tags: [String: [UInt8]] = [
            "bagit.txt": Array(BundleFormat.bagitText.utf8),
            "bag-info.txt": Array(bagInfo.map { $0 + "\n" }.joined().utf8),
            "manifest-sha256.txt": [],
            "metadata/registry.json": try snapshot.canonicalJSON(),
            "metadata/evaluation.json": StatusReport(snapshot.evaluate(asOf: to)).json(),
            "metadata/report.html": Array(html().utf8),
            "metadata/national-evaluation.json": Array(try json()),
            "metadata/national-evaluation.csv": Array(csv().utf8),
        ]
        let tagManifest = BundleFormat.manifest(tags.map { ($0.key, Hashing.sha256($0.value)) })
        tags["tagmanifest-sha256.txt"] = tagManifest
        tags[BundleFormat.signaturePath] = Array(
            try SSHSignature.sign(tagManifest, namespace: SSHSignature.bundleNamespace, with: key).armored.utf8)
        var directories: Set<String> = [""]
        for tag in tags.keys {
            var components = tag.split(separator: "/").dropLast()
            while !components.isEmpty {
                directories.insert(components.joined(separator: "/"))
                components = components.dropLast()
            }
        }
        try FileIO.replaceAtomically(path) { temporary in
            let writer = try TarWriter(path: temporary, mtime: seal)
            for entry in directories.union(tags.keys).sorted() {
                let full = entry.isEmpty ? identifier : "\(identifier)/\(entry)"
                if let bytes = tags[entry] {
                    try writer.addFile(full, bytes: bytes)
                } else {
                    try writer.addDirectory(full)
                }
            }
            try writer.close()
        }
        return identifier
    }
}
