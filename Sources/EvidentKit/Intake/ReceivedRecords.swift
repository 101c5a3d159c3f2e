import GRDB

/// A bundle another authority handed in, as intake recorded it.
///
/// Its bytes are the document `sha256` (its frame) with each of its parts' data put back at its offset
/// (`KeptBundle`); a bundle received before parts were kept has none, and its document is the whole tar.
struct ReceivedBundleRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "receivedBundle"
    var id: Int64?
    var sha256: String
    /// The SHA-256 of its tag manifest, the file its signature covers, which names the bundle; nil for a bundle
    /// received before it was recorded (`tagManifest(in:)` then reads it from the stored tar).
    var tagManifest: String?
    /// The bundle's own identifier, such as `EB-AUT-1-20261231`.
    var identifier: String
    /// The SHA-256 fingerprint of the key that signed it.
    var signer: String
    /// The allowed-signers principals that trusted the key, one pattern-list per line, joined by newlines.
    var principals: String
    var sealedAt: String
    var asOf: Day
    var rulesVersion: Int
    var receivedAt: String
    var receivedBy: String

    enum Columns {
        static let sha256 = Column(CodingKeys.sha256)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A payload file's data in a received bundle: where it lies in the tar, and the document that holds it.
struct ReceivedPartRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "receivedPart"
    var bundleId: Int64
    var dataOffset: Int64
    var size: Int64
    var sha256: String
}

/// A solution a received bundle covers, with the authority responsible for it.
struct ReceivedSolutionRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "receivedSolution"
    var bundleId: Int64
    /// Its id in the authority's own registry, such as `SOL-3`.
    var solution: String
    /// What names the solution across registries: its URL or app id (`SolutionKey`).
    var key: String
    var name: String
    var cvr: String
    var authorityName: String
    var covered: Bool
}

/// One verdict of a received bundle, as re-derived under the bundle's own rules version.
struct ReceivedVerdictRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "receivedVerdict"
    var bundleId: Int64
    var usage: String
    var solution: String
    var service: String
    var vendor: String
    var outcome: Outcome
    var rule: String
    var reasonDa: String
    var reasonEn: String
    /// The evidence the verdict rests on, as JSON: `[{"id": "EVD-1", "sha256": ["…"]}]`.
    var evidence: String
}

extension ReceivedBundleRecord {
    /// The bundle's canonical form for the audit trail: its row, its solutions and its verdicts, keyed by column.
    ///
    /// From version 4 of the form it holds the tag manifest's SHA-256 and the parts.
    static func storedForm(id: Int64, version: Int, _ db: Database) throws -> CanonicalForm? {
        guard
            let bundle = try ReceivedBundleRecord.fetchOne(
                db.cachedStatement(sql: "SELECT * FROM receivedBundle WHERE id = ?"), arguments: [id])
        else { return nil }
        let solutions = try ReceivedSolutionRecord.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM receivedSolution WHERE bundleId = ? ORDER BY solution"),
            arguments: [id])
        let verdicts = try ReceivedVerdictRecord.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM receivedVerdict WHERE bundleId = ? ORDER BY usage"),
            arguments: [id])
        let parts =
            version >= 4
            ? try ReceivedPartRecord.fetchAll(
                db.cachedStatement(sql: "SELECT * FROM receivedPart WHERE bundleId = ? ORDER BY dataOffset"),
                arguments: [id])
            : nil
        let solutionForms: [CanonicalForm] = solutions.map(\.canonicalForm)
        let verdictForms: [CanonicalForm] = verdicts.map(\.canonicalForm)
        return .object([
            "record": bundle.canonicalForm(version: version), "solutions": .array(solutionForms),
            "verdicts": .array(verdictForms), "parts": parts.map { .array($0.map(\.canonicalForm)) },
        ])
    }

    /// The row, keyed by column; `tagManifest` from version 4 of the form.
    func canonicalForm(version: Int) -> CanonicalForm {
        var fields: [String: CanonicalForm?] = [:]
        fields["id"] = .integer(id)
        fields["sha256"] = .string(sha256)
        if version >= 4 { fields["tagManifest"] = .string(tagManifest) }
        fields["identifier"] = .string(identifier)
        fields["signer"] = .string(signer)
        fields["principals"] = .string(principals)
        fields["sealedAt"] = .string(sealedAt)
        fields["asOf"] = .day(asOf)
        fields["rulesVersion"] = .integer(rulesVersion)
        fields["receivedAt"] = .string(receivedAt)
        fields["receivedBy"] = .string(receivedBy)
        return .object(fields)
    }
}

extension ReceivedBundleRecord {
    /// The SHA-256 of its tag manifest: as recorded, or, for a bundle received before it was, read from its tar
    /// in `store` (empty when the tar cannot be read).
    func tagManifest(in store: DocumentStore) -> String {
        tagManifest ?? BundleVerifier.tagManifestHash(path: store.objectPath(sha256: sha256)) ?? ""
    }
}

extension ReceivedPartRecord {
    /// The row, keyed by column.
    var canonicalForm: CanonicalForm {
        var fields: [String: CanonicalForm?] = [:]
        fields["bundleId"] = .integer(bundleId)
        fields["dataOffset"] = .integer(dataOffset)
        fields["size"] = .integer(size)
        fields["sha256"] = .string(sha256)
        return .object(fields)
    }
}

extension ReceivedSolutionRecord {
    /// The row, keyed by column.
    var canonicalForm: CanonicalForm {
        var fields: [String: CanonicalForm?] = [:]
        fields["bundleId"] = .integer(bundleId)
        fields["solution"] = .string(solution)
        fields["key"] = .string(key)
        fields["name"] = .string(name)
        fields["cvr"] = .string(cvr)
        fields["authorityName"] = .string(authorityName)
        fields["covered"] = .boolean(covered)
        return .object(fields)
    }
}

extension ReceivedVerdictRecord {
    /// The row, keyed by column.
    var canonicalForm: CanonicalForm {
        var fields: [String: CanonicalForm?] = [:]
        fields["bundleId"] = .integer(bundleId)
        fields["usage"] = .string(usage)
        fields["solution"] = .string(solution)
        fields["service"] = .string(service)
        fields["vendor"] = .string(vendor)
        fields["outcome"] = .string(outcome.rawValue)
        fields["rule"] = .string(rule)
        fields["reasonDa"] = .string(reasonDa)
        fields["reasonEn"] = .string(reasonEn)
        fields["evidence"] = .string(evidence)
        return .object(fields)
    }
}
