import Dispatch
import Foundation
import Synchronization

/// Everything the rules read about a registry, indexed by row id; built from the database or from a
/// bundle's registry.json, then judged the same way.
struct EvaluationFacts: Sendable {
    /// A usage as the rules read it.
    struct UsageFacts: Sendable {
        var solution: Int64
        var id: Int64
        var service: Int64
        var route: Route
        var ownPurposes: OwnPurposes
    }

    var solutions = ByID<Evaluation.SolutionScope>()
    var order: [Int64] = []
    var vendorNames = ByID<String>()
    var services = ByID<(name: String, vendor: Int64)>()
    /// The owners of each solution, which evidence must bind (rules 2).
    var owners = ByID<Rules.Owners>()
    /// Evidence that can count: withdrawn evidence is left out.
    var evidence = ByID<Rules.EvidenceFacts>()
    /// Every piece of evidence's parties, kept apart from its facts so that judging copies no arrays.
    var parties = ByID<[Int64]>()
    /// Which evidence supersedes which, between unwithdrawn evidence.
    var supersessions: [(successor: Int64, predecessor: Int64)] = []
    var byUsage = ByID<[Int64]>()
    var byService = ByID<[Int64]>()
    var byVendor = ByID<[Int64]>()
    /// The usages active on the reference day.
    var active: [UsageFacts] = []

    mutating func addSolution(
        id: Int64, name: String, kind: SolutionKind, mandatory: Bool, audience: Audience,
        owners: [(id: Int64, kind: AuthorityKind)]
    ) {
        let scope = Scope(kind: kind, mandatory: mandatory, audience: audience, ownerKinds: owners.map(\.kind))
        self.owners[id] = Rules.Owners(
            authorities: Set(owners.map(\.id)), includesState: owners.contains { $0.kind == .state })
        solutions[id] = Evaluation.SolutionScope(
            id: RecordID(.solution, id), name: name, kind: kind,
            authorities: owners.map { RecordID(.authority, $0.id) },
            covered: scope.covered, failures: scope.failures)
        order.append(id)
    }

    /// Records an authority that evidence binds.
    mutating func addParty(evidence: Int64, authority: Int64) {
        parties.append(authority, to: evidence)
    }

    /// Records that unwithdrawn evidence supersedes other evidence.
    mutating func addSupersession(successor: Int64, predecessor: Int64) {
        supersessions.append((successor, predecessor))
    }

    /// The evidence with each superseded piece marked from the day its earliest successor starts.
    func evidenceWithSupersession() -> ByID<Rules.EvidenceFacts> {
        var evidence = self.evidence
        for (successor, predecessor) in supersessions {
            guard let next = evidence[successor], var item = evidence[predecessor] else { continue }
            let from: Rules.Supersession = RulesV2.start(of: next).map { .from($0) } ?? .entirely
            switch (item.superseded, from) {
            case (.entirely?, _): break
            case (.from(let earlier)?, .from(let later)) where earlier <= later: break
            default: item.superseded = from
            }
            evidence[predecessor] = item
        }
        return evidence
    }

    /// Records that evidence covers a usage, service or vendor, if the evidence counts.
    mutating func addCoverage(evidence evidenceId: Int64, target: RecordID) {
        guard evidence[evidenceId] != nil else { return }
        switch target.kind {
        case .usage: byUsage.append(evidenceId, to: target.number)
        case .service: byService.append(evidenceId, to: target.number)
        case .vendor: byVendor.append(evidenceId, to: target.number)
        default: break
        }
    }

    /// Judges every active usage: §2 scope first, then the §3.1 route against the evidence that covers it.
    func evaluate(asOf day: Day, policy: RulePolicy, rules: RulesVersion) -> Evaluation {
        Evaluation(
            asOf: day, rules: rules, policy: policy, solutions: order.compactMap { solutions[$0] },
            verdicts: judge(active.map { ($0, day) }, policy: policy, rules: rules))
    }

    /// Judges each usage on its own day (§2 scope first, then the §3.1 route), in solution and usage order.
    func judge(_ usages: [(usage: UsageFacts, day: Day)], policy: RulePolicy, rules: RulesVersion) -> [Verdict] {
        let usages = usages.sorted { ($0.usage.solution, $0.usage.id) < ($1.usage.solution, $1.usage.id) }
        let evidence = evidenceWithSupersession()
        // Usages are judged independently, in slices put back in order: several per core, taken as cores come
        // free, since a slice of out-of-scope usages takes a fraction of the time of one of covered usages.
        let slices = max(1, min(ProcessInfo.processInfo.activeProcessorCount * 8, usages.count / 1000))
        let results = Mutex([[Verdict]](repeating: [], count: slices))
        DispatchQueue.concurrentPerform(iterations: slices) { slice in
            let range = usages.count * slice / slices..<usages.count * (slice + 1) / slices
            let verdicts = judge(usages[range], evidence: evidence, policy: policy, rules: rules)
            results.withLock { $0[slice] = verdicts }
        }
        return results.withLock { $0.flatMap { $0 } }
    }

    private func judge(
        _ usages: ArraySlice<(usage: UsageFacts, day: Day)>, evidence: ByID<Rules.EvidenceFacts>, policy: RulePolicy,
        rules: RulesVersion
    ) -> [Verdict] {
        var verdicts: [Verdict] = []
        verdicts.reserveCapacity(usages.count)
        var candidates: [Int64] = []
        var facts: [Rules.EvidenceFacts] = []
        for (usage, day) in usages {
            guard let solution = solutions[usage.solution], let service = services[usage.service] else { continue }
            let finding: Rules.Finding
            if let failure = solution.failures.first {
                finding = Rules.Finding(
                    outcome: .outOfScope, rule: failure.condition.citation, explanation: .outOfScope(failure),
                    evidence: [])
            } else {
                let owners = self.owners[usage.solution] ?? Rules.Owners()
                // The same evidence may cover a usage at several levels; count it once.
                candidates.removeAll(keepingCapacity: true)
                candidates += byUsage[usage.id] ?? []
                candidates += byService[usage.service] ?? []
                candidates += byVendor[service.vendor] ?? []
                candidates.sort()
                facts.removeAll(keepingCapacity: true)
                for (index, evidenceId) in candidates.enumerated()
                where index == 0 || candidates[index - 1] != evidenceId {
                    // Appended from where it is stored and marked in place, not copied out and back in: copies of
                    // evidence facts were a quarter of judging.
                    guard evidence.append(valueOf: evidenceId, to: &facts) else { continue }
                    let last = facts.count - 1
                    facts[last].bindsOwners = Rules.EvidenceFacts.binds(
                        parties: parties[evidenceId] ?? [], allState: facts[last].allState, owners)
                }
                finding = Rules.judge(
                    route: usage.route, ownPurposes: usage.ownPurposes, evidence: facts, on: day, policy: policy,
                    owners: owners, rules: rules)
            }
            verdicts.append(
                Verdict(
                    usage: RecordID(.usage, usage.id), solution: solution.id, solutionName: solution.name,
                    authorities: solution.authorities, service: RecordID(.service, usage.service),
                    serviceName: service.name, vendor: RecordID(.vendor, service.vendor),
                    vendorName: vendorNames[service.vendor] ?? "", route: usage.route,
                    vendorOwnPurposes: usage.ownPurposes, outcome: finding.outcome, rule: finding.rule,
                    explanation: finding.explanation, evidence: finding.evidence, lapses: finding.lapses))
        }
        return verdicts
    }
}
