/// The §3.1 rules applied to one usage on one day. Pure: every fact arrives as an argument.
///
/// Every version of the rules evident has shipped is kept (`RulesVersion`); these entry points dispatch to
/// the version asked for, the current one unless a bundle names another.
public enum Rules {
    /// The facts of one piece of evidence that the rules read.
    public struct EvidenceFacts: Sendable, Equatable {
        /// The evidence's id.
        public var id: RecordID
        /// What it is.
        public var kind: EvidenceKind
        /// The days it speaks about.
        public var dates: EvidenceDates
        /// Whether it cites a clause restricting own-purpose use; R2 needs one.
        public var hasClause: Bool
        /// The day it was filed, the capture date of last resort.
        public var filed: Day

        /// Facts with the dates as one value.
        public init(id: RecordID, kind: EvidenceKind, dates: EvidenceDates, hasClause: Bool = false, filed: Day) {
            (self.id, self.kind, self.dates, self.hasClause, self.filed) = (id, kind, dates, hasClause, filed)
        }

        /// Facts with the dates given one by one.
        public init(
            id: RecordID, kind: EvidenceKind, captured: Day? = nil, signed: Day? = nil, validFrom: Day? = nil,
            validUntil: Day? = nil, reviewBy: Day? = nil, noticeDays: Int? = nil, hasClause: Bool = false, filed: Day
        ) {
            self.init(
                id: id, kind: kind,
                dates: EvidenceDates(
                    captured: captured, signed: signed, validFrom: validFrom, validUntil: validUntil,
                    reviewBy: reviewBy, noticeDays: noticeDays),
                hasClause: hasClause, filed: filed)
        }
    }

    /// The characters a clause may consist of and still cite nothing: ASCII white space, as SQLite's `trim`
    /// is told (`EvaluationLoader`), so that the database and a bundle's registry.json judge a clause alike.
    static let blankClauseCharacters: [Character] = [" ", "\t", "\n", "\u{0B}", "\u{0C}", "\r"]

    /// Whether a clause reference cites something.
    static func citesClause(_ clause: String?) -> Bool {
        clause?.contains { !blankClauseCharacters.contains($0) } ?? false
    }

    /// The evidence kinds that can prove a route.
    static func kinds(proving route: Route) -> [EvidenceKind] {
        switch route {
        case .optOut: [.optOutScreenshot, .optOutConfig]
        case .agreement: [.dataProcessingAgreement, .agreement]
        case .technicallyNecessary: [.technicalJustification]
        case .none: []
        }
    }

    /// The rule a route rests on, as cited in verdicts.
    static func citation(_ route: Route) -> String {
        switch route {
        case .optOut: "§3.1 R1"
        case .agreement: "§3.1 R2"
        case .technicallyNecessary: "§3.1 R3"
        case .none: "§3.1"
        }
    }

    /// What the rules conclude, before it is dressed with names into a `Verdict`.
    public struct Finding: Sendable, Equatable {
        /// The outcome for the usage.
        public var outcome: Outcome
        /// The rule cited, such as `§3.1 R2`.
        public var rule: String
        /// Why, as a code and its parameters.
        public var explanation: Reason
        /// The evidence it rests on, or that was considered and found wanting.
        public var evidence: [RecordID]
        /// When the proof next lapses, if it does.
        public var lapses: Day?

        /// The reason in words.
        public var reason: String { ReasonWording.text(explanation, solutionName: "the solution") }
    }

    /// A day by which evidence must be renewed or reviewed.
    public struct Deadline: Sendable, Codable, Equatable {
        /// What happens on the day.
        public enum Kind: String, Sendable, Codable {
            /// The evidence is due for review.
            case review
            /// The evidence's validity ends.
            case validUntil = "valid-until"
            /// The last day to give notice before the evidence's validity ends.
            case notice
        }

        /// The day by which to act.
        public var day: Day
        /// What happens on it.
        public var kind: Kind
    }

    /// The period in which evidence proves its route, and the days that make it lapse.
    struct Validity: Sendable, Equatable {
        var start: Day?
        var end: Day?
        /// Review dates, the end of validity and the last day to give notice.
        var deadlines: [Deadline]

        func covers(_ day: Day) -> Bool {
            (start.map { $0 <= day } ?? true) && (end.map { day <= $0 } ?? true)
        }
    }

    /// When evidence proves its route and when it must be renewed, under `rules`.
    static func validity(
        of evidence: EvidenceFacts, policy: RulePolicy, rules: RulesVersion = .current
    ) -> Validity {
        switch rules {
        case .v1: RulesV1.validity(of: evidence, policy: policy)
        }
    }

    /// The verdict on a usage of a covered solution on `day` under `rules`, from the evidence that covers it.
    ///
    /// `evidence` covers the usage directly, through its service or through its vendor, in id order; superseded
    /// and withdrawn evidence is already left out.
    public static func judge(
        route: Route, ownPurposes: OwnPurposes, evidence: [EvidenceFacts], on day: Day, policy: RulePolicy,
        rules: RulesVersion = .current
    ) -> Finding {
        switch rules {
        case .v1: RulesV1.judge(route: route, ownPurposes: ownPurposes, evidence: evidence, on: day, policy: policy)
        }
    }
}
