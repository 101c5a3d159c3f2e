import EvidentKit
import Testing

/// Every §3.1 rule of rules version 1 (frozen, for bundles judged under it) and its boundaries, one row per case.
@Suite struct RulesTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let route: Route
        let ownPurposes: OwnPurposes
        let evidence: [Rules.EvidenceFacts]
        let day: String
        let outcome: Outcome
        let rule: String
        var testDescription: String { name }
    }

    static func d(_ text: String) -> Day { try! Day(parsing: text) }

    static func agreement(
        _ number: Int64 = 1, kind: EvidenceKind = .dataProcessingAgreement, signed: String? = "2026-02-15",
        from: String? = "2026-03-01", until: String? = "2026-09-30", notice: Int? = nil, clause: Bool = true
    ) -> Rules.EvidenceFacts {
        Rules.EvidenceFacts(
            id: RecordID(.evidence, number), kind: kind, signed: signed.map(d), validFrom: from.map(d),
            validUntil: until.map(d), noticeDays: notice, hasClause: clause, filed: d("2026-02-20"))
    }

    static func optOut(
        _ number: Int64 = 1, kind: EvidenceKind = .optOutScreenshot, captured: String = "2026-01-10",
        review: String? = "2026-06-30", until: String? = nil
    ) -> Rules.EvidenceFacts {
        Rules.EvidenceFacts(
            id: RecordID(.evidence, number), kind: kind, captured: d(captured), validUntil: until.map(d),
            reviewBy: review.map(d), filed: d(captured))
    }

    static let justification = Rules.EvidenceFacts(
        id: RecordID(.evidence, 1), kind: .technicalJustification, signed: d("2025-01-01"), filed: d("2025-01-02"))

    static let cases: [Case] = [
        // R2 agreement: in force from valid-from to valid-until, with a clause.
        Case(
            name: "R2 day before valid-from", route: .agreement, ownPurposes: .no, evidence: [agreement()],
            day: "2026-02-28", outcome: .missingEvidence, rule: "§3.1 R2"),
        Case(
            name: "R2 day of valid-from", route: .agreement, ownPurposes: .no, evidence: [agreement()],
            day: "2026-03-01", outcome: .compliant, rule: "§3.1 R2"),
        Case(
            name: "R2 day after valid-from", route: .agreement, ownPurposes: .no, evidence: [agreement()],
            day: "2026-03-02", outcome: .compliant, rule: "§3.1 R2"),
        Case(
            name: "R2 61 days before valid-until", route: .agreement, ownPurposes: .no, evidence: [agreement()],
            day: "2026-07-31", outcome: .compliant, rule: "§3.1 R2"),
        Case(
            name: "R2 60 days before valid-until", route: .agreement, ownPurposes: .no, evidence: [agreement()],
            day: "2026-08-01", outcome: .expiring, rule: "§3.1 R2"),
        Case(
            name: "R2 day before valid-until", route: .agreement, ownPurposes: .no, evidence: [agreement()],
            day: "2026-09-29", outcome: .expiring, rule: "§3.1 R2"),
        Case(
            name: "R2 day of valid-until", route: .agreement, ownPurposes: .no, evidence: [agreement()],
            day: "2026-09-30", outcome: .expiring, rule: "§3.1 R2"),
        Case(
            name: "R2 day after valid-until", route: .agreement, ownPurposes: .no, evidence: [agreement()],
            day: "2026-10-01", outcome: .missingEvidence, rule: "§3.1 R2"),
        Case(
            name: "R2 without a clause", route: .agreement, ownPurposes: .no, evidence: [agreement(clause: false)],
            day: "2026-04-01", outcome: .missingEvidence, rule: "§3.1 R2"),
        Case(
            name: "R2 open-ended", route: .agreement, ownPurposes: .no, evidence: [agreement(until: nil)],
            day: "2030-01-01", outcome: .compliant, rule: "§3.1 R2"),
        Case(
            name: "R2 signed date starts it when there is no valid-from", route: .agreement, ownPurposes: .no,
            evidence: [agreement(from: nil)], day: "2026-02-15", outcome: .compliant, rule: "§3.1 R2"),
        Case(
            name: "R2 day before signing without valid-from", route: .agreement, ownPurposes: .no,
            evidence: [agreement(from: nil)], day: "2026-02-14", outcome: .missingEvidence, rule: "§3.1 R2"),
        Case(
            name: "R2 an ordinary agreement will do", route: .agreement, ownPurposes: .unknown,
            evidence: [agreement(kind: .agreement)], day: "2026-04-01", outcome: .compliant, rule: "§3.1 R2"),
        Case(
            name: "R2 vendor terms are not an agreement", route: .agreement, ownPurposes: .no,
            evidence: [agreement(kind: .vendorTerms)], day: "2026-04-01", outcome: .missingEvidence, rule: "§3.1 R2"),
        Case(
            name: "R2 61 days before the last day to give notice", route: .agreement, ownPurposes: .no,
            evidence: [agreement(notice: 90)], day: "2026-05-02", outcome: .compliant, rule: "§3.1 R2"),
        Case(
            name: "R2 60 days before the last day to give notice", route: .agreement, ownPurposes: .no,
            evidence: [agreement(notice: 90)], day: "2026-05-03", outcome: .expiring, rule: "§3.1 R2"),
        Case(
            name: "R2 a lapsing and an open-ended agreement", route: .agreement, ownPurposes: .no,
            evidence: [agreement(1), agreement(2, until: nil)], day: "2026-09-29", outcome: .compliant,
            rule: "§3.1 R2"),
        Case(
            name: "R2 none filed", route: .agreement, ownPurposes: .no, evidence: [], day: "2026-04-01",
            outcome: .missingEvidence, rule: "§3.1 R2"),
        // R1 opt-out: captured on or before the day, not past its review date.
        Case(
            name: "R1 day before capture", route: .optOut, ownPurposes: .yes, evidence: [optOut()],
            day: "2026-01-09", outcome: .missingEvidence, rule: "§3.1 R1"),
        Case(
            name: "R1 day of capture", route: .optOut, ownPurposes: .yes, evidence: [optOut()],
            day: "2026-01-10", outcome: .compliant, rule: "§3.1 R1"),
        Case(
            name: "R1 day before review", route: .optOut, ownPurposes: .yes, evidence: [optOut()],
            day: "2026-06-29", outcome: .expiring, rule: "§3.1 R1"),
        Case(
            name: "R1 day of review", route: .optOut, ownPurposes: .yes, evidence: [optOut()],
            day: "2026-06-30", outcome: .expiring, rule: "§3.1 R1"),
        Case(
            name: "R1 day after review", route: .optOut, ownPurposes: .yes, evidence: [optOut()],
            day: "2026-07-01", outcome: .missingEvidence, rule: "§3.1 R1"),
        Case(
            name: "R1 config export counts too", route: .optOut, ownPurposes: .no,
            evidence: [optOut(kind: .optOutConfig)], day: "2026-02-01", outcome: .compliant, rule: "§3.1 R1"),
        Case(
            name: "R1 without review date, one year after capture", route: .optOut, ownPurposes: .no,
            evidence: [optOut(captured: "2025-06-15", review: nil)], day: "2026-06-15", outcome: .expiring,
            rule: "§3.1 R1"),
        Case(
            name: "R1 without review date, a year and a day after capture", route: .optOut, ownPurposes: .no,
            evidence: [optOut(captured: "2025-06-15", review: nil)], day: "2026-06-16", outcome: .missingEvidence,
            rule: "§3.1 R1"),
        Case(
            name: "R1 valid-until before the review date ends it", route: .optOut, ownPurposes: .no,
            evidence: [optOut(until: "2026-03-31")], day: "2026-04-01", outcome: .missingEvidence, rule: "§3.1 R1"),
        Case(
            name: "R1 an agreement does not prove an opt-out", route: .optOut, ownPurposes: .no,
            evidence: [agreement()], day: "2026-04-01", outcome: .missingEvidence, rule: "§3.1 R1"),
        // R3 technically necessary: a justification and no own-purpose use.
        Case(
            name: "R3 with justification, own purposes no", route: .technicallyNecessary, ownPurposes: .no,
            evidence: [justification], day: "2026-04-01", outcome: .compliant, rule: "§3.1 R3"),
        Case(
            name: "R3 with justification, own purposes unknown", route: .technicallyNecessary,
            ownPurposes: .unknown, evidence: [justification], day: "2026-04-01", outcome: .missingEvidence,
            rule: "§3.1 R3"),
        Case(
            name: "R3 with justification, own purposes yes", route: .technicallyNecessary, ownPurposes: .yes,
            evidence: [justification], day: "2026-04-01", outcome: .nonCompliant, rule: "§3.1 R3"),
        Case(
            name: "R3 without justification", route: .technicallyNecessary, ownPurposes: .no, evidence: [],
            day: "2026-04-01", outcome: .missingEvidence, rule: "§3.1 R3"),
        Case(
            name: "R3 justification not yet signed", route: .technicallyNecessary, ownPurposes: .no,
            evidence: [justification], day: "2024-12-31", outcome: .missingEvidence, rule: "§3.1 R3"),
        // No route.
        Case(
            name: "no route, even with evidence", route: .none, ownPurposes: .no, evidence: [agreement()],
            day: "2026-04-01", outcome: .nonCompliant, rule: "§3.1"),
    ]

    @Test(arguments: cases)
    func judges(_ rule: Case) {
        let finding = Rules.judge(
            route: rule.route, ownPurposes: rule.ownPurposes, evidence: rule.evidence, on: Self.d(rule.day),
            policy: .standard, rules: .v1)
        #expect(finding.outcome == rule.outcome, "\(finding.reason)")
        #expect(finding.rule == rule.rule)
        #expect(!finding.reason.isEmpty)
    }

    @Test func namesTheEvidenceItRestsOnAndWhenItLapses() {
        let finding = Rules.judge(
            route: .agreement, ownPurposes: .no, evidence: [Self.agreement(7, notice: 30)], on: Self.d("2026-08-15"),
            policy: .standard, rules: .v1)
        #expect(finding.outcome == .expiring)
        #expect(finding.evidence == [RecordID(.evidence, 7)])
        #expect(finding.lapses == Self.d("2026-08-31"))
        #expect(finding.reason.contains("EVD-7"))
    }

    @Test func explainsWhyAnAgreementFallsShort() {
        let finding = Rules.judge(
            route: .agreement, ownPurposes: .no, evidence: [Self.agreement(3, clause: false)],
            on: Self.d("2026-04-01"), policy: .standard, rules: .v1)
        #expect(finding.reason == "EVD-3 cites no clause restricting the vendor's own-purpose use")
        #expect(finding.evidence == [RecordID(.evidence, 3)])
    }

    @Test func theWarningWindowAndReviewPeriodAreSettings() {
        let policy = RulePolicy(optOutReviewMonths: 6, warningDays: 10)
        let capture = Self.optOut(captured: "2026-01-10", review: nil)
        #expect(
            Rules.judge(
                route: .optOut, ownPurposes: .no, evidence: [capture], on: Self.d("2026-06-29"), policy: policy,
                rules: .v1
            )
            .outcome == .compliant)
        #expect(
            Rules.judge(
                route: .optOut, ownPurposes: .no, evidence: [capture], on: Self.d("2026-06-30"), policy: policy,
                rules: .v1
            )
            .outcome == .expiring)
        #expect(
            Rules.judge(
                route: .optOut, ownPurposes: .no, evidence: [capture], on: Self.d("2026-07-11"), policy: policy,
                rules: .v1
            )
            .outcome == .missingEvidence)
    }
}

