import EvidentKit
import Testing

/// Rules version 2 (RULES.md, "How the registry applies §3.1"), one row per boundary of each numbered point.
@Suite struct RulesV2Tests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        var route: Route = .agreement
        var ownPurposes: OwnPurposes = .no
        let evidence: [Rules.EvidenceFacts]
        var owners = RulesV2Tests.skat
        let day: String
        let outcome: Outcome
        let rule: String
        /// The route that holds when it is not the claimed one.
        var otherRoute: Route? = nil
        var testDescription: String { name }
    }

    static func d(_ text: String) -> Day { try! Day(parsing: text) }
    static let skat = Rules.Owners(authorities: [1], includesState: true)
    static let municipality = Rules.Owners(authorities: [7], includesState: false)

    static func dpa(
        _ number: Int64 = 1, kind: EvidenceKind = .dataProcessingAgreement, signed: String? = "2026-02-15",
        from: String? = "2026-03-01", until: String? = "2026-12-31", review: String? = nil, notice: Int? = nil,
        clause: Bool = false, parties: [Int64] = [1], allState: Bool = false, superseded: Rules.Supersession? = nil
    ) -> Rules.EvidenceFacts {
        Rules.EvidenceFacts(
            id: RecordID(.evidence, number), kind: kind, signed: signed.map(d), validFrom: from.map(d),
            validUntil: until.map(d), reviewBy: review.map(d), noticeDays: notice, hasClause: clause,
            filed: d("2026-02-20"), parties: parties, allState: allState, superseded: superseded)
    }

    static func optOut(
        _ number: Int64 = 2, captured: String = "2026-01-10", review: String? = nil, until: String? = nil,
        parties: [Int64] = [1]
    ) -> Rules.EvidenceFacts {
        Rules.EvidenceFacts(
            id: RecordID(.evidence, number), kind: .optOutScreenshot, captured: d(captured), validUntil: until.map(d),
            reviewBy: review.map(d), filed: d(captured), parties: parties)
    }

    static func justification(review: String? = nil) -> Rules.EvidenceFacts {
        Rules.EvidenceFacts(
            id: RecordID(.evidence, 3), kind: .technicalJustification, signed: d("2025-01-01"),
            reviewBy: review.map(d), filed: d("2025-01-02"), parties: [1])
    }

    static let cases: [Case] = [
        // 1. Any route that holds is enough; the claimed one is cited when several hold.
        Case(
            name: "1 R1 claimed, only R2 proven", route: .optOut, evidence: [dpa()], day: "2026-04-01",
            outcome: .compliant, rule: "§3.1 R2", otherRoute: .agreement),
        Case(
            name: "1 R2 claimed, R1 and R2 proven: R2 cited", route: .agreement, evidence: [dpa(), optOut()],
            day: "2026-04-01", outcome: .compliant, rule: "§3.1 R2"),
        Case(
            name: "1 R1 claimed, R1 and R2 proven: R1 cited", route: .optOut, evidence: [dpa(), optOut()],
            day: "2026-04-01", outcome: .compliant, rule: "§3.1 R1"),
        Case(
            name: "1 no route claimed, R2 proven", route: .none, evidence: [dpa()], day: "2026-04-01",
            outcome: .compliant, rule: "§3.1 R2", otherRoute: .agreement),
        Case(
            name: "1 no route claimed, none proven", route: .none, evidence: [], day: "2026-04-01",
            outcome: .nonCompliant, rule: "§3.1"),
        Case(
            name: "1 R2 claimed, nothing proven", route: .agreement, evidence: [], day: "2026-04-01",
            outcome: .missingEvidence, rule: "§3.1 R2"),
        // 2. Own-purpose use defeats every route; unknown blocks only R3.
        Case(
            name: "2 yes defeats R2", route: .agreement, ownPurposes: .yes, evidence: [dpa(clause: true)],
            day: "2026-04-01", outcome: .nonCompliant, rule: "§3.1 R2"),
        Case(
            name: "2 yes defeats R1", route: .optOut, ownPurposes: .yes, evidence: [optOut()], day: "2026-04-01",
            outcome: .nonCompliant, rule: "§3.1 R1"),
        Case(
            name: "2 yes defeats R3", route: .technicallyNecessary, ownPurposes: .yes, evidence: [justification()],
            day: "2026-04-01", outcome: .nonCompliant, rule: "§3.1 R3"),
        Case(
            name: "2 unknown leaves R1", route: .optOut, ownPurposes: .unknown, evidence: [optOut()],
            day: "2026-04-01", outcome: .compliant, rule: "§3.1 R1"),
        Case(
            name: "2 unknown leaves R2", route: .agreement, ownPurposes: .unknown, evidence: [dpa()],
            day: "2026-04-01", outcome: .compliant, rule: "§3.1 R2"),
        Case(
            name: "2 unknown blocks R3", route: .technicallyNecessary, ownPurposes: .unknown,
            evidence: [justification()], day: "2026-04-01", outcome: .missingEvidence, rule: "§3.1 R3"),
        Case(
            name: "2 no lets R3", route: .technicallyNecessary, evidence: [justification()], day: "2026-04-01",
            outcome: .compliant, rule: "§3.1 R3"),
        // 3. What proves R2.
        Case(
            name: "3 DPA without clause", evidence: [dpa()], day: "2026-04-01", outcome: .compliant,
            rule: "§3.1 R2"),
        Case(
            name: "3 agreement without clause", evidence: [dpa(kind: .agreement)], day: "2026-04-01",
            outcome: .missingEvidence, rule: "§3.1 R2"),
        Case(
            name: "3 agreement with clause", evidence: [dpa(kind: .agreement, clause: true)], day: "2026-04-01",
            outcome: .compliant, rule: "§3.1 R2"),
        Case(
            name: "3 vendor terms without clause", evidence: [dpa(kind: .vendorTerms)], day: "2026-04-01",
            outcome: .missingEvidence, rule: "§3.1 R2"),
        Case(
            name: "3 vendor terms with clause", evidence: [dpa(kind: .vendorTerms, clause: true)],
            day: "2026-04-01", outcome: .compliant, rule: "§3.1 R2"),
        Case(
            name: "3 other evidence proves nothing", evidence: [dpa(kind: .other, clause: true)], day: "2026-04-01",
            outcome: .missingEvidence, rule: "§3.1 R2"),
        // 4. Evidence belongs to its parties.
        Case(
            name: "4 a party owns the solution", evidence: [dpa(parties: [1, 5])], day: "2026-04-01",
            outcome: .compliant, rule: "§3.1 R2"),
        Case(
            name: "4 another authority's evidence", evidence: [dpa(parties: [5])], day: "2026-04-01",
            outcome: .missingEvidence, rule: "§3.1 R2"),
        Case(
            name: "4 a framework agreement on a state solution", evidence: [dpa(parties: [], allState: true)],
            day: "2026-04-01", outcome: .compliant, rule: "§3.1 R2"),
        Case(
            name: "4 a framework agreement without a state owner", evidence: [dpa(parties: [], allState: true)],
            owners: municipality, day: "2026-04-01", outcome: .missingEvidence, rule: "§3.1 R2"),
        Case(
            name: "4 an opt-out in another authority's setup", route: .optOut, evidence: [optOut(parties: [5])],
            day: "2026-04-01", outcome: .missingEvidence, rule: "§3.1 R1"),
        // 5. Dates: start and end inclusive, review dates lapse every kind.
        Case(
            name: "5 R2 day before valid-from", evidence: [dpa()], day: "2026-02-28", outcome: .missingEvidence,
            rule: "§3.1 R2"),
        Case(
            name: "5 R2 day of valid-from", evidence: [dpa()], day: "2026-03-01", outcome: .compliant, rule: "§3.1 R2"),
        Case(
            name: "5 R2 signed, no valid-from: day of signing", evidence: [dpa(from: nil)], day: "2026-02-15",
            outcome: .compliant, rule: "§3.1 R2"),
        Case(
            name: "5 R2 signed, no valid-from: day before signing", evidence: [dpa(from: nil)], day: "2026-02-14",
            outcome: .missingEvidence, rule: "§3.1 R2"),
        Case(
            name: "5 R2 day of valid-until", evidence: [dpa()], day: "2026-12-31", outcome: .expiring,
            rule: "§3.1 R2"),
        Case(
            name: "5 R2 day after valid-until", evidence: [dpa()], day: "2027-01-01", outcome: .missingEvidence,
            rule: "§3.1 R2"),
        Case(
            name: "5 R2 day of review-by", evidence: [dpa(until: nil, review: "2026-09-30")], day: "2026-09-30",
            outcome: .expiring, rule: "§3.1 R2"),
        Case(
            name: "5 R2 day after review-by", evidence: [dpa(until: nil, review: "2026-09-30")], day: "2026-10-01",
            outcome: .missingEvidence, rule: "§3.1 R2"),
        Case(
            name: "5 R3 day after review-by", route: .technicallyNecessary,
            evidence: [justification(review: "2026-03-31")],
            day: "2026-04-01", outcome: .missingEvidence, rule: "§3.1 R3"),
        Case(
            name: "5 R1 day before capture", route: .optOut, evidence: [optOut()], day: "2026-01-09",
            outcome: .missingEvidence, rule: "§3.1 R1"),
        Case(
            name: "5 R1 day of capture", route: .optOut, evidence: [optOut()], day: "2026-01-10", outcome: .compliant,
            rule: "§3.1 R1"),
        Case(
            name: "5 R1 12 months after capture", route: .optOut, evidence: [optOut()], day: "2027-01-10",
            outcome: .expiring, rule: "§3.1 R1"),
        Case(
            name: "5 R1 day after the default review", route: .optOut, evidence: [optOut()], day: "2027-01-11",
            outcome: .missingEvidence, rule: "§3.1 R1"),
        Case(
            name: "5 R1 valid-until before the review", route: .optOut, evidence: [optOut(until: "2026-05-31")],
            day: "2026-06-01", outcome: .missingEvidence, rule: "§3.1 R1"),
        // 5. Supersession takes effect when the successor starts.
        Case(
            name: "5 superseded, day before the successor starts",
            evidence: [dpa(until: "2027-12-31", superseded: .from(d("2027-01-01")))], day: "2026-12-31",
            outcome: .expiring, rule: "§3.1 R2"),
        Case(
            name: "5 superseded, day the successor starts",
            evidence: [dpa(until: "2027-12-31", superseded: .from(d("2027-01-01")))], day: "2027-01-01",
            outcome: .missingEvidence, rule: "§3.1 R2"),
        Case(
            name: "5 superseded by a successor with no start",
            evidence: [dpa(until: "2027-12-31", superseded: .entirely)], day: "2026-04-01",
            outcome: .missingEvidence, rule: "§3.1 R2"),
        Case(
            name: "5 a renewal that follows on is no lapse",
            evidence: [
                dpa(1, superseded: .from(d("2027-01-01"))),
                dpa(4, signed: "2026-11-20", from: "2027-01-01", until: "2028-12-31"),
            ], day: "2026-12-15", outcome: .compliant, rule: "§3.1 R2"),
        Case(
            name: "5 the renewal takes over on its first day",
            evidence: [
                dpa(1, superseded: .from(d("2027-01-01"))),
                dpa(4, signed: "2026-11-20", from: "2027-01-01", until: "2028-12-31"),
            ], day: "2027-01-01", outcome: .compliant, rule: "§3.1 R2"),
        // 6. Warning window, notice included.
        Case(
            name: "6 61 days before valid-until", evidence: [dpa()], day: "2026-10-31", outcome: .compliant,
            rule: "§3.1 R2"),
        Case(
            name: "6 60 days before valid-until", evidence: [dpa()], day: "2026-11-01", outcome: .expiring,
            rule: "§3.1 R2"),
        Case(
            name: "6 61 days before the notice deadline", evidence: [dpa(notice: 30)], day: "2026-10-01",
            outcome: .compliant, rule: "§3.1 R2"),
        Case(
            name: "6 60 days before the notice deadline", evidence: [dpa(notice: 30)], day: "2026-10-02",
            outcome: .expiring, rule: "§3.1 R2"),
    ]

    @Test(arguments: cases)
    func judges(_ rule: Case) {
        let finding = Rules.judge(
            route: rule.route, ownPurposes: rule.ownPurposes, evidence: rule.evidence, on: Self.d(rule.day),
            policy: .standard, owners: rule.owners, rules: .v2)
        #expect(finding.outcome == rule.outcome, "\(finding.reason)")
        #expect(finding.rule == rule.rule)
        switch finding.explanation {
        case .proven(_, let route), .lapsing(_, _, let route): #expect(route == rule.otherRoute)
        default: #expect(rule.otherRoute == nil)
        }
    }

    @Test func aRenewalsLapseIsItsOwn() {
        let finding = Rules.judge(
            route: .agreement, ownPurposes: .no,
            evidence: [
                Self.dpa(1, superseded: .from(Self.d("2027-01-01"))),
                Self.dpa(4, signed: "2026-11-20", from: "2027-01-01", until: "2027-01-31"),
            ], on: Self.d("2026-12-15"), policy: .standard, owners: Self.skat, rules: .v2)
        #expect(finding.outcome == .expiring)
        #expect(finding.lapses == Self.d("2027-01-31"))
        #expect(finding.evidence == [RecordID(.evidence, 1)])
    }

    @Test func explainsWhatIsWrongWithEachPieceOfEvidence() {
        let finding = Rules.judge(
            route: .agreement, ownPurposes: .no,
            evidence: [
                Self.dpa(1, parties: [5]), Self.dpa(4, kind: .agreement), Self.dpa(5, until: "2026-03-31"),
                Self.dpa(6, from: "2026-05-01"),
            ], on: Self.d("2026-04-01"), policy: .standard, owners: Self.skat, rules: .v2)
        #expect(
            finding.explanation
                == .evidenceFails([
                    .init(evidence: RecordID(.evidence, 1), kind: .notAParty, day: nil),
                    .init(evidence: RecordID(.evidence, 4), kind: .noClause, day: nil),
                    .init(evidence: RecordID(.evidence, 5), kind: .expired, day: Self.d("2026-03-31")),
                    .init(evidence: RecordID(.evidence, 6), kind: .notYetInForce, day: Self.d("2026-05-01")),
                ]))
    }

    @Test(arguments: [("2022-02-01", true), ("2022-02-02", false), ("2026-11-30", false)])
    func noVerdictsBeforeTheGuidance(_ day: String, _ refused: Bool) {
        if refused {
            #expect(throws: InputError.self) { try Rules.checkReferenceDay(Self.d(day), field: .asOf) }
        } else {
            #expect(throws: Never.self) { try Rules.checkReferenceDay(Self.d(day), field: .asOf) }
        }
        // Bundles judged under rules version 1 keep their verdicts, whatever their date.
        #expect(throws: Never.self) { try Rules.checkReferenceDay(Self.d(day), field: .asOf, rules: .v1) }
    }

    @Test(arguments: [
        ([AuthorityKind.private], "commissioning state authority is missing"),
        ([.municipality, .private], "owned by municipality and private authorities only"),
        ([], "no authority owns it"),
    ])
    func scopeSaysWhyS4Fails(_ kinds: [AuthorityKind], _ words: String) {
        let scope = Scope(kind: .selfService, mandatory: true, audience: .citizens, ownerKinds: kinds)
        #expect(scope.failures.map(\.condition) == [.s4])
        #expect(scope.failures.first?.reason.contains(words) == true)
    }

    @Test func aPortalsScopeLineSaysS2DoesNotApply() {
        #expect(Scope.coveredReason(for: .nationalPortal).contains("S2 does not apply"))
        #expect(Scope.coveredReason(for: .selfService).contains("S1-S4 hold"))
    }
}
