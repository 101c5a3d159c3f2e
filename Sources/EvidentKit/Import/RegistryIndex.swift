import GRDB

/// What an import matches rows against, read once per import: every record it may name, by the keys rows use.
///
/// Names are keyed folded (`NameFolding`), as references are resolved everywhere else.
struct RegistryIndex {
    var authorityIds: Set<Int64> = []
    var authoritiesByName: [String: [Int64]] = [:]
    var authoritiesByCVR: [String: Int64] = [:]
    var solutionIds: Set<Int64> = []
    var solutionsByName: [String: [Int64]] = [:]
    var solutionNames: [Int64: String] = [:]
    var owners: [Int64: [Int64]] = [:]
    /// Each usage's solution and service.
    var usages: [Int64: (solution: Int64, service: Int64)] = [:]
    var usagesBySolutionService: [SolutionService: [Int64]] = [:]
    var vendors: [Int64: VendorRecord] = [:]
    /// Vendors by the keys of `Identification.companyKeys`, which make a CVR number and its DK VAT number one.
    var vendorsByCompany: [String: Int64] = [:]
    var vendorsByName: [String: [Int64]] = [:]
    var servicesByVendorName: [VendorService: Int64] = [:]
    var serviceNames: [Int64: String] = [:]
    var evidence: [Int64: EvidenceRecord] = [:]
    var coverage: [Int64: Set<RecordID>] = [:]
    /// The evidence a document (or documents) and parties identify, the current revision preferred.
    var evidenceByDocumentParties: [String: Int64] = [:]
    /// The current evidence a kind, title, parties and service identify: what a changed document revises.
    var evidenceByTitle: [String: [Int64]] = [:]

    struct SolutionService: Hashable {
        var solution: Int64
        var service: Int64
    }

    /// A vendor and a service name, folded as `NameFolding` folds names.
    struct VendorService: Hashable {
        var vendor: Int64
        var name: String
    }

    /// The key of whom evidence binds: `all-state`, or the authorities' ids in order.
    static func partiesKey(allState: Bool, _ authorities: [Int64]) -> String {
        allState ? EvidenceDraft.allStateParty : authorities.sorted().map(String.init).joined(separator: ",")
    }

    static func titleKey(kind: EvidenceKind, title: String, parties: String, service: Int64) -> String {
        "\(kind.rawValue)\u{0}\(title)\u{0}\(parties)\u{0}\(service)"
    }

    init(_ db: Database) throws {
        for record in try AuthorityRecord.fetchAll(db) {
            authorityIds.insert(record.id!)
            authoritiesByName[NameFolding.key(record.name), default: []].append(record.id!)
            authoritiesByCVR[record.cvr] = record.id!
        }
        for record in try SolutionRecord.fetchAll(db) {
            solutionIds.insert(record.id!)
            solutionsByName[NameFolding.key(record.name), default: []].append(record.id!)
            solutionNames[record.id!] = record.name
        }
        for owner in try SolutionOwnerRecord.fetchAll(db) {
            owners[owner.solutionId, default: []].append(owner.authorityId)
        }
        for usage in try UsageRecord.fetchAll(db) {
            usages[usage.id!] = (usage.solutionId, usage.serviceId)
            usagesBySolutionService[SolutionService(solution: usage.solutionId, service: usage.serviceId), default: []]
                .append(usage.id!)
        }
        for vendor in try VendorRecord.fetchAll(db) {
            vendors[vendor.id!] = vendor
            for key in Identification.companyKeys(cvr: vendor.cvr, vat: vendor.vat) {
                vendorsByCompany[key] = vendor.id!
            }
            vendorsByName[NameFolding.key(vendor.name), default: []].append(vendor.id!)
        }
        for service in try ServiceRecord.fetchAll(db) {
            servicesByVendorName[VendorService(vendor: service.vendorId, name: NameFolding.key(service.name))] =
                service.id!
            serviceNames[service.id!] = service.name
        }
        try indexEvidence(db)
    }

    private mutating func indexEvidence(_ db: Database) throws {
        // Read column by column rather than decoded: ten thousand records, of which matching needs a few fields.
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT id, kind, title, captured, signed, validFrom, validUntil, reviewBy, noticeDays, clause,
                supersedesId, allState FROM evidence WHERE withdrawnAt IS NULL
                """)
        while let row = try rows.next() {
            var record = EvidenceRecord(
                id: row[0], kind: row[1], title: row[2], clause: row[9], supersedesId: row[10], filedAt: "",
                filedBy: "")
            record.dates = EvidenceDates(
                captured: row[3], signed: row[4], validFrom: row[5], validUntil: row[6], reviewBy: row[7],
                noticeDays: row[8])
            record.allState = row[11]
            evidence[record.id!] = record
        }
        var files: [Int64: [String]] = [:]
        for file in try EvidenceFileRecord.order(
            EvidenceFileRecord.Columns.evidenceId, EvidenceFileRecord.Columns.position
        )
        .fetchAll(db) {
            files[file.evidenceId, default: []].append(file.sha256)
        }
        var parties: [Int64: [Int64]] = [:]
        for party in try EvidencePartyRecord.fetchAll(db) {
            parties[party.evidenceId, default: []].append(party.authorityId)
        }
        for item in try CoverageRecord.fetchAll(db) { coverage[item.evidenceId, default: []].insert(item.target) }
        let superseded = Set(evidence.values.compactMap(\.supersedesId))
        // Older ids first, current revisions last, so that a current revision wins its key.
        let order = evidence.keys.sorted {
            (superseded.contains($0) ? 0 : 1, $0) < (superseded.contains($1) ? 0 : 1, $1)
        }
        for id in order {
            let record = evidence[id]!
            let partiesKey = Self.partiesKey(allState: record.allState, parties[id] ?? [])
            evidenceByDocumentParties[(files[id] ?? []).joined(separator: ",") + "\u{0}" + partiesKey] = id
            guard !superseded.contains(id) else { continue }
            for service in services(coveredBy: id) {
                evidenceByTitle[
                    Self.titleKey(kind: record.kind, title: record.title, parties: partiesKey, service: service),
                    default: []
                ].append(id)
            }
        }
    }

    /// The services evidence covers, directly or through usages.
    func services(coveredBy evidenceId: Int64) -> Set<Int64> {
        Set(
            (coverage[evidenceId] ?? []).compactMap { target in
                switch target.kind {
                case .service: target.number
                case .usage: usages[target.number]?.service
                default: nil
                }
            })
    }
}