/// §2: each condition failing alone, and the ways joint ownership counts.
@Suite struct ScopeTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let kind: SolutionKind
        let mandatory: Bool
        let audience: Audience
        let owners: [AuthorityKind]
        let failing: [ScopeCondition]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "covered self-service", kind: .selfService, mandatory: true, audience: .citizens, owners: [.state],
            failing: []),
        Case(
            name: "S1 information only", kind: .information, mandatory: true, audience: .citizens, owners: [.state],
            failing: [.s1]),
        Case(
            name: "S2 optional channel", kind: .selfService, mandatory: false, audience: .citizens, owners: [.state],
            failing: [.s2]),
        Case(
            name: "S3 businesses only", kind: .selfService, mandatory: true, audience: .businesses, owners: [.state],
            failing: [.s3]),
        Case(
            name: "S4 municipality only", kind: .selfService, mandatory: true, audience: .citizens,
            owners: [.municipality], failing: [.s4]),
        Case(
            name: "S4 region only", kind: .selfService, mandatory: true, audience: .citizens, owners: [.region],
            failing: [.s4]),
        Case(
            name: "S4 municipality and region", kind: .selfService, mandatory: true, audience: .citizens,
            owners: [.municipality, .region], failing: [.s4]),
        Case(
            name: "S4 private only", kind: .selfService, mandatory: true, audience: .citizens, owners: [.private],
            failing: [.s4]),
        Case(
            name: "joint state and region", kind: .selfService, mandatory: true, audience: .citizens,
            owners: [.region, .state], failing: []),
        Case(
            name: "joint state and municipality", kind: .selfService, mandatory: true, audience: .citizens,
            owners: [.municipality, .state], failing: []),
        Case(
            name: "outsourced to a private operator", kind: .selfService, mandatory: true, audience: .citizens,
            owners: [.state, .private], failing: []),
        Case(
            name: "citizens and businesses", kind: .selfService, mandatory: true, audience: .both, owners: [.state],
            failing: []),
        Case(
            name: "national portal without S2", kind: .nationalPortal, mandatory: false, audience: .citizens,
            owners: [.state], failing: []),
        Case(
            name: "national portal for businesses", kind: .nationalPortal, mandatory: true, audience: .businesses,
            owners: [.state], failing: [.s3]),
        Case(
            name: "several conditions fail", kind: .information, mandatory: false, audience: .businesses,
            owners: [.municipality], failing: [.s1, .s3, .s4]),
    ]

    @Test(arguments: cases)
    func derivesScope(_ scopeCase: Case) {
        let scope = Scope(
            kind: scopeCase.kind, mandatory: scopeCase.mandatory, audience: scopeCase.audience,
            ownerKinds: scopeCase.owners)
        #expect(scope.failures.map(\.condition) == scopeCase.failing)
        #expect(scope.covered == scopeCase.failing.isEmpty)
        #expect(scope.citation == (scopeCase.failing.first?.citation ?? "§2"))
        #expect(scope.failures.allSatisfy { !$0.reason.isEmpty })
    }
}
