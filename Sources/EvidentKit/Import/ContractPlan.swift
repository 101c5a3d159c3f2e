import GRDB

/// What importing a contract list changes: the vendors, services and evidence its rows add, revise or change,
/// worked out against the registry before anything is written.
struct ContractPlan {
    /// A vendor or service that exists, or one the import adds (by its position among the new ones).
    enum Reference: Hashable {
        case existing(Int64)
        case new(Int)
    }

    struct NewVendor {
        var name: String
        var country: String
        var cvr: String?
        var vat: String?
    }

    struct NewService {
        var vendor: Reference
        var name: String
        var category: ServiceCategory
        var hosts: [String]
    }

    /// What one row's evidence covers: usages, or its service.
    enum Target: Hashable {
        case usage(Int64)
        case service(Reference)
    }

    enum Action {
        case add
        case revise(Int64)
        case change(Int64)
        case unchanged(Int64)
    }

    struct Evidence {
        var row: ContractRow
        var document: ImportDocument
        var targets: [Target]
        var allState: Bool
        var parties: [Int64]
        var action: Action
    }

    private(set) var newVendors: [NewVendor] = []
    private var newVendorKeys: [String: Int] = [:]
    /// Vendors whose missing country, CVR or VAT number rows give.
    private(set) var filledVendors: [Int64: VendorRecord] = [:]
    private(set) var newServices: [NewService] = []
    private var newServiceKeys: [String: Int] = [:]
    private(set) var evidence: [Evidence] = []
    /// The documents the registry does not have yet, by SHA-256.
    private(set) var newDocuments: [String] = []
    private var newDocumentSet: Set<String> = []

    /// Matches every row to the registry, adding to `problems` what cannot be matched.
    init(rows: [ContractRow], documents: [String: ImportDocument], _ db: Database, _ problems: inout ProblemList) throws
    {
        var index = try RegistryIndex(db)
        let known = Set(try String.fetchAll(db, sql: "SELECT sha256 FROM document"))
        var rowsByKey: [String: Int] = [:]
        var revised: [Int64: Int] = [:]
        for row in rows {
            guard let document = documents[row.document] else { continue }
            var rowProblems = ProblemList()
            let vendor = resolveVendor(row, &index, &rowProblems)
            let service = vendor.flatMap { resolveService(row, vendor: $0, index, &rowProblems) }
            let targets = service.map { resolveCovers(row, service: $0, index, &rowProblems) } ?? []
            let (allState, parties) = resolveParties(row, targets: targets, index, &rowProblems)
            guard rowProblems.isEmpty, let service else {
                problems.append(rowProblems)
                continue
            }
            let partiesKey = RegistryIndex.partiesKey(allState: allState, parties)
            let key = document.sha256 + "\u{0}" + partiesKey
            if let earlier = rowsByKey[key] {
                problems.add(
                    line: row.line, column: .document, value: row.document,
                    reason: "the same document and parties as line \(earlier): one row per piece of evidence")
                continue
            }
            rowsByKey[key] = row.line
            var action = Action.add
            if let existing = index.evidenceByDocumentParties[key], let record = index.evidence[existing] {
                if record.dates != row.dates || record.kind != row.kind {
                    action = .revise(existing)
                } else if record.title != row.title || record.clause != row.clause
                    || Set(targets.compactMap(\.recordID)) != (index.coverage[existing] ?? [])
                    || targets.contains(where: { $0.recordID == nil })
                {
                    action = .change(existing)
                } else {
                    action = .unchanged(existing)
                }
            } else if case .existing(let serviceId) = service,
                let candidates = index.evidenceByTitle[
                    RegistryIndex.titleKey(kind: row.kind, title: row.title, parties: partiesKey, service: serviceId)],
                candidates.count == 1
            {
                action = .revise(candidates[0])
            }
            if case .revise(let old) = action {
                if let earlier = revised[old] {
                    problems.add(
                        line: row.line, column: .document, value: row.document,
                        reason: "revises \(RecordID(.evidence, old)) as line \(earlier) does: one revision per import")
                    continue
                }
                revised[old] = row.line
            }
            if !known.contains(document.sha256), newDocumentSet.insert(document.sha256).inserted {
                newDocuments.append(document.sha256)
            }
            evidence.append(
                Evidence(
                    row: row, document: document, targets: targets, allState: allState, parties: parties,
                    action: action))
        }
    }

