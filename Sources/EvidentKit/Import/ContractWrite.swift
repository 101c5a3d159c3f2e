import GRDB

extension ContractPlan {
    /// Writes the plan's records in the caller's transaction; returns what each row did and the records touched.
    func apply(
        sha256: String, dryRun: Bool, filedAt: String, filedBy: String, _ db: Database,
        progress: (ImportProgress) -> Void
    ) throws -> (ImportSummary, [RecordID]) {
        var touched: [RecordID] = []
        var vendorIds: [Int64] = []
        for vendor in newVendors {
            var record = VendorRecord(
                id: nil, name: vendor.name, country: vendor.country, cvr: vendor.cvr, vat: vendor.vat, website: nil)
            try record.insert(db)
            vendorIds.append(record.id!)
        }
        let added = vendorIds.map { RecordID(.vendor, $0) }
        for record in filledVendors.values.sorted(by: { $0.id! < $1.id! }) { try record.update(db) }
        let filled = filledVendors.keys.sorted().map { RecordID(.vendor, $0) }
        func vendorId(_ reference: Reference) -> Int64 {
            switch reference {
            case .existing(let id): id
            case .new(let position): vendorIds[position]
            }
        }
        var serviceIds: [Int64] = []
        for service in newServices {
            var record = ServiceRecord(
                id: nil, vendorId: vendorId(service.vendor), name: service.name, category: service.category,
                hosts: service.hosts, cookies: [])
            try record.insert(db)
            serviceIds.append(record.id!)
        }
        let addedServices = serviceIds.map { RecordID(.service, $0) }
        touched += added + filled + addedServices
        func covered(_ target: Target) -> RecordID {
            switch target {
            case .usage(let id): RecordID(.usage, id)
            case .service(.existing(let id)): RecordID(.service, id)
            case .service(.new(let position)): RecordID(.service, serviceIds[position])
            }
        }

        let newDocuments = Set(self.newDocuments)
        // Cached statements: ten thousand rows prepare each insert once.
        let insertEvidence = try db.cachedStatement(
            sql: """
                INSERT INTO evidence (kind, title, captured, signed, validFrom, validUntil, reviewBy, noticeDays, clause,
                supersedesId, filedAt, filedBy, allState) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        let insertParty = try db.cachedStatement(
            sql: "INSERT INTO evidenceParty (evidenceId, authorityId) VALUES (?, ?)")
        let insertDocument = try db.cachedStatement(
            sql: "INSERT OR IGNORE INTO document (sha256, size, mediaType) VALUES (?, ?, ?)")
        let insertFile = try db.cachedStatement(
            sql: "INSERT INTO evidenceFile (evidenceId, position, sha256, fileName) VALUES (?, 1, ?, ?)")
        let insertCoverage = try db.cachedStatement(
            sql: "INSERT INTO coverage (evidenceId, usageId, serviceId, vendorId) VALUES (?, ?, ?, ?)")
        func cover(_ evidenceId: Int64, _ target: RecordID) throws {
            let record = CoverageRecord(evidenceId: evidenceId, target: target)
            try insertCoverage.execute(arguments: [evidenceId, record.usageId, record.serviceId, record.vendorId])
        }
        var rows: [ImportSummary.Row] = []
        var counts = (added: 0, changed: 0, unchanged: 0)
        for (index, item) in evidence.enumerated() {
            if (index + 1) % 1000 == 0 || index + 1 == evidence.count {
                progress(ImportProgress(phase: .writingRows, done: index + 1, total: evidence.count))
            }
            let row = item.row
            let targets = item.targets.map(covered)
            switch item.action {
            case .add, .revise:
                let supersedes: Int64? = if case .revise(let old) = item.action { old } else { nil }
                let dates = row.dates
                try insertEvidence.execute(arguments: [
                    row.kind, row.title, dates.captured, dates.signed, dates.validFrom, dates.validUntil,
                    dates.reviewBy, dates.noticeDays, row.clause, supersedes, filedAt, filedBy, item.allState,
                ])
                let id = db.lastInsertedRowID
                for party in item.parties { try insertParty.execute(arguments: [id, party]) }
                if newDocuments.contains(item.document.sha256) {
                    try insertDocument.execute(arguments: [
                        item.document.sha256, item.document.size, item.document.mediaType.rawValue,
                    ])
                }
                try insertFile.execute(arguments: [id, item.document.sha256, item.document.fileName])
                for target in targets { try cover(id, target) }
                touched.append(RecordID(.evidence, id))
                if let supersedes {
                    touched.append(RecordID(.evidence, supersedes))
                    counts.changed += 1
                    rows.append(
                        .init(
                            line: row.line, action: .revised, evidence: RecordID(.evidence, id),
                            supersedes: RecordID(.evidence, supersedes)))
                } else {
                    counts.added += 1
                    rows.append(.init(line: row.line, action: .added, evidence: RecordID(.evidence, id)))
                }
            case .change(let id):
                var record = try EvidenceRecord.find(db, key: id)
                (record.title, record.clause) = (row.title, row.clause)
                try record.update(db)
                try CoverageRecord.filter(CoverageRecord.Columns.evidenceId == id).deleteAll(db)
                for target in targets { try cover(id, target) }
                touched.append(RecordID(.evidence, id))
                counts.changed += 1
                rows.append(.init(line: row.line, action: .changed, evidence: RecordID(.evidence, id)))
            case .unchanged(let id):
                counts.unchanged += 1
                rows.append(.init(line: row.line, action: .unchanged, evidence: RecordID(.evidence, id)))
            }
        }
        let summary = ImportSummary(
            sha256: sha256, dryRun: dryRun, added: counts.added, changed: counts.changed, unchanged: counts.unchanged,
            addedRecords: added + addedServices, changedRecords: filled, newDocuments: newDocuments.count,
            rows: rows.sorted { $0.line < $1.line })
        return (summary, touched)
    }
}
