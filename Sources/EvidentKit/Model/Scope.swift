/// A condition of §2 that a solution must meet to be covered by the guidance.
public enum ScopeCondition: String, Sendable, Codable, CaseIterable, Comparable {
    /// A digital self-service solution or a national portal.
    case s1 = "S1"
    /// Mandatory: the citizens' primary channel to the authority (self-service solutions only).
    case s2 = "S2"
    /// Aimed at citizens.
    case s3 = "S3"
    /// Wholly or partly provided by a state authority.
    case s4 = "S4"

    /// How the rule is cited in verdicts: `§2 S3`.
    public var citation: String { "§2 \(rawValue)" }

    /// Orders the conditions S1 to S4.
    public static func < (lhs: ScopeCondition, rhs: ScopeCondition) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Whether a solution is covered by the guidance (§2), derived from its facts, never typed in.
public struct Scope: Sendable, Codable, Equatable {
    /// A condition that fails, and why, in words for people.
    public struct Failure: Sendable, Codable, Equatable {
        /// The condition that fails.
        public var condition: ScopeCondition
        /// Why it fails, in words for people.
        public var reason: String
    }

    /// Whether the guidance covers the solution: no condition fails.
    public var covered: Bool { failures.isEmpty }
    /// Every condition that fails, in order S1 to S4; empty when covered.
    public var failures: [Failure]

    /// The rule a verdict about this solution cites: `§2` when covered, else the first failing condition.
    public var citation: String { failures.first?.condition.citation ?? "§2" }

    init(failures: [Failure]) {
        self.failures = failures
    }

    enum CodingKeys: String, CodingKey {
        case covered, failures
    }

    /// Decodes the failures; `covered` follows from them.
    public init(from decoder: any Decoder) throws {
        failures = try decoder.container(keyedBy: CodingKeys.self).decode([Failure].self, forKey: .failures)
    }

    /// Encodes `covered` beside the failures.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(covered, forKey: .covered)
        try container.encode(failures, forKey: .failures)
    }

    /// Applies §2 to a solution's kind, obligation, audience and owners.
    ///
    /// A self-service solution must meet S1–S4; a national portal S1, S3 and S4
    /// (S2 tests self-service solutions; a portal is the entrance to them).
    public init(kind: SolutionKind, mandatory: Bool, audience: Audience, ownerKinds: [AuthorityKind]) {
        var failures: [Failure] = []
        if kind == .information {
            failures.append(
                Failure(
                    condition: .s1,
                    reason: "it only publishes information; it is neither a self-service solution nor a national portal"
                ))
        }
        if kind == .selfService && !mandatory {
            failures.append(
                Failure(condition: .s2, reason: "it is an optional channel, not the citizens' mandatory one"))
        }
        if audience == .businesses {
            failures.append(Failure(condition: .s3, reason: "it is aimed at businesses only, not at citizens"))
        }
        if !ownerKinds.contains(.state) {
            let kinds = Set(ownerKinds).map(\.rawValue).sorted().joined(separator: " and ")
            failures.append(
                Failure(
                    condition: .s4,
                    reason: ownerKinds.isEmpty
                        ? "no authority owns it"
                        : ownerKinds.allSatisfy { $0 == .private }
                            ? "only a private operator is registered: the commissioning state authority is missing "
                                + "(register it as responsible, with the operator beside it)"
                            : "no state authority provides it (owned by \(kinds) authorities only)"))
        }
        self.init(failures: failures)
    }

    /// Why a covered solution of `kind` is covered, citing the conditions that apply to it.
    public static func coveredReason(for kind: SolutionKind) -> String {
        kind == .nationalPortal
            ? "covered by the guidance (§2 S1, S3 and S4 hold; S2 does not apply to a national portal)"
            : "covered by the guidance (§2 S1-S4 hold)"
    }

    init(of solution: SolutionInfo) {
        self.init(
            kind: solution.kind, mandatory: solution.mandatory, audience: solution.audience,
            ownerKinds: solution.owners.map(\.authorityKind))
    }
}
