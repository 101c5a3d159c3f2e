import Dispatch
import Foundation

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
    /// Evidence that can count, in the order added: withdrawn evidence is left out. Judging reads it where it
    /// lies, by position, instead of copying each piece for every usage it covers (those copies were a third of
    /// judging). Its parties are in `parties`, not in each piece.
    private(set) var evidence: [Rules.EvidenceFacts] = []
    /// Where each piece of `evidence` lies, by row id.
    private var positions = ByID<Int>()
    /// Every piece of evidence's parties (authority row ids) in one list, each piece's together: an array per piece
    /// was 100,000 allocations to make and free for status at 50,000 usages.
    private var parties: [Int64] = []
    /// Where each piece of evidence's parties lie in `parties`, by row id.
    private var partyRanges = ByID<Range<Int>>()
    /// Which evidence supersedes which, between unwithdrawn evidence.
    private var supersessions: [(successor: Int64, predecessor: Int64)] = []
    /// The evidence covering each usage, service and vendor, by row id; sorted before judging.
    private var byUsage = ByID<[Int64]>()
    private var byService = ByID<[Int64]>()
    private var byVendor = ByID<[Int64]>()
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

    /// Records evidence that can count.
    mutating func addEvidence(_ facts: Rules.EvidenceFacts) {
        positions[facts.id.number] = evidence.count
        evidence.append(facts)
    }

    /// Takes the evidence, and what supersedes what, that `other` loaded, leaving `other` without them (moved, not
    /// shared: a shared table would be copied whole by the first change to it).
    mutating func adoptEvidence(of other: inout EvaluationFacts) {
        swap(&evidence, &other.evidence)
        swap(&positions, &other.positions)
        swap(&supersessions, &other.supersessions)
    }

    /// Makes room for `count` pieces of evidence.
    mutating func reserveEvidence(_ count: Int) {
        evidence.reserveCapacity(count)
    }

    /// Records an authority that evidence (counting or not) binds.
    mutating func addParty(evidence id: Int64, authority: Int64) {
        var range = partyRanges[id] ?? parties.endIndex..<parties.endIndex
        if range.upperBound != parties.endIndex {
            // Another piece's parties came in between (loaders give a piece's together): moved to the end.
            let earlier = Array(parties[range])
            range = parties.endIndex..<parties.endIndex + earlier.count
            parties += earlier
        }
        parties.append(authority)
        partyRanges[id] = range.lowerBound..<range.upperBound + 1
    }

    /// The parties of the evidence with row id `id`, in the order added.
    func parties(of id: Int64) -> ArraySlice<Int64> {
        parties[partyRanges[id] ?? 0..<0]
    }

    /// Whether the evidence at `position` binds one of `owners`.
    private func binds(_ position: Int, _ owners: Rules.Owners) -> Bool {
        // Read in place: a copy of the piece would cost more than the test.
        Rules.EvidenceFacts.binds(
            parties: parties(of: evidence[position].id.number), allState: evidence[position].allState, owners)
    }

    /// Records that unwithdrawn evidence supersedes other evidence.
    mutating func addSupersession(successor: Int64, predecessor: Int64) {
        supersessions.append((successor, predecessor))
    }

    /// Marks each superseded piece of evidence from the day its earliest successor starts, in place, and forgets
    /// the supersessions, so that marking again changes nothing.
    mutating func markSuperseded() {
        for (successor, predecessor) in supersessions {
            guard let next = positions[successor], let item = positions[predecessor] else { continue }
            let from: Rules.Supersession = RulesV2.start(of: evidence[next]).map { .from($0) } ?? .entirely
            switch (evidence[item].superseded, from) {
            case (.entirely?, _): break
            case (.from(let earlier)?, .from(let later)) where earlier <= later: break
            default: evidence[item].superseded = from
            }
        }
        supersessions = []
    }

    /// Records that evidence covers a usage, service or vendor; judging passes over evidence that cannot count.
    mutating func addCoverage(evidence evidenceId: Int64, target: RecordID) {
        switch target.kind {
        case .usage: byUsage.append(evidenceId, to: target.number)
        case .service: byService.append(evidenceId, to: target.number)
        case .vendor: byVendor.append(evidenceId, to: target.number)
        default: break
        }
    }

    /// Judges every active usage: §2 scope first, then the §3.1 route against the evidence that covers it
    /// (superseded evidence marked first).
    mutating func evaluate(asOf day: Day, policy: RulePolicy, rules: RulesVersion) -> Evaluation {
        Evaluation(
            asOf: day, rules: rules, policy: policy, solutions: order.compactMap { solutions[$0] },
            verdicts: judge(active.map { ($0, day) }, policy: policy, rules: rules))
    }

    /// Judges each usage on its own day (§2 scope first, then the §3.1 route), in solution and usage order; usages
    /// of solutions or services not loaded (not selected) have no verdict. Superseded evidence is marked first.
    mutating func judge(_ usages: [(usage: UsageFacts, day: Day)], policy: RulePolicy, rules: RulesVersion) -> [Verdict]
    {
        let usages = usages.filter { solutions.contains($0.usage.solution) && services.contains($0.usage.service) }
            .sorted { ($0.usage.solution, $0.usage.id) < ($1.usage.solution, $1.usage.id) }
        markSuperseded()
        // Sorted once here, each list in id order, for `coveringPositions`; sorting again changes nothing.
        byUsage.sortEach()
        byService.sortEach()
        byVendor.sortEach()
        // A copy the threads can share: `self` is `inout` here.
        let facts = self
        let order = judgingOrder(usages.lazy.map(\.usage.service))
        // In slices, several per core, taken as cores come free: a slice of out-of-scope usages takes a fraction
        // of the time of one of covered usages. Each verdict goes straight to its usage's place.
        let slices = max(1, min(ProcessInfo.processInfo.activeProcessorCount * 8, usages.count / 1000))
        return Array(unsafeUninitializedCapacity: usages.count) { buffer, count in
            let places = Places(buffer)
            DispatchQueue.concurrentPerform(iterations: slices) { slice in
                var covering = Covering()
                for index in order[usages.count * slice / slices..<usages.count * (slice + 1) / slices] {
                    let (usage, day) = usages[index]
                    places.initialize(
                        index, to: facts.judge(usage, on: day, policy: policy, rules: rules, reusing: &covering))
                }
            }
            count = usages.count
        }
    }

    /// The order to judge usages in, as indices of `usageServices`, each usage's service: a vendor and a service at a
    /// time, so that the evidence about them stays in the cache from one usage to the next (read in solution order,
    /// each usage's evidence was a cache miss, half of judging). Grouped rather than sorted: sorting every usage
    /// by vendor and service cost a tenth as much as judging.
    private func judgingOrder(_ usageServices: some Collection<Int64>) -> [Int] {
        var groups = ByID<[Int]>()
        var serviceOrder: [Int64] = []
        for (index, service) in usageServices.enumerated() {
            if !groups.contains(service) { serviceOrder.append(service) }
            groups.append(index, to: service)
        }
        serviceOrder.sort { (services[$0]!.vendor, $0) < (services[$1]!.vendor, $1) }
        return serviceOrder.flatMap { groups[$0]! }
    }

    /// An array's places that threads fill at once, each place by one thread only.
    private struct Places<Element>: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<Element>
        init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }
        func initialize(_ index: Int, to value: consuming Element) {
            (buffer.baseAddress! + index).initialize(to: value)
        }
    }

    /// The evidence covering usages one after another, by position in `evidence`, in id order: what covers the
    /// usages of a service through the service or its vendor is merged once for all of them (`judgingOrder` puts
    /// them in a row), and what covers a usage itself is put in among it.
    private struct Covering {
        /// The service whose usages `shared` covers.
        var service: Int64?
        /// The ids of the evidence covering the service or its vendor, each piece once, in id order.
        var sharedIds: [Int64] = []
        /// Where each of `sharedIds` lies in `evidence`.
        var shared: [Int] = []
        /// The current usage's evidence, when some covers the usage itself; kept so that its memory is reused.
        var own: [Int] = []
    }

    /// The positions of the evidence covering `usage`, in id order, each piece once (it may cover a usage at several
    /// levels), leaving out evidence that cannot count. Merged rather than sorted: sorting each usage's evidence
    /// was a tenth of judging.
    private func coveringPositions(of usage: UsageFacts, vendor: Int64, reusing covering: inout Covering) -> [Int] {
        if covering.service != usage.service {
            covering.service = usage.service
            covering.sharedIds.removeAll(keepingCapacity: true)
            covering.shared.removeAll(keepingCapacity: true)
            let (first, second) = (byService[usage.service] ?? [], byVendor[vendor] ?? [])
            var (i, j) = (0, 0)
            while i < first.count || j < second.count {
                let id = j == second.count || (i < first.count && first[i] < second[j]) ? first[i] : second[j]
                while i < first.count && first[i] == id { i += 1 }
                while j < second.count && second[j] == id { j += 1 }
                if let position = positions[id] {
                    covering.sharedIds.append(id)
                    covering.shared.append(position)
                }
            }
        }
        guard let own = byUsage[usage.id] else { return covering.shared }
        covering.own.removeAll(keepingCapacity: true)
        // The shared pieces up to each of the usage's own, then that piece: in runs, so that many pieces of its own
        // (a tampered bundle's) cost no more than merging.
        var (copied, previous): (Int, Int64?) = (0, nil)
        for id in own where id != previous {
            previous = id
            guard let position = positions[id] else { continue }
            // A few pieces among many: found by halving, not by walking the service's.
            var (low, high) = (copied, covering.sharedIds.count)
            while low < high {
                let middle = (low + high) / 2
                if covering.sharedIds[middle] < id { low = middle + 1 } else { high = middle }
            }
            covering.own += covering.shared[copied..<low]
            copied = low
            if low < covering.sharedIds.count && covering.sharedIds[low] == id { continue }
            covering.own.append(position)
        }
        covering.own += covering.shared[copied...]
        return covering.own
    }

    /// The verdict on one usage whose solution and service are loaded.
    private func judge(
        _ usage: UsageFacts, on day: Day, policy: RulePolicy, rules: RulesVersion, reusing covering: inout Covering
    ) -> Verdict {
        let (solution, service) = (solutions[usage.solution]!, services[usage.service]!)
        let finding: Rules.Finding
        if let failure = solution.failures.first {
            finding = Rules.Finding(
                outcome: .outOfScope, rule: failure.condition.citation, explanation: .outOfScope(failure),
                evidence: [])
        } else {
            let owners = self.owners[usage.solution] ?? Rules.Owners()
            finding = Rules.judge(
                route: usage.route, ownPurposes: usage.ownPurposes, evidence: evidence,
                at: coveringPositions(of: usage, vendor: service.vendor, reusing: &covering),
                binding: { binds($0, owners) }, on: day, policy: policy, rules: rules)
        }
        return Verdict(
            usage: RecordID(.usage, usage.id), solution: solution.id, solutionName: solution.name,
            authorities: solution.authorities, service: RecordID(.service, usage.service),
            serviceName: service.name, vendor: RecordID(.vendor, service.vendor),
            vendorName: vendorNames[service.vendor] ?? "", route: usage.route,
            vendorOwnPurposes: usage.ownPurposes, outcome: finding.outcome, rule: finding.rule,
            explanation: finding.explanation, evidence: finding.evidence, lapses: finding.lapses)
    }
}
