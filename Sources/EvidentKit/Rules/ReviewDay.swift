extension EvidenceInfo {
    /// The day the evidence is due for review under `policy`, nil when it has none.
    ///
    /// Its own review date, else for opt-out evidence the capture plus the home's opt-out-review-months (§3.1 R1),
    /// as the verdicts and `due` count it.
    public func reviewDay(policy: RulePolicy) -> Day? {
        let filed = (try? Day(parsing: String(filedAt.prefix(10)))) ?? dates.captured ?? dates.validFrom
        guard let filed else { return dates.reviewBy }
        let facts = Rules.EvidenceFacts(id: id, kind: kind, dates: dates, filed: filed)
        return Rules.validity(of: facts, policy: policy).deadlines.first { $0.kind == .review }?.day
    }
}
