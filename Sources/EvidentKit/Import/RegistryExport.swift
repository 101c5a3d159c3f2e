import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A whole registry as `export` writes it to `registry.json`: every record, every revision of every piece of
/// evidence (superseded and withdrawn included) and every link, with the documents beside it in `documents/`.
///
/// The records have the shapes of a bundle's `metadata/registry.json` (`evident-registry/2`), without its
/// `scope` and `auditEvents`: the audit trail stays with its home, and rebuilding a registry from an export is
/// itself one audited change. `schema/registry-export.schema.json` describes it.
struct RegistryExport: Codable, Sendable, Equatable {
    static let currentFormat = "evident-export/1"

    var format: String
    var settings: [String: Int]
    var authorities: [AuthorityInfo]
    var solutions: [SolutionInfo]
    var vendors: [VendorInfo]
    var services: [ServiceInfo]
    var usages: [UsageInfo]
    var evidence: [EvidenceInfo]

    /// Whether JSON is an export (an object whose `format` is an export's) rather than a contract list.
    static func isExport(_ data: Data) -> Bool {
        struct Probe: Decodable { var format: String? }
        guard let probe = try? JSONDecoder().decode(Probe.self, from: data) else { return false }
        return probe.format?.hasPrefix("evident-export/") == true
    }

    /// Every record's id, for the audit event of a restore.
    var recordIDs: [RecordID] {
        authorities.map(\.id) + solutions.map(\.id) + vendors.map(\.id) + services.map(\.id) + usages.map(\.id)
            + evidence.map(\.id)
    }
}

/// What an export wrote.
public struct ExportSummary: Sendable, Codable, Equatable {
    /// The directory written.
    public var directory: String
    /// The number of records in `registry.json`, and of documents in `documents/`.
    public var records: Int
    public var documents: Int
    /// The SHA-256 of `registry.json`.
    public var sha256: String
}

extension Registry {
    /// Writes every record to `directory/registry.json` and every stored document to `directory/documents/`,
    /// named by its SHA-256; the directory must be new or empty.
    public func export(to directory: String) throws -> ExportSummary {
        let (snapshot, documents) = try read { db in
            let export = RegistryExport(
                format: RegistryExport.currentFormat,
                settings: try RulePolicy(settingsIn: db).settings,
                authorities: try InfoLoader.authorities(db, ids: nil),
                solutions: try InfoLoader.solutions(db, ids: nil),
                vendors: try InfoLoader.vendors(db, ids: nil), services: try InfoLoader.services(db, ids: nil),
                usages: try InfoLoader.usages(db, ids: nil), evidence: try InfoLoader.evidence(db, ids: nil))
            return (export, try String.fetchAll(db, sql: "SELECT sha256 FROM document ORDER BY sha256"))
        }
        if let existing = try? FileManager.default.contentsOfDirectory(atPath: directory), !existing.isEmpty {
            throw ImportError.destinationNotEmpty(path: directory)
        }
        for path in [directory, directory + "/documents"] {
            guard mkdir(path, 0o755) == 0 || errno == EEXIST else {
                throw StoreError.writeFailed(path: path, reason: FileIO.lastError())
            }
        }
        for sha256 in documents {
            try store.exportObject(sha256: sha256, to: "\(directory)/documents/\(sha256)", replace: false)
        }
        let json = Array(try CanonicalJSON.encode(snapshot)) + [0x0A]
        try FileIO.replaceAtomically(directory + "/registry.json") { temporary in
            try FileIO.createExclusive(temporary, mode: 0o644, contents: json)
        }
        return ExportSummary(
            directory: directory, records: snapshot.recordIDs.count, documents: documents.count,
            sha256: Hashing.sha256(json))
    }

