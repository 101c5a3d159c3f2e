/// Rules version 1, as evident first shipped them (2026): frozen, so that bundles judged under them verify.
///
/// Only the claimed route counts; R2 needs a data-processing agreement or agreement that cites a clause; own-purpose
/// use defeats R3 only; a review date lapses opt-out evidence only; supersession takes effect on filing.
enum RulesV1 {
    /// The evidence kinds that can prove a route.
    static func kinds(proving route: Route) -> [EvidenceKind] {
        switch route {
        case .optOut: [.optOutScreenshot, .optOutConfig]
        case .agreement: [.dataProcessingAgreement, .agreement]
        case .technicallyNecessary: [.technicalJustification]
        case .none: []
        }
    }

    /// Whether evidence of `kind` can prove `route`.
    static func proves(_ kind: EvidenceKind, _ route: Route) -> Bool {
        switch (route, kind) {
        case (.optOut, .optOutScreenshot), (.optOut, .optOutConfig), (.agreement, .dataProcessingAgreement),
            (.agreement, .agreement), (.technicallyNecessary, .technicalJustification):
            true
        default: false
        }
    }

    /// When evidence proves its route and when it must be renewed.
    static func validity(of evidence: Rules.EvidenceFacts, policy: RulePolicy) -> Rules.Validity {
        let dates = evidence.dates
        switch evidence.kind {
        case .optOutScreenshot, .optOutConfig:
            // A setting can be switched back off: a capture proves it only until it is due for review.
            let captured = dates.captured ?? dates.validFrom ?? evidence.filed
            let review = dates.reviewBy ?? captured.adding(months: policy.optOutReviewMonths)
            if let until = dates.validUntil, until < review {
                return Rules.Validity(start: captured, end: until, deadlines: [.init(day: until, kind: .validUntil)])
            }
            return Rules.Validity(start: captured, end: review, deadlines: [.init(day: review, kind: .review)])
        default:
            var deadlines: Rules.Deadlines = []
            if let until = dates.validUntil { deadlines.append(.init(day: until, kind: .validUntil)) }
            if let review = dates.reviewBy { deadlines.append(.init(day: review, kind: .review)) }
            if let until = dates.validUntil, let notice = dates.noticeDays, notice > 0 {
                deadlines.append(.init(day: until.adding(days: -notice), kind: .notice))
            }
            return Rules.Validity(
                start: dates.validFrom ?? dates.signed, end: dates.validUntil, deadlines: deadlines)
        }
    }

    /// The verdict on a usage of a covered solution on `day`, from the evidence at `positions` that covers it, in
    /// id order.
    static func judge(
        route: Route, ownPurposes: OwnPurposes, evidence: [Rules.EvidenceFacts], at positions: some Collection<Int>,
        on day: Day, policy: RulePolicy
    ) -> Rules.Finding {
        typealias Finding = Rules.Finding
        let rule = Rules.citation(route)
        switch (route, ownPurposes) {
        case (.none, _):
            return Finding(outcome: .nonCompliant, rule: rule, explanation: .noRoute, evidence: [])
        case (.technicallyNecessary, .yes):
            return Finding(outcome: .nonCompliant, rule: rule, explanation: .ownPurposes(route: route), evidence: [])
        default:
            break
        }

        var considered: [RecordID] = []
        var proving: [(Rules.EvidenceFacts, Rules.Validity)] = []
        var problems: [Reason.EvidenceProblem] = []
        // Superseded evidence stops counting the moment its successor is filed.
        for item in positions.lazy.map({ evidence[$0] }) where item.superseded == nil && proves(item.kind, route) {
            considered.append(item.id)
            let validity = validity(of: item, policy: policy)
            if let start = validity.start, day < start {
                problems.append(.init(evidence: item.id, kind: .notYetInForce, day: start))
            } else if let end = validity.end, end < day {
                let optOut = item.kind == .optOutScreenshot || item.kind == .optOutConfig
                problems.append(.init(evidence: item.id, kind: optOut ? .reviewDue : .expired, day: end))
            } else if route == .agreement && !item.hasClause {
                problems.append(.init(evidence: item.id, kind: .noClause, day: nil))
            } else {
                proving.append((item, validity))
            }
        }

        if route == .technicallyNecessary && ownPurposes == .unknown {
            return Finding(
                outcome: .missingEvidence, rule: rule, explanation: .ownPurposesUnknown, evidence: proving.map(\.0.id))
        }
        guard !proving.isEmpty else {
            return Finding(
                outcome: .missingEvidence, rule: rule,
                explanation: problems.isEmpty
                    ? .noEvidence(kinds: kinds(proving: route)) : .evidenceFails(problems),
                evidence: considered)
        }

        // The proof lasts as long as its longest-lasting piece; open-ended evidence never lapses.
        let next = proving.map { _, validity in validity.deadlines.filter { $0.day >= day }.min { $0.day < $1.day } }
        let lapse = next.contains { $0 == nil } ? nil : next.compactMap { $0 }.max { $0.day < $1.day }
        let ids = proving.map(\.0.id)
        if let lapse, lapse.day.ordinal - day.ordinal <= policy.warningDays {
            return Finding(
                outcome: .expiring, rule: rule, explanation: .lapsing(by: ids, deadline: lapse), evidence: ids,
                lapses: lapse.day)
        }
        return Finding(
            outcome: .compliant, rule: rule, explanation: .proven(by: ids), evidence: ids, lapses: lapse?.day)
    }
}
