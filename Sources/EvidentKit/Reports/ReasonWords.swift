/// The words of the last reason written: verdicts in a row often share theirs (every usage of a solution out of
/// scope has the same), and wording each again was a fifth of writing status's JSON.
struct ReasonWords {
    private var explanation: Reason?
    private var solutionName = ""
    private var words = ""

    /// The words of `verdict`'s reason in English.
    mutating func text(of verdict: Verdict) -> String {
        if verdict.explanation != explanation || verdict.solutionName != solutionName {
            (explanation, solutionName, words) = (verdict.explanation, verdict.solutionName, verdict.reason)
        }
        return words
    }
}
