/// The §4 evaluation for one year: per responsible authority, per covered solution with its §2 facts, per usage,
/// with the evidence and its dates; and the solutions outside the guidance.
///
/// The report holds facts and verdicts, never words: its HTML, CSV and JSON render them in a `ReportLanguage`.
public struct AnnualReport: Sendable, Equatable {
    /// How the reference day was chosen; the report says which.
    public enum Basis: String, Sendable, Codable {
        /// 31 December of the year.
        case endOfYear = "end-of-year"
        /// Today, because the year is still running.
        case today
        /// The day asked for: a reference date in the year, or a bundle's reference date.
        case given
    }

    /// Why a covered solution sits under the authority it does.
    public enum Placement: String, Sendable, Codable {
        /// The authority is responsible for it (the first by id, when several are).
        case responsible
        /// No authority is registered as responsible, so it sits under its first state owner (§2 S4 holds, so
        /// there is one), and the report says so.
        case firstStateOwner = "first-state-owner"
    }

    /// An authority a piece of evidence binds.
    public struct Party: Sendable, Equatable, Codable {
        /// The authority's id.
        public var id: RecordID
        /// Its name.
        public var name: String
    }

    /// A piece of evidence a verdict rests on, with everything an auditor checks.
    public struct EvidenceLine: Sendable, Equatable {
        /// Its short id.
        public var id: RecordID
        /// What it is.
        public var kind: EvidenceKind
        /// Its title.
        public var title: String
        /// Whether it counts: active, superseded or withdrawn.
        public var status: EvidenceInfo.Status
        /// The days it speaks about; in JSON they sit beside the other fields.
        public var dates: EvidenceDates
        /// Where it forbids own-purpose use, if it cites a clause.
        public var clause: String?
        /// The authorities it binds; empty for a framework agreement.
        public var parties: [Party]
        /// Whether it is a framework agreement that binds every state authority.
        public var allState: Bool
        /// When it was filed.
        public var filedAt: String
        /// Who filed it.
        public var filedBy: String
        /// The evidence it replaces, if any.
        public var supersedes: RecordID?
        /// The unwithdrawn evidence that replaces it (from the day each starts), in id order.
        public var supersededBy: [RecordID]
    }

    /// One usage of a covered solution, its verdict, and the facts of the usage, its service and its vendor.
    public struct UsageLine: Sendable, Equatable, Encodable {
        /// The verdict on the usage.
        public var verdict: Verdict
        /// The day it was judged on: the reference day, or its last day when it ended earlier in the year.
        public var judgedOn: Day
        /// The usage's first day.
        public var since: Day
        /// Its last day, if it has ended.
        public var until: Day?
        /// What the service is used for, if given.
        public var purpose: String?
        /// What the service does.
        public var category: ServiceCategory
        /// The service's host patterns.
        public var hosts: [String]
        /// The vendor's country.
        public var vendorCountry: String
        /// The evidence the verdict rests on or considered.
        public var evidence: [EvidenceLine]
    }

    /// A solution's facts, which §2 judges.
    public struct SolutionFacts: Sendable, Equatable, Codable {
        /// The solution's id.
        public var id: RecordID
        /// Its name.
        public var name: String
        /// What it is (§2 S1).
        public var kind: SolutionKind
        /// A website or an app.
        public var channel: Channel
        /// The website's address, for the web.
        public var url: String?
        /// The app's store id, for an app.
        public var appId: String?
        /// Whom it is aimed at (§2 S3).
        public var audience: Audience
        /// Whether its users are obliged to use it (§2 S2).
        public var mandatory: Bool
        /// The rule that makes it mandatory, if given.
        public var mandatedBy: String?
        /// Every owner with its role, ordered by authority id.
        public var owners: [SolutionInfo.Owner]

        init(_ solution: SolutionInfo) {
            (id, name, kind, channel) = (solution.id, solution.name, solution.kind, solution.channel)
            (url, appId, audience) = (solution.url, solution.appId, solution.audience)
            (mandatory, mandatedBy, owners) = (solution.mandatory, solution.mandatedBy, solution.owners)
        }
    }

    /// A covered solution, why it sits where it does, and its usages in the year (none when it embeds no
    /// third-party service).
    public struct SolutionSection: Sendable, Equatable {
        /// The solution's facts.
        public var facts: SolutionFacts
        /// Why it sits under its section's authority.
        public var placement: Placement
        /// Its usages in the year with their verdicts.
        public var usages: [UsageLine]
    }