    /// Rebuilds an export in this home, which must have no records: the same ids, dates, filings and documents.
    func restore(
        exportAt path: String, data: Data, sha256: String, dryRun: Bool, _ context: ChangeContext
    ) throws -> ImportSummary {
        let export: RegistryExport
        do {
            export = try JSONDecoder().decode(RegistryExport.self, from: data)
        } catch {
            throw ImportError.malformedJSON(reason: "not a registry export (\(error))")
        }
        guard export.format == RegistryExport.currentFormat else {
            throw ImportError.malformedJSON(
                reason: "registry export format '\(export.format)' is not \(RegistryExport.currentFormat)")
        }
        try export.validate()
        let isEmpty = try read { db in
            try RecordKind.allCases.allSatisfy { kind in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM \(kind.table)") == 0
            }
        }
        guard isEmpty else { throw ImportError.homeNotEmpty }
        try recoverInterruptedFilings()

        let documentsDirectory = URL(fileURLWithPath: path).deletingLastPathComponent().path + "/documents"
        let placement = try ObjectPlacement(store: store)
        defer { placement.end() }
        var staged: [DocumentStore.Staged] = []
        var files: [String: EvidenceInfo.File] = [:]
        for file in export.evidence.flatMap(\.files) { files[file.sha256] = file }
        for (sha256, file) in files.sorted(by: { $0.key < $1.key }) {
            let documentPath = "\(documentsDirectory)/\(sha256)"
            let document: DocumentStore.Staged
            do {
                document = try placement.stage(path: documentPath, durable: false)
            } catch {
                throw ImportError.exportDocument(sha256: sha256, reason: "\(error)")
            }
            staged.append(document)
            guard document.sha256 == sha256, document.size == file.size else {
                throw ImportError.exportDocument(
                    sha256: sha256, reason: "documents/\(sha256) holds other bytes (they hash to \(document.sha256))")
            }
        }
        do {
            let summary = try transaction(context, dryRun: dryRun) {
                (db: Database) -> (result: ImportSummary, touched: [RecordID]) in
                try export.insert(db)
                if !dryRun { try placement.place(staged, batch: true) }
                let ids = export.recordIDs
                return (
                    ImportSummary(
                        sha256: sha256, dryRun: dryRun, added: ids.count, changed: 0, unchanged: 0, addedRecords: [],
                        changedRecords: [], newDocuments: staged.count, rows: []), ids
                )
            }
            return summary
        } catch {
            placement.undo()
            throw error
        }
    }
}

extension RulePolicy {
    /// The policy a home's stored settings give.
    init(settingsIn db: Database) throws {
        var values: [String: Int] = [:]
        for record in try SettingRecord.fetchAll(db) { values[record.key] = Int(record.value) }
        self.init(settings: values)
    }
}

extension RegistryExport {
    /// Checks every record as the commands that add records check them, and every document name; throws every
    /// problem, each placed by the list it is in and its position there.
    func validate() throws(ImportError) {
        var problems = ProblemList()
        func check(_ list: String, _ position: Int, _ body: () throws(InputError) -> Void) {
            do {
                try body()
            } catch {
                problems.problems.append(
                    ImportProblem(
                        line: position + 1, column: "\(list).\(error.field.rawValue)", value: error.value,
                        reason: error.reason.description))
            }
        }
        for (position, item) in authorities.enumerated() {
            check("authorities", position) { () throws(InputError) in
                _ = try AuthorityDraft(name: item.name, cvr: item.cvr, kind: item.kind)
            }
        }
        for (position, item) in solutions.enumerated() {
            check("solutions", position) { () throws(InputError) in
                _ = try SolutionDraft(
                    name: item.name, kind: item.kind, channel: item.channel, url: item.url, appId: item.appId,
                    audience: item.audience, mandatory: item.mandatory, mandatedBy: item.mandatedBy,
                    owners: item.owners.map { .init(authority: $0.authority.description, role: $0.role) })
            }
        }
        for (position, item) in vendors.enumerated() {
            check("vendors", position) { () throws(InputError) in
                _ = try VendorDraft(
                    name: item.name, country: item.country, cvr: item.cvr, vat: item.vat, website: item.website)
            }
        }
        for (position, item) in services.enumerated() {
            check("services", position) { () throws(InputError) in
                _ = try ServiceDraft(
                    vendor: item.vendor.description, name: item.name, category: item.category, hosts: item.hosts,
                    cookies: item.cookies)
            }
        }
        for (position, item) in usages.enumerated() {
            check("usages", position) { () throws(InputError) in
                _ = try UsageDraft(
                    solution: item.solution.description, service: item.service.description, since: item.since,
                    until: item.until, purpose: item.purpose, route: item.route,
                    vendorOwnPurposes: item.vendorOwnPurposes)
            }
        }
        for (position, item) in evidence.enumerated() {
            check("evidence", position) { () throws(InputError) in
                _ = try EvidenceDraft(
                    kind: item.kind, title: item.title, covers: item.covers.map(\.description), dates: item.dates,
                    clause: item.clause, parties: item.parties.map(\.description))
                for file in item.files {
                    guard file.sha256.count == 64,
                        file.sha256.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
                    else {
                        throw InputError(
                            field: .document, value: file.sha256, reason: "not a SHA-256 in lower-case hex")
                    }
                    guard MediaType(rawValue: file.mediaType) != nil, !file.name.isEmpty, !file.name.contains("/")
                    else {
                        throw InputError(
                            field: .document, value: file.name, reason: "not a stored file's name and media type")
                    }
                }
            }
        }
        guard problems.isEmpty else { throw ImportError.problems(problems.problems) }
    }

