import Foundation
import GRDB

/// How `scan` treats a capture: which solution, which more domains are its own, and what it writes.
public struct ScanOptions: Sendable {
    /// The solution, as a reference.
    public var solution: String
    /// Domains to count as first party for this scan, besides the solution's URL's and its stored ones.
    public var firstParty: [String]
    /// Files the capture as `scan` evidence covering the solution's usages.
    public var record: Bool
    /// Adds usages (route `none`) for matched services the solution does not use yet.
    public var addUsages: Bool

    /// Options for scanning against `solution`; checks the domains.
    public init(solution: String, firstParty: [String] = [], record: Bool = false, addUsages: Bool = false)
        throws(InputError)
    {
        self.solution = solution
        self.firstParty = try FirstPartyDomains.validate(firstParty)
        self.record = record
        self.addUsages = addUsages
    }
}

extension Registry {
    /// Reads a capture and matches what it contacted against the registry, as of today; with `record` or
    /// `addUsages`, files the capture and adds the usages in one transaction and one audit event.
    public func scan(path: String, _ options: ScanOptions, _ context: ChangeContext) throws -> ScanReport {
        let solution = try resolve(options.solution, field: .solution, kind: .solution)
        let capture = try CaptureReader.read(path: path)
        guard options.record || options.addUsages else {
            return try read { db in try Scanner(registry: self, capture: capture, path: path, db: db, options, solution)
            }
            .report(evaluation: try evaluate(asOf: today, filter: .solution(solution.description)))
        }
        let scanner = try read { db in
            try Scanner(registry: self, capture: capture, path: path, db: db, options, solution)
        }
        // Nothing to write: no event, since an event that touches nothing would say the settings changed.
        if !options.record && scanner.servicesWithoutUsage.isEmpty {
            var report = scanner.report(evaluation: try evaluate(asOf: today, filter: .solution(solution.description)))
            report.recorded = ScanReport.Recorded(evidence: nil, addedUsages: [])
            return report
        }
        let captured = min(capture.startedDay ?? today, today)
        var placement: ObjectPlacement?
        var staged: DocumentStore.Staged?
        if options.record {
            try recoverInterruptedFilings()
            placement = try ObjectPlacement(store: store)
            let file = try placement!.stage(path: path)
            guard EvidenceKind.scan.allowedMediaTypes.contains(file.mediaType) else {
                placement!.end()
                throw StoreError.kindMismatch(path: path, mediaType: file.mediaType, kind: .scan)
            }
            staged = file
        }
        defer { placement?.end() }
        let recorded: ScanReport.Recorded
        do {
            recorded = try write(context) { db in
                let scanner = try Scanner(registry: self, capture: capture, path: path, db: db, options, solution)
                var added: [RecordID] = []
                if options.addUsages {
                    for service in scanner.servicesWithoutUsage {
                        try checkNoOverlap(solution.number, service, captured, nil, except: nil, db)
                        var usage = UsageRecord(
                            id: nil, solutionId: solution.number, serviceId: service, since: captured, until: nil,
                            purpose: "found by a scan of what the solution loads", route: .none,
                            vendorOwnPurposes: .unknown)
                        try usage.insert(db)
                        added.append(RecordID(.usage, usage.id!))
                    }
                }
                guard let staged, let placement else {
                    return (ScanReport.Recorded(evidence: nil, addedUsages: added), added)
                }
                let covers = try Int64.fetchAll(
                    db,
                    sql: """
                        SELECT id FROM usage WHERE solutionId = ? AND since <= ? AND (until IS NULL OR until >= ?)
                        ORDER BY id
                        """, arguments: [solution.number, captured.description, captured.description]
                ).map { RecordID(.usage, $0) }
                guard !covers.isEmpty else { throw ScanError.nothingToCover(solution: solution.description) }
                var dates = EvidenceDates()
                dates.captured = captured
                var record = EvidenceRecord(
                    id: nil, kind: .scan, title: "Scan of \(scanner.solutionName): \(staged.fileName)", clause: nil,
                    supersedesId: nil, filedAt: timestamp(), filedBy: context.actor)
                record.dates = dates
                try record.insert(db)
                let id = record.id!
                try replaceParties(of: id, with: try resolveParties([], covers: covers, db), db)
                try DocumentRecord(sha256: staged.sha256, size: staged.size, mediaType: staged.mediaType.rawValue)
                    .insert(db, onConflict: .ignore)
                try EvidenceFileRecord(evidenceId: id, position: 1, sha256: staged.sha256, fileName: staged.fileName)
                    .insert(db)
                try replaceCoverage(of: id, with: covers, db)
                try placement.place([staged])
                let evidence = RecordID(.evidence, id)
                return (ScanReport.Recorded(evidence: evidence, addedUsages: added), added + [evidence])
            }
        } catch {
            placement?.undo()
            throw error
        }
        var report = try read { db in
            try Scanner(registry: self, capture: capture, path: path, db: db, options, solution)
        }.report(evaluation: try evaluate(asOf: today, filter: .solution(solution.description)))
        report.recorded = recorded
        return report
    }
}

