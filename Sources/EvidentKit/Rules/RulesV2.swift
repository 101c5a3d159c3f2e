/// Rules version 2, as RULES.md's "How the registry applies §3.1" states them.
///
/// 1. Any route that holds is enough; the verdict cites the claimed route when it holds, else the first that does.
/// 2. Own-purpose use ("yes") defeats every route; "unknown" blocks only R3, which needs "no".
/// 3. Evidence proves only for usages on solutions one of its parties owns (a framework agreement: any state owner).
/// 4. It proves from its start (R1 capture; R2/R3 valid-from, else signing) to its end (R1 review date or
///    valid-until, whichever is first; R2/R3 valid-until and review-by), both days inclusive.
/// 5. A successor ends its predecessor's proof on the day before the successor starts.
/// 6. A compliant usage whose proof lapses within the warning window is expiring.
enum RulesV2 {
    /// The route a kind of evidence can prove: a data-processing agreement by its nature, an ordinary agreement
    /// or the vendor's terms with the clause that forbids own-purpose use cited.
    static func route(provenBy kind: EvidenceKind) -> Route? {
        switch kind {
        case .optOutScreenshot, .optOutConfig: .optOut
        case .dataProcessingAgreement, .agreement, .vendorTerms: .agreement
        case .technicalJustification: .technicallyNecessary
        case .other, .scan: nil
        }
    }

    /// The evidence kinds that can prove a route.
    static func kinds(proving route: Route) -> [EvidenceKind] {
        EvidenceKind.allCases.filter { self.route(provenBy: $0) == route }
    }

    /// The first day evidence proves: the capture of an opt-out, else valid-from or the signing date.
    static func start(of evidence: Rules.EvidenceFacts) -> Day? {
        let dates = evidence.dates
        return evidence.kind.isOptOut
            ? dates.captured ?? dates.validFrom ?? evidence.filed : dates.validFrom ?? dates.signed
    }

    /// When evidence proves on its own dates (supersession aside) and the days that make it lapse.
    static func validity(of evidence: Rules.EvidenceFacts, policy: RulePolicy) -> Rules.Validity {
        let dates = evidence.dates
        var deadlines: Rules.Deadlines = []
        if let until = dates.validUntil { deadlines.append(.init(day: until, kind: .validUntil)) }
        if evidence.kind.isOptOut, let captured = start(of: evidence) {
            // A setting can be switched back off: a capture proves it only until it is due for review.
            deadlines.append(
                .init(day: dates.reviewBy ?? captured.adding(months: policy.optOutReviewMonths), kind: .review))
        } else if let review = dates.reviewBy {
            deadlines.append(.init(day: review, kind: .review))
        }
        let end = deadlines.min { $0.day < $1.day }?.day
        if let until = dates.validUntil, let notice = dates.noticeDays, notice > 0 {
            deadlines.append(.init(day: until.adding(days: -notice), kind: .notice))
        }
        return Rules.Validity(start: start(of: evidence), end: end, deadlines: deadlines)
    }

    /// A piece of evidence that can prove a route for the usage on some day, and the days it proves.
    struct Candidate {
        /// The evidence's id: the rest of its facts stay where they lie (a copy of them in each candidate was a
        /// tenth of judging).
        var id: RecordID
        var route: Route
        var validity: Rules.Validity
        /// The last day it proves: its own end, or the day before its successor starts.
        var end: Day?

        func covers(_ day: Day) -> Bool {
            (validity.start.map { $0 <= day } ?? true) && (end.map { day <= $0 } ?? true)
        }
    }