    /// Inserts every record with its own id; supersession is linked once all evidence is in.
    func insert(_ db: Database) throws {
        for item in authorities {
            var record = AuthorityRecord(id: item.id.number, name: item.name, cvr: item.cvr, kind: item.kind)
            try record.insert(db)
        }
        for item in solutions {
            var record = SolutionRecord(
                id: item.id.number, name: item.name, kind: item.kind, channel: item.channel, url: item.url,
                appId: item.appId, audience: item.audience, mandatory: item.mandatory, mandatedBy: item.mandatedBy)
            try record.insert(db)
            for owner in item.owners {
                try SolutionOwnerRecord(
                    solutionId: item.id.number, authorityId: owner.authority.number, role: owner.role
                )
                .insert(db)
            }
        }
        for item in vendors {
            var record = VendorRecord(
                id: item.id.number, name: item.name, country: item.country, cvr: item.cvr, vat: item.vat,
                website: item.website)
            try record.insert(db)
        }
        for item in services {
            var record = ServiceRecord(
                id: item.id.number, vendorId: item.vendor.number, name: item.name, category: item.category,
                hosts: item.hosts, cookies: item.cookies)
            try record.insert(db)
        }
        for item in usages {
            var record = UsageRecord(
                id: item.id.number, solutionId: item.solution.number, serviceId: item.service.number, since: item.since,
                until: item.until, purpose: item.purpose, route: item.route, vendorOwnPurposes: item.vendorOwnPurposes)
            try record.insert(db)
        }
        for item in evidence {
            var record = EvidenceRecord(
                id: item.id.number, kind: item.kind, title: item.title, clause: item.clause, supersedesId: nil,
                filedAt: item.filedAt, filedBy: item.filedBy, withdrawnAt: item.withdrawn?.at,
                withdrawnBy: item.withdrawn?.by, withdrawnReason: item.withdrawn?.reason, allState: item.allState)
            record.dates = item.dates
            try record.insert(db)
            for party in item.parties {
                try EvidencePartyRecord(evidenceId: item.id.number, authorityId: party.number).insert(db)
            }
            for (position, file) in item.files.enumerated() {
                try DocumentRecord(sha256: file.sha256, size: file.size, mediaType: file.mediaType)
                    .insert(db, onConflict: .ignore)
                try EvidenceFileRecord(
                    evidenceId: item.id.number, position: position + 1, sha256: file.sha256, fileName: file.name
                ).insert(db)
            }
            for target in item.covers { try CoverageRecord(evidenceId: item.id.number, target: target).insert(db) }
        }
        for item in evidence where item.supersedes != nil {
            var record = try EvidenceRecord.find(db, key: item.id.number)
            record.supersedesId = item.supersedes?.number
            try record.update(db)
        }
        for (key, value) in settings.sorted(by: { $0.key < $1.key }) {
            guard let setting = Setting(rawValue: key), (0...3650).contains(value) else {
                throw ImportError.malformedJSON(reason: "unknown setting '\(key)' or value \(value)")
            }
            if value != setting.defaultValue {
                try SettingRecord(key: key, value: String(value)).insert(db, onConflict: .replace)
            }
        }
    }
}
