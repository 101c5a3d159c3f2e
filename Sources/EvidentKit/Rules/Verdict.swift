/// The verdict on one usage: its outcome, the rule it rests on, why, and the evidence it used.
public struct Verdict: Sendable, Codable, Equatable {
    public var usage: RecordID
    public var solution: RecordID
    public var solutionName: String
    public var authorities: [RecordID]
    public var service: RecordID
    public var serviceName: String
    public var vendor: RecordID
    public var vendorName: String
    public var route: Route
    public var vendorOwnPurposes: OwnPurposes
    public var outcome: Outcome
    /// The rule cited, such as `§3.1 R2` or `§2 S4`.
    public var rule: String
    public var reason: String
    /// The evidence the verdict rests on (or that was considered and found wanting).
    public var evidence: [RecordID]
    /// When the proof next lapses (review date, end of validity, or last day to give notice), if it does.
    public var lapses: Day?
}
