/// The words for a verdict's reason, rendered from its code and parameters.
enum ReasonWording {
    /// The reason as a sentence for people; `solutionName` names the solution of an out-of-scope verdict.
    static func text(_ reason: Reason, solutionName: String) -> String {
        switch reason {
        case .noRoute:
            return "no route is claimed: without R1, R2 or R3 the service cannot be used"
        case .noRouteProven:
            return "no route is claimed and none of R1, R2 or R3 is proven: the service cannot be used"
        case .ownPurposes(let route):
            return route == .technicallyNecessary
                ? "technically necessary is never valid while the vendor can use the data for its own purposes"
                : "the vendor can use the data for its own purposes, which no route allows"
        case .ownPurposesUnknown:
            return "it is not known whether the vendor can use the data for its own purposes"
        case .noEvidence(let kinds):
            return "no \(kinds.map(\.rawValue).joined(separator: " or ")) covers it"
        case .evidenceFails(let problems):
            return problems.map(text).joined(separator: "; ")
        case .proven(let evidence, let route):
            return "proven by \(list(evidence))" + other(route)
        case .lapsing(let evidence, let deadline, let route):
            let what =
                switch deadline.kind {
                case .review: "it is due for review on"
                case .validUntil: "it expires on"
                case .notice: "the last day to give notice is"
                }
            return "proven by \(list(evidence))\(other(route)), but \(what) \(deadline.day)"
        case .outOfScope(let failure):
            return "\(solutionName) is not covered: \(failure.reason); the cookie order alone applies"
        }
    }

    static func text(_ problem: Reason.EvidenceProblem) -> String {
        let day = problem.day?.description ?? ""
        return switch problem.kind {
        case .notYetInForce: "\(problem.evidence) is in force only from \(day)"
        case .reviewDue: "\(problem.evidence) was due for review on \(day)"
        case .expired: "\(problem.evidence) expired on \(day)"
        case .noClause: "\(problem.evidence) cites no clause restricting the vendor's own-purpose use"
        case .notAParty: "\(problem.evidence) binds none of the solution's owners"
        case .superseded: "\(problem.evidence) was superseded after \(day)"
        case .ownPurposesUnknown:
            "\(problem.evidence) cannot make it technically necessary while own-purpose use is unknown"
        }
    }

    /// Says which route holds when it is not the claimed one.
    private static func other(_ route: Route?) -> String {
        route.map { " under \(Rules.citation($0)), not the claimed route" } ?? ""
    }

    private static func list(_ evidence: [RecordID]) -> String {
        evidence.map(\.description).joined(separator: ", ")
    }
}
