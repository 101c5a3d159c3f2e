import Foundation

/// The §4 evaluation for one year: per authority, per covered solution, per usage, with the evidence and its dates.
public struct AnnualReport: Sendable, Codable, Equatable {
    /// A piece of evidence a verdict rests on, with the dates an auditor checks.
    public struct EvidenceLine: Sendable, Equatable {
        public var id: RecordID
        public var kind: EvidenceKind
        public var title: String
        public var dates: EvidenceDates
        public var clause: String?
    }

    /// One usage of a covered solution and its verdict.
    public struct UsageLine: Sendable, Codable, Equatable {
        public var verdict: Verdict
        public var evidence: [EvidenceLine]
    }

    /// A covered solution and the verdicts on its usages.
    public struct SolutionSection: Sendable, Codable, Equatable {
        public var id: RecordID
        public var name: String
        public var kind: SolutionKind
        public var usages: [UsageLine]
    }

    /// An authority, its totals, and the covered solutions it takes part in.
    public struct AuthoritySection: Sendable, Codable, Equatable {
        public var id: RecordID
        public var name: String
        public var cvr: String
        public var kind: AuthorityKind
        public var totals: [String: Int]
        public var solutions: [SolutionSection]
    }

    /// A solution outside the guidance, and why.
    public struct OutOfScope: Sendable, Codable, Equatable {
        public var id: RecordID
        public var name: String
        public var authorities: [RecordID]
        public var failures: [Scope.Failure]
    }

    public var year: Int
    public var asOf: Day
    public var warningDays: Int
    public var totals: [String: Int]
    public var authorities: [AuthoritySection]
    public var outOfScope: [OutOfScope]
    /// The last audit event the report's registry includes; nil while the trail is empty.
    public var recorded: RecordedMoment? = nil
    /// The command that makes this report again, when its maker states one.
    public var reproduce: String? = nil
}

extension AnnualReport {
    /// Builds the report from an evaluation, the authorities, and the evidence its verdicts cite.
    public init(year: Int, evaluation: Evaluation, authorities: [AuthorityInfo], evidence: [EvidenceInfo]) {
        let evidence = Dictionary(evidence.map { ($0.id, $0) }) { first, _ in first }
        func line(_ verdict: Verdict) -> UsageLine {
            UsageLine(
                verdict: verdict,
                evidence: verdict.evidence.compactMap { evidence[$0] }.map {
                    EvidenceLine(id: $0.id, kind: $0.kind, title: $0.title, dates: $0.dates, clause: $0.clause)
                })
        }
        let verdictsBySolution = Dictionary(grouping: evaluation.verdicts, by: \.solution)
        let covered = evaluation.solutions.filter(\.covered)
        let sections = authorities.compactMap { authority -> AuthoritySection? in
            let solutions = covered.filter { $0.authorities.contains(authority.id) }
            guard !solutions.isEmpty else { return nil }
            let verdicts = solutions.flatMap { verdictsBySolution[$0.id] ?? [] }
            return AuthoritySection(
                id: authority.id, name: authority.name, cvr: authority.cvr, kind: authority.kind,
                totals: Outcome.totals(verdicts),
                solutions: solutions.map { solution in
                    SolutionSection(
                        id: solution.id, name: solution.name, kind: solution.kind,
                        usages: (verdictsBySolution[solution.id] ?? []).map(line))
                })
        }
        self.init(
            year: year, asOf: evaluation.asOf, warningDays: evaluation.policy.warningDays,
            totals: Outcome.totals(evaluation.verdicts.filter { $0.outcome != .outOfScope }), authorities: sections,
            outOfScope: evaluation.solutions.filter { !$0.covered }.map {
                OutOfScope(id: $0.id, name: $0.name, authorities: $0.authorities, failures: $0.failures)
            })
    }
}

extension Registry {
    /// Builds the annual report as of `day` (by default 31 December of `year`).
    public func annualReport(year: Int, asOf day: Day? = nil) throws -> AnnualReport {
        guard (2000...9998).contains(year), let endOfYear = Day(year: year, month: 12, day: 31) else {
            throw InputError(field: .year, value: String(year), reason: "expected a year such as 2026")
        }
        // One moment for every read, the one the report states.
        let registry = try frozen()
        let evaluation = try registry.evaluate(asOf: day ?? endOfYear)
        let cited = Array(Set(evaluation.verdicts.flatMap(\.evidence).map(\.number))).sorted()
        var report = AnnualReport(
            year: year, evaluation: evaluation, authorities: try registry.authorities(),
            evidence: try registry.read { db in try InfoLoader.evidence(db, ids: cited) })
        report.recorded = try registry.recordedMoment()
        return report
    }
}

extension AnnualReport.EvidenceLine: Codable {
    private enum Key: String, CodingKey {
        case id, kind, title, clause
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        id = try container.decode(RecordID.self, forKey: .id)
        kind = try container.decode(EvidenceKind.self, forKey: .kind)
        title = try container.decode(String.self, forKey: .title)
        dates = try EvidenceDates(from: decoder)
        clause = try container.decodeIfPresent(String.self, forKey: .clause)
    }

    /// The dates sit beside the other fields, as in evidence JSON.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(id, forKey: .id)
        try container.encode(kind, forKey: .kind)
        try container.encode(title, forKey: .title)
        try dates.encode(to: encoder)
        try container.encodeIfPresent(clause, forKey: .clause)
    }
}
