import GRDB

/// Builds the user-facing views of records from their rows, a whole kind at a time.
enum InfoLoader {
    /// `WHERE id IN (…)` for a list of ids (passed as one JSON array, whatever its length), or every row when
    /// `ids` is nil.
    static func filter(_ ids: [Int64]?, column: String = "id") -> (sql: String, arguments: StatementArguments) {
        guard let ids else { return ("", []) }
        return (" WHERE \(column) IN (SELECT value FROM json_each(?))", [jsonArray(ids)])
    }

    static func jsonArray(_ ids: [Int64]) -> String {
        "[" + ids.map(String.init).joined(separator: ",") + "]"
    }

    static func authorities(_ db: Database, ids: [Int64]?) throws -> [AuthorityInfo] {
        let (condition, arguments) = filter(ids)
        return try AuthorityRecord.fetchAll(
            db, sql: "SELECT * FROM authority\(condition) ORDER BY id", arguments: arguments
        )
        .map { AuthorityInfo(id: RecordID(.authority, $0.id!), name: $0.name, cvr: $0.cvr, kind: $0.kind) }
    }

    static func solutions(_ db: Database, ids: [Int64]?) throws -> [SolutionInfo] {
        let (condition, arguments) = filter(ids)
        let records = try SolutionRecord.fetchAll(
            db, sql: "SELECT * FROM solution\(condition) ORDER BY id", arguments: arguments)
        let (ownerCondition, ownerArguments) = filter(ids, column: "o.solutionId")
        var owners: [Int64: [SolutionInfo.Owner]] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT o.solutionId, o.authorityId, a.name, a.kind, o.role
                FROM solutionOwner o JOIN authority a ON a.id = o.authorityId\(ownerCondition)
                ORDER BY o.solutionId, o.authorityId
                """, arguments: ownerArguments)
        {
            owners[row[0], default: []].append(
                SolutionInfo.Owner(
                    authority: RecordID(.authority, row[1]), authorityName: row[2], authorityKind: row[3], role: row[4])
            )
        }
        return records.map { record in
            let solutionOwners = owners[record.id!] ?? []
            return SolutionInfo(
                id: RecordID(.solution, record.id!), name: record.name, kind: record.kind, channel: record.channel,
                url: record.url, appId: record.appId, audience: record.audience, mandatory: record.mandatory,
                mandatedBy: record.mandatedBy, owners: solutionOwners,
                scope: Scope(
                    kind: record.kind, mandatory: record.mandatory, audience: record.audience,
                    ownerKinds: solutionOwners.map(\.authorityKind)))
        }
    }

    static func vendors(_ db: Database, ids: [Int64]?) throws -> [VendorInfo] {
        let (condition, arguments) = filter(ids)
        return try VendorRecord.fetchAll(db, sql: "SELECT * FROM vendor\(condition) ORDER BY id", arguments: arguments)
            .map {
                VendorInfo(
                    id: RecordID(.vendor, $0.id!), name: $0.name, country: $0.country, cvr: $0.cvr, vat: $0.vat,
                    website: $0.website)
            }
    }

    static func services(_ db: Database, ids: [Int64]?) throws -> [ServiceInfo] {
        let (condition, arguments) = filter(ids, column: "s.id")
        return try Row.fetchAll(
            db,
            sql:
                "SELECT s.*, v.name AS vendorName FROM service s JOIN vendor v ON v.id = s.vendorId\(condition) ORDER BY s.id",
            arguments: arguments
        ).map { row in
            let record = try ServiceRecord(row: row)
            return ServiceInfo(
                id: RecordID(.service, record.id!), vendor: RecordID(.vendor, record.vendorId),
                vendorName: row["vendorName"], name: record.name, category: record.category, hosts: record.hosts,
                cookies: record.cookies)
        }
    }

    static func usages(_ db: Database, ids: [Int64]?) throws -> [UsageInfo] {
        let (condition, arguments) = filter(ids, column: "u.id")
        return try Row.fetchAll(
            db,
            sql: """
                SELECT u.*, sol.name AS solutionName, svc.name AS serviceName FROM usage u
                JOIN solution sol ON sol.id = u.solutionId JOIN service svc ON svc.id = u.serviceId\(condition)
                ORDER BY u.id
                """, arguments: arguments
        ).map { row in
            let record = try UsageRecord(row: row)
            return UsageInfo(
                id: RecordID(.usage, record.id!), solution: RecordID(.solution, record.solutionId),
                solutionName: row["solutionName"], service: RecordID(.service, record.serviceId),
                serviceName: row["serviceName"], since: record.since, until: record.until, purpose: record.purpose,
                route: record.route, vendorOwnPurposes: record.vendorOwnPurposes)
        }
    }

    static func evidence(_ db: Database, ids: [Int64]?) throws -> [EvidenceInfo] {
        let (condition, arguments) = filter(ids)
        let records = try EvidenceRecord.fetchAll(
            db, sql: "SELECT * FROM evidence\(condition) ORDER BY id", arguments: arguments)

        let (fileCondition, fileArguments) = filter(ids, column: "f.evidenceId")
        var files: [Int64: [EvidenceInfo.File]] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT f.evidenceId, f.fileName, f.sha256, d.size, d.mediaType
                FROM evidenceFile f JOIN document d ON d.sha256 = f.sha256\(fileCondition)
                ORDER BY f.evidenceId, f.position
                """, arguments: fileArguments)
        {
            files[row[0], default: []].append(
                EvidenceInfo.File(name: row[1], sha256: row[2], size: row[3], mediaType: row[4]))
        }

        let (coverCondition, coverArguments) = filter(ids, column: "evidenceId")
        var covers: [Int64: [RecordID]] = [:]
        for coverage in try CoverageRecord.fetchAll(
            db, sql: "SELECT * FROM coverage\(coverCondition)", arguments: coverArguments)
        {
            covers[coverage.evidenceId, default: []].append(coverage.target)
        }

        var parties: [Int64: [RecordID]] = [:]
        for party in try EvidencePartyRecord.fetchAll(
            db, sql: "SELECT * FROM evidenceParty\(coverCondition) ORDER BY evidenceId, authorityId",
            arguments: coverArguments)
        {
            parties[party.evidenceId, default: []].append(RecordID(.authority, party.authorityId))
        }

        let (supersededCondition, supersededArguments) = filter(ids, column: "supersedesId")
        var supersededBy: [Int64: [RecordID]] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT supersedesId, id FROM evidence\(supersededCondition.isEmpty ? " WHERE" : supersededCondition + " AND")
                supersedesId IS NOT NULL AND withdrawnAt IS NULL ORDER BY id
                """, arguments: supersededArguments)
        {
            supersededBy[row[0], default: []].append(RecordID(.evidence, row[1]))
        }

        return records.map { record in
            let id = record.id!
            let withdrawal = record.withdrawnAt.map {
                EvidenceInfo.Withdrawal(at: $0, by: record.withdrawnBy ?? "", reason: record.withdrawnReason)
            }
            let status: EvidenceInfo.Status =
                withdrawal != nil ? .withdrawn : supersededBy[id] != nil ? .superseded : .active
            return EvidenceInfo(
                id: RecordID(.evidence, id), kind: record.kind, title: record.title, status: status,
                dates: record.dates, clause: record.clause, parties: parties[id] ?? [], allState: record.allState,
                supersedes: record.supersedesId.map { RecordID(.evidence, $0) },
                supersededBy: supersededBy[id] ?? [], covers: (covers[id] ?? []).sorted(), files: files[id] ?? [],
                filedAt: record.filedAt, filedBy: record.filedBy, withdrawn: withdrawal)
        }
    }
}
