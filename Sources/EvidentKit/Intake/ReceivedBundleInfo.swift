import Foundation
import GRDB

/// A received bundle as `intake list` and `intake show` give it.
public struct ReceivedBundleInfo: Sendable, Codable, Equatable {
    /// A solution the bundle covers, and the authority responsible for it.
    public struct Solution: Sendable, Codable, Equatable {
        /// Its id in the authority's own registry, such as `SOL-3`.
        public var id: String
        /// Its URL or app id, which names it across registries.
        public var key: String
        public var name: String
        /// The CVR number of the authority responsible for it.
        public var cvr: String
        public var authorityName: String
        /// Whether §2 covers it on the bundle's reference date.
        public var covered: Bool
        /// How many of its verdicts have each outcome; every outcome is present.
        public var totals: [String: Int]
    }

    /// The id in this home, such as `RCV-1`.
    public var id: RecordID
    /// The bundle's own identifier, such as `EB-AUT-1-20261231`.
    public var identifier: String
    /// The SHA-256 of its tag manifest, the file its signature covers, which names the bundle: any copy of the
    /// bundle has it, whatever its tar looks like (`tar -xOf B.tar '*/tagmanifest-sha256.txt' | sha256sum`).
    public var tagManifestSha256: String
    /// The size of the bundle file, in bytes.
    public var size: Int64
    /// The fingerprint of the key that signed it.
    public var signer: String
    /// The allowed-signers principals that trusted the key.
    public var principals: [String]
    /// The authorities it speaks for: `cvr` and name, from its records.
    public var authorities: [ReceivedAuthority]
    public var sealedAt: String
    public var asOf: Day
    /// The rules version its verdicts were made, and re-derived, under.
    public var rulesVersion: Int
    public var receivedAt: String
    public var receivedBy: String
    public var solutions: [Solution]
}

/// An authority a received bundle speaks for.
public struct ReceivedAuthority: Sendable, Codable, Equatable, Hashable {
    public var cvr: String
    public var name: String
}

extension Registry {
    /// Every received bundle, oldest first.
    public func receivedBundles() throws -> [ReceivedBundleInfo] {
        try read { db in try ReceivedBundleInfo.load(db, ids: nil, store: store) }
    }

    /// One received bundle, by id (`RCV-1`), identifier or its tag manifest's SHA-256 (a unique prefix of at least
    /// 8 digits).
    public func receivedBundle(_ reference: String) throws -> ReceivedBundleInfo {
        let all = try receivedBundles()
        let text = reference.trimmingCharacters(in: .whitespaces)
        let matches = all.filter {
            $0.id.description.caseInsensitiveCompare(text) == .orderedSame || $0.identifier == text
                || (text.count >= 8 && $0.tagManifestSha256.hasPrefix(text.lowercased()))
        }
        guard matches.count == 1 else {
            throw InputError(
                field: .record, value: reference,
                reason: matches.isEmpty
                    ? "no received bundle has this id, identifier or tag manifest SHA-256"
                    : "names \(matches.count) received bundles (\(matches.map(\.id.description).joined(separator: ", "))); give its RCV- id"
            )
        }
        return matches[0]
    }
}

extension ReceivedBundleInfo {
    static func load(_ db: Database, ids: [Int64]?, store: DocumentStore) throws -> [ReceivedBundleInfo] {
        let bundles = try ReceivedBundleRecord.order(Column("id")).fetchAll(db).filter {
            ids.map(Set.init)?.contains($0.id!) ?? true
        }
        var solutions: [Int64: [ReceivedSolutionRecord]] = [:]
        for row in try ReceivedSolutionRecord.order(Column("bundleId"), Column("solution")).fetchAll(db) {
            solutions[row.bundleId, default: []].append(row)
        }
        var totals: [Int64: [String: [String: Int]]] = [:]
        for row in try Row.fetchAll(
            db, sql: "SELECT bundleId, solution, outcome, count(*) FROM receivedVerdict GROUP BY 1, 2, 3")
        {
            totals[row[0], default: [:]][row[1], default: Outcome.totals([])][row[2]] = row[3]
        }
        // The frame's size and its parts'.
        var sizes: [Int64: Int64] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT receivedBundle.id, document.size + coalesce(
                  (SELECT sum(size) FROM receivedPart WHERE bundleId = receivedBundle.id), 0)
                FROM receivedBundle JOIN document USING (sha256)
                """)
        {
            sizes[row[0]] = row[1]
        }
        return bundles.map { bundle in
            let rows = solutions[bundle.id!] ?? []
            var authorities: [ReceivedAuthority] = []
            for row in rows where !authorities.contains(where: { $0.cvr == row.cvr }) {
                authorities.append(ReceivedAuthority(cvr: row.cvr, name: row.authorityName))
            }
            return ReceivedBundleInfo(
                id: RecordID(.receivedBundle, bundle.id!), identifier: bundle.identifier,
                tagManifestSha256: bundle.tagManifest(in: store), size: sizes[bundle.id!] ?? 0, signer: bundle.signer,
                principals: bundle.principals.split(separator: "\n").map(String.init),
                authorities: authorities.sorted { $0.cvr < $1.cvr }, sealedAt: bundle.sealedAt,
                asOf: bundle.asOf, rulesVersion: bundle.rulesVersion, receivedAt: bundle.receivedAt,
                receivedBy: bundle.receivedBy,
                solutions: rows.map {
                    Solution(
                        id: $0.solution, key: $0.key, name: $0.name, cvr: $0.cvr, authorityName: $0.authorityName,
                        covered: $0.covered, totals: totals[bundle.id!]?[$0.solution] ?? Outcome.totals([]))
                })
        }
    }
}
