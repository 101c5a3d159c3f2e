/// The words for §2: why a solution is covered, and why a condition fails.
///
/// `Scope` decides and words its failures in English; the Danish words are keyed on the failing condition and
/// the solution's facts, so that they follow whatever `Scope` decides without a second copy of its rules.
enum ScopeWording {
    /// Why a condition fails, in `language`.
    static func failure(_ failure: Scope.Failure, of solution: AnnualReport.SolutionFacts, language: ReportLanguage)
        -> String
    {
        language == .da
            ? danish(failure.condition, ownerKinds: solution.owners.map(\.authorityKind)) : failure.reason
    }

    /// Why `condition` fails, in Danish; `ownerKinds` (when known) says which owners a solution that fails S4 has.
    static func danish(_ condition: ScopeCondition, ownerKinds: [AuthorityKind]?) -> String {
        switch condition {
        case .s1:
            return "den offentliggør kun information og er hverken en selvbetjeningsløsning eller en national portal"
        case .s2: return "den er en frivillig kanal, ikke borgernes obligatoriske"
        case .s3: return "den retter sig alene mod virksomheder, ikke mod borgere"
        case .s4:
            let notState = "ingen statslig myndighed stiller den helt eller delvist til rådighed"
            guard let ownerKinds else { return notState }
            if ownerKinds.isEmpty { return "ingen myndighed ejer den" }
            if ownerKinds.allSatisfy({ $0 == .private }) {
                return
                    "kun en privat aktør er registreret; den statslige myndighed, der har udliciteret løsningen, mangler"
            }
            let kinds = AuthorityKind.allCases.filter(ownerKinds.contains).map(ReportLanguage.da.authorityKind)
            return "\(notState) (ejere: \(kinds.joined(separator: ", ")))"
        }
    }

    /// Why a covered solution meets each condition that applies to it, in `language`.
    static func grounds(of solution: AnnualReport.SolutionFacts, language: ReportLanguage)
        -> [(condition: ScopeCondition, text: String)]
    {
        let words = language
        let obligation =
            solution.kind == .selfService
            ? words.mandatory(solution.mandatory)
                + (solution.mandatedBy.map { words.pick(" efter \($0)", " under \($0)") } ?? "")
            : words.pick("gælder ikke nationale portaler", "does not apply to national portals")
        let state = solution.owners.filter { $0.authorityKind == .state }.map {
            "\($0.authorityName) (\(words.role($0.role)))"
        }
        return [
            (.s1, words.solutionKind(solution.kind)),
            (.s2, obligation),
            (.s3, words.pick("retter sig mod ", "aimed at ") + words.audience(solution.audience)),
            (
                .s4,
                (state.count == 1
                    ? words.pick("statslig ejer: ", "state owner: ")
                    : words.pick("statslige ejere: ", "state owners: ")) + state.joined(separator: ", ")
            ),
        ]
    }
}
