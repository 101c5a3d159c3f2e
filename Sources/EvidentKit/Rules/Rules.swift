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
        /// The authorities it binds, by row id.
        public var parties: [Int64]
        /// A framework agreement binding every state authority.
        public var allState: Bool
        /// Whether unwithdrawn evidence supersedes it, and from when.
        public var superseded: Supersession?

        /// Facts with the dates as one value.
        public init(
            id: RecordID, kind: EvidenceKind, dates: EvidenceDates, hasClause: Bool = false, filed: Day,
            parties: [Int64] = [], allState: Bool = false, superseded: Supersession? = nil
        ) {
            (self.id, self.kind, self.dates, self.hasClause, self.filed) = (id, kind, dates, hasClause, filed)
            (self.parties, self.allState, self.superseded) = (parties, allState, superseded)
        }

        /// Facts with the dates given one by one.
        public init(
            id: RecordID, kind: EvidenceKind, captured: Day? = nil, signed: Day? = nil, validFrom: Day? = nil,
            validUntil: Day? = nil, reviewBy: Day? = nil, noticeDays: Int? = nil, hasClause: Bool = false, filed: Day,
            parties: [Int64] = [], allState: Bool = false, superseded: Supersession? = nil
        ) {
            self.init(
                id: id, kind: kind,
                dates: EvidenceDates(
                    captured: captured, signed: signed, validFrom: validFrom, validUntil: validUntil,
                    reviewBy: reviewBy, noticeDays: noticeDays),
                hasClause: hasClause, filed: filed, parties: parties, allState: allState, superseded: superseded)
        }

        /// Whether it binds one of a solution's owners (rules 2): a party owns it, or it is a framework agreement
        /// and a state authority owns it.
        func binds(_ owners: Owners) -> Bool {
            Self.binds(parties: parties, allState: allState, owners)
        }

        /// Whether parties (or a framework agreement) bind one of a solution's owners.
        static func binds(parties: some Sequence<Int64>, allState: Bool, _ owners: Owners) -> Bool {
            allState ? owners.includesState : parties.contains { owners.contains($0) }
        }
    }

    /// When a successor takes over from a piece of evidence.
    public enum Supersession: Sendable, Equatable {
        /// From the successor's first day; the evidence proves until the day before.
        case from(Day)
        /// The successor has no first day: it is in force from the beginning, and the evidence never proves.
        case entirely
    }

    /// The owners of the solution a usage is on, which evidence must bind (rules 2).
    public struct Owners: Sendable, Equatable {
        /// The owning authorities' row ids, sorted: a solution has one or two, and evidence is checked against
        /// them for every usage it covers, where searching so few beats hashing.
        private var ids: [Int64]
        /// Whether a state authority is among them, which a framework agreement binds.
        public var includesState: Bool

        /// The owning authorities, by row id, in any role.
        public var authorities: Set<Int64> {
            get { Set(ids) }
            set { ids = newValue.sorted() }
        }

        /// The owners of a solution: its authorities' row ids, and whether one of them is a state authority.
        public init(authorities: Set<Int64> = [], includesState: Bool = false) {
            (ids, self.includesState) = (authorities.sorted(), includesState)
        }

        /// Whether the authority with row id `authority` is an owner.
        func contains(_ authority: Int64) -> Bool { ids.contains(authority) }
    }

    /// The guidance's date: verdicts under rules 2 are given from this day on (§3.1, before the guidance).
    public static let guidanceDate = Day(year: 2022, month: 2, day: 2)!

    /// Refuses a reference day before the guidance, which nothing required verdicts for (rules 2).
    public static func checkReferenceDay(_ day: Day, field: Field, rules: RulesVersion = .current) throws(InputError) {
        guard rules >= .v2, day < guidanceDate else { return }
        throw InputError(
            field: field, value: day.description,
            reason: "the guidance is dated \(guidanceDate.description): there are no verdicts for an earlier day")
    }

    /// The characters a clause may consist of and still cite nothing: ASCII white space, as `EvaluationLoader`
    /// reads the database, so that the database and a bundle's registry.json judge a clause alike.
    static let blankClauseCharacters: [Character] = [" ", "\t", "\n", "\u{0B}", "\u{0C}", "\r"]

    /// Whether a clause reference cites something.
    static func citesClause(_ clause: String?) -> Bool {
        clause?.contains { !blankClauseCharacters.contains($0) } ?? false
    }

    /// The evidence kinds that can prove a route under `rules`.
    static func kinds(proving route: Route, rules: RulesVersion = .current) -> [EvidenceKind] {
        switch rules {
        case .v1: RulesV1.kinds(proving: route)
        case .v2: RulesV2.kinds(proving: route)
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
        public var reason: String { ReasonWording.text(explanation, solutionName: "the solution", language: .en) }
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
        var deadlines: Deadlines
    }

    /// When evidence proves its route and when it must be renewed, under `rules`.
    static func validity(
        of evidence: EvidenceFacts, policy: RulePolicy, rules: RulesVersion = .current
    ) -> Validity {
        switch rules {
        case .v1: RulesV1.validity(of: evidence, policy: policy)
        case .v2: RulesV2.validity(of: evidence, policy: policy)
        }
    }

    /// The verdict on a usage of a covered solution on `day` under `rules`, from the evidence that covers it.
    ///
    /// `evidence` covers the usage directly, through its service or through its vendor, in id order; withdrawn
    /// evidence is already left out, superseded evidence says from when; `owners` are the solution's (rules 2).
    public static func judge(
        route: Route, ownPurposes: OwnPurposes, evidence: [EvidenceFacts], on day: Day, policy: RulePolicy,
        owners: Owners = Owners(), rules: RulesVersion = .current
    ) -> Finding {
        judge(
            route: route, ownPurposes: ownPurposes, evidence: evidence, at: evidence.indices,
            binding: { evidence[$0].binds(owners) }, on: day, policy: policy, rules: rules)
    }

    /// `judge` on the evidence at `positions` of `evidence`, in id order, where `binds` tells whether the evidence
    /// at a position binds one of the solution's owners: a registry's evidence is judged where it lies, since each
    /// piece covers many usages, and its parties are kept apart from it.
    static func judge(
        route: Route, ownPurposes: OwnPurposes, evidence: [EvidenceFacts], at positions: some Collection<Int>,
        binding binds: (Int) -> Bool, on day: Day, policy: RulePolicy, rules: RulesVersion
    ) -> Finding {
        switch rules {
        case .v1:
            RulesV1.judge(
                route: route, ownPurposes: ownPurposes, evidence: evidence, at: positions, on: day, policy: policy)
        case .v2:
            RulesV2.judge(
                route: route, ownPurposes: ownPurposes, evidence: evidence, at: positions, binding: binds, on: day,
                policy: policy)
        }
    }
}
