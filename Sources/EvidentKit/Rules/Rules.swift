/// The §3.1 rules applied to one usage on one day. Pure: every fact arrives as an argument.
public enum Rules {
    /// The facts of one piece of evidence that the rules read.
    public struct EvidenceFacts: Sendable, Equatable {
        public var id: RecordID
        public var kind: EvidenceKind
        public var captured: Day?
        public var signed: Day?
        public var validFrom: Day?
        public var validUntil: Day?
        public var reviewBy: Day?
        public var noticeDays: Int?
        public var hasClause: Bool
        /// The day it was filed, the capture date of last resort.
        public var filed: Day

        public init(
            id: RecordID, kind: EvidenceKind, captured: Day? = nil, signed: Day? = nil, validFrom: Day? = nil,
            validUntil: Day? = nil, reviewBy: Day? = nil, noticeDays: Int? = nil, hasClause: Bool = false, filed: Day
        ) {
            (self.id, self.kind, self.captured, self.signed, self.validFrom) = (id, kind, captured, signed, validFrom)
            (self.validUntil, self.reviewBy, self.noticeDays, self.hasClause) = (
                validUntil, reviewBy, noticeDays, hasClause
            )
            self.filed = filed
        }
    }

    /// The evidence kinds that can prove a route.
    public static func kinds(proving route: Route) -> [EvidenceKind] {
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

    /// The rule a route rests on, as cited in verdicts.
    public static func citation(_ route: Route) -> String {
        switch route {
        case .optOut: "§3.1 R1"
        case .agreement: "§3.1 R2"
        case .technicallyNecessary: "§3.1 R3"
        case .none: "§3.1"
        }
    }

    /// What the rules conclude, before it is dressed with names into a `Verdict`.
    public struct Finding: Sendable, Equatable {
        public var outcome: Outcome
        public var rule: String
        public var reason: String
        public var evidence: [RecordID]
        public var lapses: Day?
    }

    /// A day by which evidence must be renewed or reviewed.
    public struct Deadline: Sendable, Codable, Equatable {
        /// What happens on the day.
        public enum Kind: String, Sendable, Codable {
            case review
            case validUntil = "valid-until"
            case notice
        }

        public var day: Day
        public var kind: Kind
    }

    /// The period in which evidence proves its route, and the days that make it lapse.
    public struct Validity: Sendable, Equatable {
        public var start: Day?
        public var end: Day?
        /// Review dates, the end of validity and the last day to give notice.
        public var deadlines: [Deadline]

        func covers(_ day: Day) -> Bool {
            (start.map { $0 <= day } ?? true) && (end.map { day <= $0 } ?? true)
        }
    }

    /// When evidence proves its route and when it must be renewed.
    public static func validity(of evidence: EvidenceFacts, policy: RulePolicy) -> Validity {
        switch evidence.kind {
        case .optOutScreenshot, .optOutConfig:
            // A setting can be switched back off: a capture proves it only until it is due for review.
            let captured = evidence.captured ?? evidence.validFrom ?? evidence.filed
            let review = evidence.reviewBy ?? captured.adding(months: policy.optOutReviewMonths)
            if let until = evidence.validUntil, until < review {
                return Validity(start: captured, end: until, deadlines: [Deadline(day: until, kind: .validUntil)])
            }
            return Validity(start: captured, end: review, deadlines: [Deadline(day: review, kind: .review)])
        default:
            var deadlines: [Deadline] = []
            if let until = evidence.validUntil { deadlines.append(Deadline(day: until, kind: .validUntil)) }
            if let review = evidence.reviewBy { deadlines.append(Deadline(day: review, kind: .review)) }
            if let until = evidence.validUntil, let notice = evidence.noticeDays, notice > 0 {
                deadlines.append(Deadline(day: until.adding(days: -notice), kind: .notice))
            }
            return Validity(
                start: evidence.validFrom ?? evidence.signed, end: evidence.validUntil, deadlines: deadlines)
        }
    }

    /// The verdict on a usage of a covered solution on `day`, from the evidence that covers it
    /// (directly, through its service or through its vendor; superseded and withdrawn evidence already left out),
    /// in id order.
    public static func judge(
        route: Route, ownPurposes: OwnPurposes, evidence: [EvidenceFacts], on day: Day, policy: RulePolicy
    ) -> Finding {
        let rule = citation(route)
        switch (route, ownPurposes) {
        case (.none, _):
            return Finding(
                outcome: .nonCompliant, rule: rule,
                reason: "no route is claimed: without R1, R2 or R3 the service cannot be used", evidence: [])
        case (.technicallyNecessary, .yes):
            return Finding(
                outcome: .nonCompliant, rule: rule,
                reason: "technically necessary is never valid while the vendor can use the data for its own purposes",
                evidence: [])
        default:
            break
        }

        var considered: [RecordID] = []
        var proving: [(EvidenceFacts, Validity)] = []
        var problems: [String] = []
        for item in evidence where proves(item.kind, route) {
            considered.append(item.id)
            let validity = validity(of: item, policy: policy)
            if let start = validity.start, day < start {
                problems.append("\(item.id) is in force only from \(start)")
            } else if let end = validity.end, end < day {
                let what =
                    item.kind == .optOutScreenshot || item.kind == .optOutConfig
                    ? "was due for review on" : "expired on"
                problems.append("\(item.id) \(what) \(end)")
            } else if route == .agreement && !item.hasClause {
                problems.append("\(item.id) cites no clause restricting the vendor's own-purpose use")
            } else {
                proving.append((item, validity))
            }
        }

        if route == .technicallyNecessary && ownPurposes == .unknown {
            return Finding(
                outcome: .missingEvidence, rule: rule,
                reason: "it is not known whether the vendor can use the data for its own purposes",
                evidence: proving.map(\.0.id))
        }
        guard !proving.isEmpty else {
            let reason =
                problems.isEmpty
                ? "no \(kinds(proving: route).map(\.rawValue).joined(separator: " or ")) covers it"
                : problems.joined(separator: "; ")
            return Finding(outcome: .missingEvidence, rule: rule, reason: reason, evidence: considered)
        }

        // The proof lasts as long as its longest-lasting piece; open-ended evidence never lapses.
        let next = proving.map { _, validity in validity.deadlines.filter { $0.day >= day }.min { $0.day < $1.day } }
        let lapse = next.contains { $0 == nil } ? nil : next.compactMap { $0 }.max { $0.day < $1.day }
        let ids = proving.map(\.0.id)
        let list = ids.map(\.description).joined(separator: ", ")
        if let lapse, lapse.day.ordinal - day.ordinal <= policy.warningDays {
            let what =
                switch lapse.kind {
                case .review: "it is due for review on"
                case .validUntil: "it expires on"
                case .notice: "the last day to give notice is"
                }
            return Finding(
                outcome: .expiring, rule: rule, reason: "proven by \(list), but \(what) \(lapse.day)", evidence: ids,
                lapses: lapse.day)
        }
        return Finding(
            outcome: .compliant, rule: rule, reason: "proven by \(list)", evidence: ids, lapses: lapse?.day)
    }
}