/// Matches a capture's hosts against one solution's own domains and the registered services.
struct Scanner {
    let capture: Capture
    let path: String
    let solution: RecordID
    let solutionName: String
    let today: Day
    let ownDomains: [String]
    let services: [ServiceInfo]
    /// The solution's usages active today, by service.
    let usages: [Int64: UsageInfo]

    init(
        registry: Registry, capture: Capture, path: String, db: Database, _ options: ScanOptions, _ solution: RecordID
    ) throws {
        self.capture = capture
        self.path = path
        self.solution = solution
        let info = try InfoLoader.solutions(db, ids: [solution.number])[0]
        guard info.channel == .web, let url = info.url else { throw ScanError.notAWebSolution(solution: info.name) }
        solutionName = info.name
        today = registry.today
        var own: [String] = []
        for domain in [Capture.host(of: url)].compactMap({ $0 })
            + (try Registry.firstPartyDomains(of: solution.number, db)) + options.firstParty
        {
            let registrable = RegistrableDomain.of(domain) ?? domain
            if !own.contains(registrable) { own.append(registrable) }
        }
        ownDomains = own
        services = try InfoLoader.services(db, ids: nil)
        var active: [Int64: UsageInfo] = [:]
        let day = today
        for usage in try InfoLoader.usages(db, ids: nil)
        where usage.solution == solution && usage.since <= day && (usage.until.map { $0 >= day } ?? true) {
            active[usage.service.number] = usage
        }
        usages = active
    }

    /// Whether a host is the solution's own: under one of its registrable domains.
    static func isFirstParty(_ host: String, ownDomains: [String]) -> Bool {
        let registrable = RegistrableDomain.of(host) ?? host
        return ownDomains.contains(registrable)
    }

    /// The registered service a host belongs to: a service the solution uses first, then the most specific
    /// pattern, then the oldest service.
    func service(for host: String) -> ServiceInfo? {
        services.compactMap { service in HostPattern.bestMatch(host, service.hosts).map { (service, $0) } }
            .max { left, right in
                let key = { (pair: (ServiceInfo, Int)) in (usages[pair.0.id.number] != nil ? 1 : 0, pair.1) }
                let (l, r) = (key(left), key(right))
                return l != r ? l < r : left.0.id.number > right.0.id.number
            }?.0
    }

    /// The third-party hosts, sorted.
    var thirdPartyHosts: [(host: String, activity: HostActivity)] {
        capture.hosts.filter { !Self.isFirstParty($0.key, ownDomains: ownDomains) }.sorted { $0.key < $1.key }
            .map { ($0.key, $0.value) }
    }

    /// Matched services the solution has no usage of today, by id.
    var servicesWithoutUsage: [Int64] {
        var ids: [Int64] = []
        for (host, _) in thirdPartyHosts {
            if let service = service(for: host), usages[service.id.number] == nil, !ids.contains(service.id.number) {
                ids.append(service.id.number)
            }
        }
        return ids.sorted()
    }

    func report(evaluation: Evaluation) -> ScanReport {
        let verdicts = Dictionary(evaluation.verdicts.map { ($0.usage, $0) }) { first, _ in first }
        var matched: [ScanReport.ThirdParty] = []
        var unknown: [ScanReport.ThirdParty] = []
        var contacted: Set<Int64> = []
        for (host, activity) in thirdPartyHosts {
            var entry = ScanReport.ThirdParty(
                host: host, registrableDomain: RegistrableDomain.of(host) ?? host, requests: activity.requests,
                firstURL: activity.firstURL, resourceTypes: activity.resourceTypes.sorted(), cookies: activity.cookies)
            guard let service = service(for: host) else {
                entry.catalogue = Catalogue.service(matching: host)?.name
                unknown.append(entry)
                continue
            }
            contacted.insert(service.id.number)
            entry.service = .init(id: service.id, name: service.name)
            entry.vendor = .init(id: service.vendor, name: service.vendorName)
            if let usage = usages[service.id.number], let verdict = verdicts[usage.id] {
                entry.verdict = .init(
                    usage: usage.id, route: verdict.route, outcome: verdict.outcome, rule: verdict.rule,
                    reason: verdict.reason)
            }
            matched.append(entry)
        }
        let unused = usages.values.filter { !contacted.contains($0.service.number) }.sorted { $0.id < $1.id }.map {
            usage in
            ScanReport.UnusedUsage(
                usage: usage.id, service: .init(id: usage.service, name: usage.serviceName),
                hosts: services.first { $0.id == usage.service }?.hosts ?? [])
        }
        let firstPartyRequests = capture.hosts.filter { Self.isFirstParty($0.key, ownDomains: ownDomains) }
            .reduce(0) { $0 + $1.value.requests }
        return ScanReport(
            solution: .init(id: solution, name: solutionName), asOf: evaluation.asOf,
            capture: .init(
                file: path, format: capture.format, page: capture.page, started: capture.started,
                hosts: capture.hosts.count, firstPartyRequests: firstPartyRequests),
            firstPartyDomains: ownDomains, thirdParties: matched, unknown: unknown, unused: unused, recorded: nil)
    }
}