    private mutating func resolveVendor(
        _ row: ContractRow, _ index: inout RegistryIndex, _ problems: inout ProblemList
    ) -> Reference? {
        let companyKeys = Identification.companyKeys(cvr: row.vendorCVR, vat: row.vendorVAT)
        var found = companyKeys.compactMap { index.vendorsByCompany[$0] }.first
        if found == nil, let named = index.vendorsByName[NameFolding.key(row.vendorName)] {
            guard named.count == 1 else {
                problems.add(
                    line: row.line, column: .vendor, value: row.vendorName,
                    reason: "several vendors have this name; give the vendor's CVR or VAT number")
                return nil
            }
            found = named[0]
        }
        guard let id = found else {
            let keys = companyKeys.map { "company:" + $0 } + ["name:" + NameFolding.key(row.vendorName)]
            if let position = keys.compactMap({ newVendorKeys[$0] }).first { return .new(position) }
            guard let country = row.vendorCountry else {
                problems.add(
                    line: row.line, column: .vendorCountry, value: "",
                    reason: "a new vendor needs its country (the vendor '\(row.vendorName)' is not registered)")
                return nil
            }
            newVendors.append(NewVendor(name: row.vendorName, country: country, cvr: row.vendorCVR, vat: row.vendorVAT))
            for key in keys { newVendorKeys[key] = newVendors.count - 1 }
            return .new(newVendors.count - 1)
        }
        var record = filledVendors[id] ?? index.vendors[id]!
        let conflicts: [(ContractColumn, String?, String?)] = [
            (.vendorCountry, row.vendorCountry, record.country), (.vendorCvr, row.vendorCVR, record.cvr),
            (.vendorVat, row.vendorVAT, record.vat),
        ]
        for (column, given, stored) in conflicts {
            if let given, let stored, given != stored {
                problems.add(
                    line: row.line, column: column, value: given,
                    reason: "the vendor '\(record.name)' (\(RecordID(.vendor, id))) is registered with \(stored)")
            }
        }
        guard problems.isEmpty else { return nil }
        // A number is filled in only where no vendor (this one included) is known by it already.
        if record.cvr == nil, let cvr = row.vendorCVR,
            let key = Identification.companyKeys(cvr: cvr, vat: nil).first, index.vendorsByCompany[key] == nil
        {
            record.cvr = cvr
            index.vendorsByCompany[key] = id
        }
        if record.vat == nil, let vat = row.vendorVAT, index.vendorsByCompany[vat] == nil {
            record.vat = vat
            index.vendorsByCompany[vat] = id
        }
        if record.cvr != index.vendors[id]!.cvr || record.vat != index.vendors[id]!.vat { filledVendors[id] = record }
        return .existing(id)
    }

    private mutating func resolveService(
        _ row: ContractRow, vendor: Reference, _ index: RegistryIndex, _ problems: inout ProblemList
    ) -> Reference? {
        if case .existing(let vendorId) = vendor,
            let id = index.servicesByVendorName[
                RegistryIndex.VendorService(vendor: vendorId, name: NameFolding.key(row.serviceName))]
        {
            return .existing(id)
        }
        let key = "\(vendor)\u{0}\(NameFolding.key(row.serviceName))"
        if let position = newServiceKeys[key] { return .new(position) }
        guard let category = row.serviceCategory, !row.serviceHosts.isEmpty else {
            let column: ContractColumn = row.serviceCategory == nil ? .serviceCategory : .serviceHosts
            problems.add(
                line: row.line, column: column, value: "",
                reason: "a new service needs its category and host patterns (the service '\(row.serviceName)' of "
                    + "'\(row.vendorName)' is not registered)")
            return nil
        }
        newServices.append(
            NewService(vendor: vendor, name: row.serviceName, category: category, hosts: row.serviceHosts))
        newServiceKeys[key] = newServices.count - 1
        return .new(newServices.count - 1)
    }

