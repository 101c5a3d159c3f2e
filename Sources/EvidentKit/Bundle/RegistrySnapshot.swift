import Foundation
import GRDB

/// The records a bundle covers, as `metadata/registry.json` holds them: enough to recompute every verdict.
struct RegistrySnapshot: Codable, Sendable, Equatable {
    static let currentFormat = "evident-registry/2"
    /// The format of a snapshot holding `scan` evidence, a kind format 2 does not name; a snapshot without
    /// any keeps format 2, so its bundle's bytes stay as they were.
    static let scanFormat = "evident-registry/3"
    /// Every format this evident can read: 1 had no evidence parties (rules version 1 needs none).
    static let readableFormats: Set<String> = ["evident-registry/1", currentFormat, scanFormat]

    /// The format a snapshot of `evidence` is written in: the oldest whose vocabulary holds it.
    static func format(for evidence: [EvidenceInfo]) -> String {
        evidence.contains { $0.kind == .scan } ? scanFormat : currentFormat
    }

    /// Just the format, read before the rest so that a newer format is reported as newer, whatever it holds.
    struct Format: Decodable {
        var format: String
    }

    var format: String
    /// The records chosen for the bundle: `SOL-3`, `AUT-2` or `all` (`scope` in registry.json).
    var selection: String
    var settings: [String: Int]
    var authorities: [AuthorityInfo]
    var solutions: [SolutionInfo]
    var vendors: [VendorInfo]
    var services: [ServiceInfo]
    var usages: [UsageInfo]
    /// Every piece of evidence about these records, superseded and withdrawn included.
    var evidence: [EvidenceInfo]
    var auditEvents: [AuditEventInfo]

    /// The keys of registry.json, which is an archived format: a renamed property must not rename a key.
    enum CodingKeys: String, CodingKey {
        case format
        case selection = "scope"
        case settings, authorities, solutions, vendors, services, usages, evidence, auditEvents
    }

    /// The rule policy the snapshot's settings give.
    var policy: RulePolicy { RulePolicy(settings: settings) }

    /// Judges the snapshot's usages as of `day`, exactly as `Registry.evaluate` judges the database.
    ///
    /// Whether evidence is superseded is derived from the evidence itself, never taken from its `status`.
    func evaluate(asOf day: Day, rules: RulesVersion = .current) -> Evaluation {
        var facts = EvaluationFacts()
        let authorityKinds = Dictionary(authorities.map { ($0.id, $0.kind) }) { first, _ in first }
        for solution in solutions.sorted(by: { $0.id < $1.id }) {
            facts.addSolution(
                id: solution.id.number, name: solution.name, kind: solution.kind, mandatory: solution.mandatory,
                audience: solution.audience,
                owners: solution.owners.sorted { $0.authority < $1.authority }.map {
                    ($0.authority.number, authorityKinds[$0.authority] ?? $0.authorityKind)
                })
        }
        for vendor in vendors { facts.vendorNames[vendor.id.number] = vendor.name }
        for service in services { facts.services[service.id.number] = (service.name, service.vendor.number) }
        for item in evidence where item.withdrawn == nil {
            facts.addEvidence(
                Rules.EvidenceFacts(
                    id: item.id, kind: item.kind, dates: item.dates, hasClause: Rules.citesClause(item.clause),
                    filed: (try? Day(parsing: String(item.filedAt.prefix(10)))) ?? day, allState: item.allState))
            for party in item.parties { facts.addParty(evidence: item.id.number, authority: party.number) }
            if let predecessor = item.supersedes {
                facts.addSupersession(successor: item.id.number, predecessor: predecessor.number)
            }
        }
        for item in evidence {
            for target in item.covers { facts.addCoverage(evidence: item.id.number, target: target) }
        }
        for usage in usages where usage.since <= day && (usage.until.map { day <= $0 } ?? true) {
            facts.active.append(
                EvaluationFacts.UsageFacts(
                    solution: usage.solution.number, id: usage.id.number, service: usage.service.number,
                    route: usage.route, ownPurposes: usage.vendorOwnPurposes))
        }
        return facts.evaluate(asOf: day, policy: policy, rules: rules)
    }

