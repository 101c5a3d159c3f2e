import Crypto
import Foundation

/// What `bundle create` made.
public struct BundleSummary: Sendable, Codable, Equatable {
    /// The tar file written.
    public var path: String
    /// The bundle's identifier and top-level directory, such as `EB-SOL-3-20261231`.
    public var identifier: String
    /// The reference date of the verdicts.
    public var asOf: Day
    /// The seal time every entry carries, as an ISO 8601 timestamp.
    public var sealTime: String
    /// How many documents the bundle holds.
    public var payloadFiles: Int
    /// The documents' total size in bytes.
    public var payloadBytes: Int64
    /// How many verdicts the bundle carries.
    public var verdicts: Int
    /// The fingerprint of the key that signed it.
    public var signer: String
    /// The last audit event the bundle's registry includes; nil while the trail is empty.
    public var recorded: RecordedMoment?
    /// The command that makes the same bundle again, when its maker states one.
    public var reproduce: String?
}

extension Registry {
    /// Writes a signed, reproducible bundle of `selection` as of `day` to `path` (all or nothing).
    ///
    /// Documents are streamed from the store and hashed again on the way, so a corrupted object fails the
    /// bundle instead of shipping.
    public func createBundle(
        selection: Selection, asOf day: Day, sealTime: Date, key: SigningKey, organization: String?, to path: String,
        progress: (String) -> Void = { _ in }
    ) throws -> BundleSummary {
        try Rules.checkReferenceDay(day, field: .asOf)
        // One moment for the records and the audit event bag-info.txt names.
        let registry = try frozen()
        let snapshot = try registry.snapshot(of: selection)
        let recorded = try registry.recordedMoment()
        let evaluation = snapshot.evaluate(asOf: day)
        let (year, month, date) = day.components
        let identifier = "EB-\(snapshot.selection.uppercased())-\(String(format: "%04d%02d%02d", year, month, date))"
        let seal = Int(sealTime.timeIntervalSince1970.rounded(.down))
        let sealText = Date(timeIntervalSince1970: TimeInterval(seal)).formatted(.iso8601)

        var payload: [(path: String, sha256: String, size: Int64)] = []
        for evidence in snapshot.evidence {
            for (file, payloadPath) in zip(evidence.files, BundleFormat.payloadPaths(for: evidence)) {
                // The tar header declares the recorded size before the bytes are streamed: a wrong one is
                // named here, before anything is written.
                try store.checkSize(
                    sha256: file.sha256, recorded: file.size, evidence: "\(evidence.id)", fileName: file.name)
                payload.append((payloadPath, file.sha256, file.size))
            }
        }
        let payloadBytes = payload.reduce(Int64(0)) { $0 + $1.size }
        let source =
            organization
            ?? snapshot.solutions.first.flatMap { solution in
                (solution.owners.first { $0.role == .responsible } ?? solution.owners.first)?.authorityName
            } ?? "evident"
        var report = AnnualReport(
            year: year, basis: .given, evaluation: evaluation, ended: [], records: snapshot.reportRecords)
        let selected = RecordID(snapshot.selection)
        report.bundle = AnnualReport.BundleLine(
            identifier: identifier, selection: selected,
            selectionName: snapshot.solutions.first { $0.id == selected }?.name
                ?? snapshot.authorities.first { $0.id == selected }?.name,
            signer: key.publicKey.fingerprint, signerIdentity: key.comment, sealTime: sealText)
        report.recorded = recorded
        let bagInfo =
            [
                "BagIt-Profile-Identifier: \(BundleFormat.profileIdentifier)",
                "Source-Organization: \(source.split(whereSeparator: \.isNewline).joined(separator: " "))",
                "External-Identifier: \(identifier)", "Bagging-Date: \(String(sealText.prefix(10)))",
                "Payload-Oxum: \(payloadBytes).\(payload.count)", "Bag-Software-Agent: \(BundleFormat.agent)",
                "Evident-Scope: \(snapshot.selection)", "Evident-Reference-Date: \(day)",
            ] + (recorded.map { ["Evident-Recorded-At: \($0)"] } ?? []) + ["Evident-Seal-Time: \(sealText)"]
        var tags: [String: [UInt8]] = [
            "bagit.txt": Array(BundleFormat.bagitText.utf8),
            "bag-info.txt": Array(bagInfo.map { $0 + "\n" }.joined().utf8),
            "manifest-sha256.txt": BundleFormat.manifest(payload.map { ($0.path, $0.sha256) }),
            "metadata/registry.json": try snapshot.canonicalJSON(),
            "metadata/evaluation.json": StatusReport(evaluation, recorded: recorded).json(),
            "metadata/report.html": Array(report.html(language: .da).utf8),
        ]
        let tagManifest = BundleFormat.manifest(tags.map { ($0.key, Hashing.sha256($0.value)) })
        tags["tagmanifest-sha256.txt"] = tagManifest
        tags[BundleFormat.signaturePath] = Array(
            try SSHSignature.sign(tagManifest, namespace: SSHSignature.bundleNamespace, with: key).armored.utf8)

        // Every entry, sorted by path, with its directories.
        enum Content {
            case directory
            case bytes([UInt8])
            case document(sha256: String, size: Int64)
        }
        var entries: [String: Content] = ["": .directory]
        func addParents(_ path: String) {
            var components = path.split(separator: "/").dropLast()
            while !components.isEmpty {
                entries[components.joined(separator: "/")] = .directory
                components = components.dropLast()
            }
        }
        for (tagPath, bytes) in tags {
            addParents(tagPath)
            entries[tagPath] = .bytes(bytes)
        }
        for file in payload {
            addParents(file.path)
            entries[file.path] = .document(sha256: file.sha256, size: file.size)
        }

        try FileIO.replaceAtomically(path) { temporary in
            let writer = try TarWriter(path: temporary, mtime: seal)
            for entryPath in entries.keys.sorted() {
                let full = entryPath.isEmpty ? identifier : "\(identifier)/\(entryPath)"
                switch entries[entryPath]! {
                case .directory: try writer.addDirectory(full)
                case .bytes(let bytes): try writer.addFile(full, bytes: bytes)
                case .document(let sha256, let size):
                    progress(entryPath)
                    try writer.addFile(full, size: size) { write in
                        try store.streamObject(sha256: sha256, into: write)
                    }
                }
            }
            try writer.close()
        }
        return BundleSummary(
            path: path, identifier: identifier, asOf: day, sealTime: sealText, payloadFiles: payload.count,
            payloadBytes: payloadBytes, verdicts: evaluation.verdicts.count, signer: key.publicKey.fingerprint,
            recorded: recorded, reproduce: nil)
    }
}