    /// A responsible authority, the totals over its solutions, and those solutions.
    public struct AuthoritySection: Sendable, Equatable, Encodable {
        /// The authority's id.
        public var id: RecordID
        /// Its name.
        public var name: String
        /// Its CVR number.
        public var cvr: String
        /// What kind of body it is.
        public var kind: AuthorityKind
        /// How many of its solutions' usage lines have each outcome, by name.
        public var totals: [String: Int]
        /// The covered solutions it is responsible for.
        public var solutions: [SolutionSection]
    }

    /// A solution outside the guidance, and every condition it fails.
    public struct OutOfScope: Sendable, Equatable {
        /// The solution's facts.
        public var facts: SolutionFacts
        /// The §2 conditions it fails, with reasons.
        public var failures: [Scope.Failure]
    }

    /// The bundle a report belongs to, which the report.html inside it names.
    struct BundleLine: Sendable, Equatable {
        /// The bundle's id (`EB-…`).
        var identifier: String
        /// The solution or authority the bundle was made for; nil when it holds every solution.
        var selection: RecordID?
        /// The selected solution's or authority's name.
        var selectionName: String?
        /// The signing key's fingerprint (`SHA256:…`).
        var signer: String
        /// The key's comment: the signer's identity.
        var signerIdentity: String
        /// When it was sealed.
        var sealTime: String
    }

    /// The year evaluated.
    public var year: Int
    /// The reference day the active usages were judged on.
    public var asOf: Day
    /// How the reference day was chosen.
    public var basis: Basis
    /// The warning window the verdicts were made with, in days.
    public var warningDays: Int
    /// The rules version the verdicts were made under.
    public var rulesVersion: RulesVersion
    /// Verdicts per outcome over every usage line, each usage counted once.
    public var totals: [String: Int]
    /// One section per responsible authority, in id order.
    public var authorities: [AuthoritySection]
    /// The solutions outside the guidance, and why.
    public var outOfScope: [OutOfScope]
    /// The bundle the report belongs to; only a bundle's report.html has one, and bundles hold no report.json.
    var bundle: BundleLine?
    /// The last audit event the report's registry includes; nil while the trail is empty.
    public var recorded: RecordedMoment? = nil
    /// The command that makes this report again, when its maker states one.
    public var reproduce: String? = nil
}

extension AnnualReport {
    /// The records a report names beside its verdicts: at least whatever the verdicts concern.
    struct Records {
        var authorities: [AuthorityInfo]
        var solutions: [SolutionInfo]
        var usages: [UsageInfo]
        var services: [ServiceInfo]
        var vendors: [VendorInfo]
        var evidence: [EvidenceInfo]
    }