    /// The usages a row's covers name (solutions stand for their usages of the row's service), or the service.
    private func resolveCovers(
        _ row: ContractRow, service: Reference, _ index: RegistryIndex, _ problems: inout ProblemList
    ) -> [Target] {
        guard !row.covers.isEmpty else { return [.service(service)] }
        var targets: [Target] = []
        let serviceName = row.serviceName
        for item in row.covers {
            func refuse(_ reason: String) { problems.add(line: row.line, column: .covers, value: item, reason: reason) }
            var solution: Int64?
            if let id = RecordID(item) {
                switch id.kind {
                case .usage:
                    guard let usage = index.usages[id.number] else {
                        refuse("no such usage")
                        continue
                    }
                    guard case .existing(let serviceId) = service, usage.service == serviceId else {
                        refuse("\(id) is a usage of another service than '\(serviceName)'")
                        continue
                    }
                    if !targets.contains(.usage(id.number)) { targets.append(.usage(id.number)) }
                    continue
                case .solution:
                    guard index.solutionIds.contains(id.number) else {
                        refuse("no such solution")
                        continue
                    }
                    solution = id.number
                default:
                    refuse("expected a solution (name or SOL-id) or a usage (USE-id)")
                    continue
                }
            } else {
                let named = index.solutionsByName[NameFolding.key(item)] ?? []
                guard named.count == 1 else {
                    refuse(
                        named.isEmpty ? "no solution has this name" : "several solutions have this name; give its id")
                    continue
                }
                solution = named[0]
            }
            guard let solution else { continue }
            let solutionName = "\(RecordID(.solution, solution)) (\(index.solutionNames[solution] ?? ""))"
            guard case .existing(let serviceId) = service else {
                refuse("\(solutionName) cannot use the new service '\(serviceName)' yet: add the usage first")
                continue
            }
            let usages = index.usagesBySolutionService[.init(solution: solution, service: serviceId)] ?? []
            guard !usages.isEmpty else {
                refuse(
                    "\(solutionName) does not use '\(serviceName)' (\(RecordID(.service, serviceId))): add the usage first"
                )
                continue
            }
            for usage in usages where !targets.contains(.usage(usage)) { targets.append(.usage(usage)) }
        }
        return targets
    }

    /// Whom a row's evidence binds: the authorities it names (by id, CVR or name), all-state, or by default the
    /// owners of the solutions whose usages it covers.
    private func resolveParties(
        _ row: ContractRow, targets: [Target], _ index: RegistryIndex, _ problems: inout ProblemList
    ) -> (allState: Bool, parties: [Int64]) {
        if row.parties.map({ $0.lowercased() }) == [EvidenceDraft.allStateParty] { return (true, []) }
        var parties: Set<Int64> = []
        for item in row.parties {
            let found: [Int64] =
                if let id = RecordID(item), id.kind == .authority {
                    index.authorityIds.contains(id.number) ? [id.number] : []
                } else if let id = index.authoritiesByCVR[item.filter { $0 != " " }] {
                    [id]
                } else {
                    index.authoritiesByName[NameFolding.key(item)] ?? []
                }
            guard found.count == 1 else {
                problems.add(
                    line: row.line, column: .parties, value: item,
                    reason: found.isEmpty
                        ? "no authority has this name, id or CVR number"
                        : "several authorities have this name; give its id or CVR number")
                continue
            }
            parties.insert(found[0])
        }
        if row.parties.isEmpty {
            guard targets.allSatisfy({ if case .usage = $0 { true } else { false } }) else {
                problems.add(
                    line: row.line, column: .parties, value: "",
                    reason: "evidence that covers a service must name its parties: the authorities whose setup or "
                        + "agreement it is, or all-state for a framework agreement")
                return (false, [])
            }
            for case .usage(let usage) in targets {
                parties.formUnion(index.owners[index.usages[usage]!.solution] ?? [])
            }
        }
        return (false, parties.sorted())
    }
}

extension ContractPlan.Target {
    /// The record covered, when it exists already.
    var recordID: RecordID? {
        switch self {
        case .usage(let id): RecordID(.usage, id)
        case .service(.existing(let id)): RecordID(.service, id)
        case .service(.new): nil
        }
    }
}