    /// The verdict on a usage of a covered solution on `day`, from the evidence at `positions` that covers it, in
    /// id order; `binds` tells whether the evidence at a position binds one of the solution's owners.
    static func judge(
        route claimed: Route, ownPurposes: OwnPurposes, evidence: [Rules.EvidenceFacts],
        at positions: some Collection<Int>, binding binds: (Int) -> Bool, on day: Day, policy: RulePolicy
    ) -> Rules.Finding {
        typealias Finding = Rules.Finding
        if ownPurposes == .yes {
            return Finding(
                outcome: .nonCompliant, rule: Rules.citation(claimed), explanation: .ownPurposes(route: claimed),
                evidence: [])
        }

        // Why a piece that could prove `route` cannot, before its days are looked at; nil when it can.
        func refusal(_ index: Int, _ route: Route) -> Reason.EvidenceProblem.Kind? {
            // The cheap refusals first: most evidence about a vendor belongs to other authorities.
            if evidence[index].superseded == .entirely { return .superseded }
            if !binds(index) { return .notAParty }
            if route == .technicallyNecessary && ownPurposes != .no { return .ownPurposesUnknown }
            if evidence[index].kind != .dataProcessingAgreement && route == .agreement && !evidence[index].hasClause {
                return .noClause
            }
            return nil
        }

        // Read in place, never copied (copies were rules 2's largest cost).
        var candidates: [Candidate] = []
        candidates.reserveCapacity(positions.count)
        for index in positions {
            guard let route = route(provenBy: evidence[index].kind), refusal(index, route) == nil else { continue }
            let validity = validity(of: evidence[index], policy: policy)
            var end = validity.end
            if case .from(let successorStart) = evidence[index].superseded {
                let last = successorStart.adding(days: -1)
                end = min(end ?? last, last)
            }
            candidates.append(Candidate(id: evidence[index].id, route: route, validity: validity, end: end))
        }

        // Read where they lie rather than filtered into copies.
        let order: [Route] = [claimed, .optOut, .agreement, .technicallyNecessary]
        guard
            let cited = order.first(where: { route in candidates.contains { $0.route == route && $0.covers(day) } })
        else {
            // Only now what was wrong with each piece: a proven usage never needs it, and listing it for every
            // piece about a vendor was a fifth of judging.
            var considered: [RecordID] = []
            var problems: [Reason.EvidenceProblem] = []
            var next = candidates.startIndex
            for index in positions {
                guard let route = route(provenBy: evidence[index].kind) else { continue }
                let id = evidence[index].id
                considered.append(id)
                if let kind = refusal(index, route) {
                    problems.append(.init(evidence: id, kind: kind, day: nil))
                    continue
                }
                // The candidates are the pieces not refused, in the same order.
                let candidate = candidates[next]
                next += 1
                assert(candidate.id == id, "the second pass refuses what the first refused")
                let validity = candidate.validity
                if candidate.covers(day) { continue }
                if let start = validity.start, day < start {
                    problems.append(.init(evidence: id, kind: .notYetInForce, day: start))
                } else if let end = candidate.end, end != validity.end {
                    problems.append(.init(evidence: id, kind: .superseded, day: end))
                } else {
                    let end = candidate.end
                    let review = validity.deadlines.contains { $0.kind == .review && $0.day == end }
                    problems.append(.init(evidence: id, kind: review ? .reviewDue : .expired, day: end))
                }
            }
            if claimed == .none {
                return Finding(
                    outcome: .nonCompliant, rule: Rules.citation(.none), explanation: .noRouteProven,
                    evidence: considered)
            }
            let explanation: Reason =
                claimed == .technicallyNecessary && ownPurposes == .unknown
                ? .ownPurposesUnknown
                : problems.isEmpty ? .noEvidence(kinds: kinds(proving: claimed)) : .evidenceFails(problems)
            return Finding(
                outcome: .missingEvidence, rule: Rules.citation(claimed), explanation: explanation, evidence: considered
            )
        }

        var ids: [RecordID] = []
        ids.reserveCapacity(candidates.count)
        for candidate in candidates where candidate.covers(day) { ids.append(candidate.id) }
        let other = cited == claimed ? nil : cited
        let rule = Rules.citation(cited)
        guard let lapse = lapse(of: candidates, from: day) else {
            return Finding(outcome: .compliant, rule: rule, explanation: .proven(by: ids, route: other), evidence: ids)
        }
        if lapse.day.ordinal - day.ordinal <= policy.warningDays {
            return Finding(
                outcome: .expiring, rule: rule, explanation: .lapsing(by: ids, deadline: lapse, route: other),
                evidence: ids, lapses: lapse.day)
        }
        return Finding(
            outcome: .compliant, rule: rule, explanation: .proven(by: ids, route: other), evidence: ids,
            lapses: lapse.day)
    }

    /// When the proof that holds on `day` next lapses: the end of the unbroken run of evidence that proves some
    /// route from `day` on (a renewal that starts the day after its predecessor ends continues the run), or the
    /// earlier review or notice deadline of the evidence that ends it. Nil when the run never ends.
    static func lapse(of candidates: [Candidate], from day: Day) -> Rules.Deadline? {
        let covering = candidates.lazy.filter { $0.covers(day) }
        guard !covering.contains(where: { $0.end == nil }), var runEnd = covering.compactMap(\.end).max() else {
            return nil
        }
        while let next = candidates.firstIndex(where: { candidate in
            (candidate.validity.start.map { $0 <= runEnd.adding(days: 1) } ?? true)
                && (candidate.end.map { $0 > runEnd } ?? true)
        }) {
            guard let end = candidates[next].end else { return nil }
            runEnd = end
        }
        // The evidence that ends the run lapses at its earliest deadline still ahead, notice included.
        return candidates.lazy.filter { $0.end == runEnd }.map { candidate in
            candidate.validity.deadlines.lazy.filter { $0.day >= day && $0.day <= runEnd }.min { $0.day < $1.day }
                ?? Rules.Deadline(day: runEnd, kind: .validUntil)
        }.max { $0.day < $1.day }
    }
}
