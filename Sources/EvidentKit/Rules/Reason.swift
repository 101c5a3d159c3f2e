/// Why a verdict came out as it did: a stable code and its parameters, never words.
///
/// Bundles sign the reason, not a sentence, so the wording (and its language) can change without changing
/// what an issued bundle means; `ReasonWording` renders it for people.
public enum Reason: Sendable, Equatable {
    /// What was wrong with one piece of evidence that could have proven the route.
    public struct EvidenceProblem: Sendable, Equatable, Encodable {
        /// What was wrong.
        public enum Kind: String, Sendable, Encodable, CaseIterable {
            /// Its validity starts after the reference day; `day` is the start.
            case notYetInForce = "not-yet-in-force"
            /// An opt-out capture past its review date; `day` is that date.
            case reviewDue = "review-due"
            /// Its validity ended before the reference day; `day` is the end.
            case expired
            /// An agreement that cites no clause restricting own-purpose use.
            case noClause = "no-clause"
            /// None of its parties owns the solution (rules 2): it proves nothing for this usage.
            case notAParty = "not-a-party"
            /// Its successor has taken over; `day` is its last day (rules 2: the day before the successor starts).
            case superseded
            /// Technically necessary needs the answer "no" to own-purpose use, which is not known (R3).
            case ownPurposesUnknown = "own-purposes-unknown"
        }

        /// The evidence concerned.
        public var evidence: RecordID
        /// What was wrong with it.
        public var kind: Kind
        /// The day that matters, for the kinds that have one.
        public var day: Day?

        /// A problem with a piece of evidence, and the day it concerns when there is one.
        public init(evidence: RecordID, kind: Kind, day: Day?) {
            (self.evidence, self.kind, self.day) = (evidence, kind, day)
        }
    }

    /// No route is claimed (§3.1).
    case noRoute
    /// The vendor can use the data for its own purposes, which the claimed route does not allow.
    case ownPurposes(route: Route)
    /// It is not known whether the vendor can use the data for its own purposes (R3 needs "no").
    case ownPurposesUnknown
    /// No evidence of these kinds covers the usage.
    case noEvidence(kinds: [EvidenceKind])
    /// Evidence covers the usage, but none of it proves the route on the day.
    case evidenceFails([EvidenceProblem])
    /// A route is proven by this evidence; `route` names it when it is not the claimed one (rules 2).
    case proven(by: [RecordID], route: Route? = nil)
    /// A route is proven, but the proof lapses on a deadline within the warning window; `route` names it when
    /// it is not the claimed one (rules 2).
    case lapsing(by: [RecordID], deadline: Rules.Deadline, route: Route? = nil)
    /// No route is claimed and none is proven (rules 2).
    case noRouteProven
    /// The solution fails a §2 condition.
    case outOfScope(Scope.Failure)

    /// The stable code scripts match on.
    public var code: String {
        switch self {
        case .noRoute: "no-route"
        case .noRouteProven: "no-route-proven"
        case .ownPurposes: "own-purposes"
        case .ownPurposesUnknown: "own-purposes-unknown"
        case .noEvidence: "no-evidence"
        case .evidenceFails: "evidence-fails"
        case .proven: "proven"
        case .lapsing: "lapsing"
        case .outOfScope: "out-of-scope"
        }
    }
}

extension Reason: Encodable {
    private enum Key: String, CodingKey {
        case code, route, kinds, problems, evidence, deadline, condition
    }

    /// Encodes the code and its parameters.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(code, forKey: .code)
        switch self {
        case .noRoute, .noRouteProven, .ownPurposesUnknown: break
        case .ownPurposes(let route): try container.encode(route, forKey: .route)
        case .noEvidence(let kinds): try container.encode(kinds, forKey: .kinds)
        case .evidenceFails(let problems): try container.encode(problems, forKey: .problems)
        case .proven(let evidence, let route):
            try container.encode(evidence, forKey: .evidence)
            try container.encodeIfPresent(route, forKey: .route)
        case .lapsing(let evidence, let deadline, let route):
            try container.encode(evidence, forKey: .evidence)
            try container.encode(deadline, forKey: .deadline)
            try container.encodeIfPresent(route, forKey: .route)
        case .outOfScope(let failure): try container.encode(failure, forKey: .condition)
        }
    }
}