    /// Builds the report from an evaluation, the verdicts on usages that ended earlier in the year (each judged
    /// on its last day), and the records they concern.
    init(year: Int, basis: Basis, evaluation: Evaluation, ended: [Verdict], records: Records) {
        let authorities = Self.index(records.authorities, by: \.id)
        let solutions = Self.index(records.solutions, by: \.id)
        let usages = Self.index(records.usages, by: \.id)
        let services = Self.index(records.services, by: \.id)
        let vendors = Self.index(records.vendors, by: \.id)
        let evidence = Self.index(records.evidence, by: \.id)

        func evidenceLine(_ info: EvidenceInfo) -> EvidenceLine {
            EvidenceLine(
                id: info.id, kind: info.kind, title: info.title, status: info.status, dates: info.dates,
                clause: info.clause,
                parties: info.parties.map { Party(id: $0, name: authorities[$0]?.name ?? $0.description) },
                allState: info.allState, filedAt: info.filedAt, filedBy: info.filedBy, supersedes: info.supersedes,
                supersededBy: info.supersededBy)
        }
        // Each usage is judged once: on the reference day, or on its last day when that came first.
        let lines = (evaluation.verdicts + ended).compactMap { verdict -> UsageLine? in
            guard let usage = usages[verdict.usage], let service = services[verdict.service] else { return nil }
            return UsageLine(
                verdict: verdict, judgedOn: min(evaluation.asOf, usage.until ?? evaluation.asOf), since: usage.since,
                until: usage.until, purpose: usage.purpose, category: service.category, hosts: service.hosts,
                vendorCountry: vendors[verdict.vendor]?.country ?? "",
                evidence: verdict.evidence.compactMap { evidence[$0] }.map(evidenceLine))
        }
        let linesBySolution = Dictionary(grouping: lines, by: \.verdict.solution).mapValues {
            $0.sorted { $0.verdict.usage < $1.verdict.usage }
        }

        var sectionsByAuthority: [RecordID: [SolutionSection]] = [:]
        var outOfScope: [OutOfScope] = []
        for scope in evaluation.solutions {
            guard let solution = solutions[scope.id] else { continue }
            let facts = SolutionFacts(solution)
            guard scope.covered else {
                outOfScope.append(OutOfScope(facts: facts, failures: scope.failures))
                continue
            }
            let responsible = facts.owners.first { $0.role == .responsible }
            // Covered means §2 S4 holds: a state authority owns it.
            guard let owner = responsible ?? facts.owners.first(where: { $0.authorityKind == .state }) else {
                continue
            }
            sectionsByAuthority[owner.authority, default: []].append(
                SolutionSection(
                    facts: facts, placement: responsible != nil ? .responsible : .firstStateOwner,
                    usages: linesBySolution[scope.id] ?? []))
        }
        let sections = sectionsByAuthority.keys.sorted().compactMap { id -> AuthoritySection? in
            guard let authority = authorities[id], let solutions = sectionsByAuthority[id] else { return nil }
            return AuthoritySection(
                id: id, name: authority.name, cvr: authority.cvr, kind: authority.kind,
                totals: Outcome.totals(solutions.flatMap(\.usages).map(\.verdict)), solutions: solutions)
        }
        self.init(
            year: year, asOf: evaluation.asOf, basis: basis, warningDays: evaluation.policy.warningDays,
            rulesVersion: evaluation.rules,
            totals: Outcome.totals(sections.flatMap(\.solutions).flatMap(\.usages).map(\.verdict)),
            authorities: sections, outOfScope: outOfScope)
    }

    private static func index<Record>(_ records: [Record], by id: KeyPath<Record, RecordID>) -> [RecordID: Record] {
        Dictionary(records.map { ($0[keyPath: id], $0) }) { first, _ in first }
    }
}

extension Registry {
    /// Builds the annual report for `year`, as of `day` when given (a day in the year), else 31 December, or
    /// today while the year is running; usages that ended earlier in the year are judged on their last day.
    public func annualReport(year: Int, asOf day: Day? = nil) throws -> AnnualReport {
        try Validate.number(year, field: .year, in: Limits.years, unit: "")
        let (start, end) = (
            Day(ordinal: Day.ordinal(year: year, month: 1, day: 1)),
            Day(ordinal: Day.ordinal(year: year, month: 12, day: 31))
        )
        let (reference, basis): (Day, AnnualReport.Basis)
        if let day {
            guard start <= day, day <= end else {
                throw InputError(field: .asOf, value: day.description, reason: "is not a day in \(Field.year) \(year)")
            }
            (reference, basis) = (day, .given)
        } else if start <= today, today < end {
            (reference, basis) = (today, .today)
        } else {
            (reference, basis) = (end, .endOfYear)
        }
        try Rules.checkReferenceDay(reference, field: day == nil ? .year : .asOf)
        // One moment for every read, the one the report states.
        let registry = try frozen()
        let policy = try registry.policy()
        var report = try registry.read { db in
            let (evaluation, ended) = try EvaluationLoader.evaluateYear(
                db, asOf: reference, endedFrom: start, policy: policy, rules: .current)
            let covered = Set(evaluation.solutions.filter(\.covered).map(\.id))
            let judged = (evaluation.verdicts + ended).filter { covered.contains($0.solution) }
            let usages = try InfoLoader.usages(db, ids: judged.map(\.usage.number).sorted())
            let services = try InfoLoader.services(db, ids: Array(Set(usages.map(\.service.number))).sorted())
            let records = AnnualReport.Records(
                authorities: try InfoLoader.authorities(db, ids: nil),
                solutions: try InfoLoader.solutions(db, ids: nil), usages: usages, services: services,
                vendors: try InfoLoader.vendors(db, ids: Array(Set(services.map(\.vendor.number))).sorted()),
                evidence: try InfoLoader.evidence(
                    db, ids: Array(Set(judged.flatMap(\.evidence).map(\.number))).sorted()))
            return AnnualReport(year: year, basis: basis, evaluation: evaluation, ended: ended, records: records)
        }
        report.recorded = try registry.recordedMoment()
        return report
    }
}