    /// The records a report of the snapshot names.
    var reportRecords: AnnualReport.Records {
        AnnualReport.Records(
            authorities: authorities, solutions: solutions, usages: usages, services: services, vendors: vendors,
            evidence: evidence)
    }

    /// The snapshot as canonical JSON: sorted keys, no insignificant white space, a final newline.
    func canonicalJSON() throws -> [UInt8] {
        Array(try CanonicalJSON.encode(self)) + [0x0A]
    }
}

extension Registry {
    /// The records a bundle of `selection` covers: the solutions, their owners and usages, the services and
    /// vendors those use, all evidence about any of them, and the audit events that touched them.
    func snapshot(of selection: Selection) throws -> RegistrySnapshot {
        let policy = try self.policy()
        return try read { db in
            let (selected, selectionName) = try solutions(in: selection, db)
            let solutions = try InfoLoader.solutions(db, ids: selected)
            let solutionIds = solutions.map(\.id.number)
            let authorityIds = Array(Set(solutions.flatMap { $0.owners.map(\.authority.number) })).sorted()
            let usageIds = try ids(db, "SELECT id FROM usage WHERE solutionId IN", solutionIds)
            let usages = try InfoLoader.usages(db, ids: usageIds)
            let serviceIds = Array(Set(usages.map(\.service.number))).sorted()
            let services = try InfoLoader.services(db, ids: serviceIds)
            let vendorIds = Array(Set(services.map(\.vendor.number))).sorted()

            var evidenceIds = Set(
                try ids(db, "SELECT evidenceId FROM coverage WHERE usageId IN", usageIds)
                    + (try ids(db, "SELECT evidenceId FROM coverage WHERE serviceId IN", serviceIds))
                    + (try ids(db, "SELECT evidenceId FROM coverage WHERE vendorId IN", vendorIds)))
            // Follow supersession both ways, so that the bundle shows what replaced what.
            while true {
                let current = Array(evidenceIds)
                let linked = Set(
                    try ids(db, "SELECT id FROM evidence WHERE supersedesId IN", current)
                        + (try ids(
                            db, "SELECT supersedesId FROM evidence WHERE supersedesId IS NOT NULL AND id IN", current)))
                if linked.isSubset(of: evidenceIds) { break }
                evidenceIds.formUnion(linked)
            }
            let evidence = try InfoLoader.evidence(db, ids: evidenceIds.sorted())

            let covered = Set(
                solutions.map(\.id) + authorityIds.map { RecordID(.authority, $0) } + usages.map(\.id)
                    + services.map(\.id) + vendorIds.map { RecordID(.vendor, $0) } + evidence.map(\.id))
            let events = try AuditEventRecord.order(AuditEventRecord.Columns.id).fetchAll(db).filter { event in
                event.records.contains { $0.id.record.map(covered.contains) == true }
            }
            return RegistrySnapshot(
                format: RegistrySnapshot.format(for: evidence), selection: selectionName,
                settings: policy.settings,
                authorities: try InfoLoader.authorities(db, ids: authorityIds), solutions: solutions,
                vendors: try InfoLoader.vendors(db, ids: vendorIds), services: services, usages: usages,
                evidence: evidence,
                auditEvents: events.map(AuditEventInfo.init))
        }
    }

    /// The ids a one-column query gives for rows whose column is in `values`.
    private func ids(_ db: Database, _ sqlPrefix: String, _ values: [Int64]) throws -> [Int64] {
        guard !values.isEmpty else { return [] }
        return try Int64.fetchAll(
            db, sql: "\(sqlPrefix) (SELECT value FROM json_each(?))", arguments: [InfoLoader.jsonArray(values)])
    }
}
