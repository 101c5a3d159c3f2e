/// Everything the rules read about a registry, indexed by row id; built from the database or from a
/// bundle's registry.json, then judged the same way.
struct EvaluationFacts {
    /// A usage as the rules read it.
    struct UsageFacts {
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
    /// Evidence that can count: superseded and withdrawn evidence is left out.
    var evidence = ByID<Rules.EvidenceFacts>()
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
        solutions[id] = Evaluation.SolutionScope(
            id: RecordID(.solution, id), name: name, kind: kind,
            authorities: owners.map { RecordID(.authority, $0.id) },
            covered: scope.covered, failures: scope.failures)
        order.append(id)
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
                // The same evidence may cover a usage at several levels; count it once.
                candidates.removeAll(keepingCapacity: true)
                candidates += byUsage[usage.id] ?? []
                candidates += byService[usage.service] ?? []
                candidates += byVendor[service.vendor] ?? []
                candidates.sort()
                facts.removeAll(keepingCapacity: true)
                for (index, evidenceId) in candidates.enumerated()
                where index == 0 || candidates[index - 1] != evidenceId {
                    if let item = evidence[evidenceId] { facts.append(item) }
                }
                finding = Rules.judge(
                    route: usage.route, ownPurposes: usage.ownPurposes, evidence: facts, on: day, policy: policy,
                    rules: rules)
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
