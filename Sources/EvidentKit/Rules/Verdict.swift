/// The verdict on one usage: its outcome, the rule it rests on, why, and the evidence it used.
public struct Verdict: Sendable, Equatable {
    /// The usage judged.
    public var usage: RecordID
    /// The solution that embeds the service.
    public var solution: RecordID
    /// The solution's name.
    public var solutionName: String
    /// The authorities that own the solution.
    public var authorities: [RecordID]
    /// The service embedded.
    public var service: RecordID
    /// The service's name.
    public var serviceName: String
    /// The vendor of the service.
    public var vendor: RecordID
    /// The vendor's name.
    public var vendorName: String
    /// The §3.1 route the usage claims.
    public var route: Route
    /// Whether the vendor can use the data for its own purposes.
    public var vendorOwnPurposes: OwnPurposes
    /// The outcome on the reference date.
    public var outcome: Outcome
    /// The rule cited, such as `§3.1 R2` or `§2 S4`.
    public var rule: String
    /// Why, as a code and its parameters.
    public var explanation: Reason
    /// The evidence the verdict rests on (or that was considered and found wanting).
    public var evidence: [RecordID]
    /// When the proof next lapses (review date, end of validity, or last day to give notice), if it does.
    public var lapses: Day?
}

extension Verdict: Encodable {
    private enum Key: String, CodingKey {
        case usage, solution, solutionName, authorities, service, serviceName, vendor, vendorName, route
        case vendorOwnPurposes, outcome, rule, explanation, reason, evidence, lapses
    }

    /// Why, in English words: the reason rendered from its code and parameters.
    public var reason: String { reason(in: .en) }

    /// Why, in the words of `language`.
    public func reason(in language: ReportLanguage) -> String {
        ReasonWording.text(explanation, solutionName: solutionName, language: language)
    }

    /// Encodes the reason both ways: its code and parameters, which mean something, and its words, for reading
    /// (in the language `ReportLanguage.userInfoKey` names, else English).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(usage, forKey: .usage)
        try container.encode(solution, forKey: .solution)
        try container.encode(solutionName, forKey: .solutionName)
        try container.encode(authorities, forKey: .authorities)
        try container.encode(service, forKey: .service)
        try container.encode(serviceName, forKey: .serviceName)
        try container.encode(vendor, forKey: .vendor)
        try container.encode(vendorName, forKey: .vendorName)
        try container.encode(route, forKey: .route)
        try container.encode(vendorOwnPurposes, forKey: .vendorOwnPurposes)
        try container.encode(outcome, forKey: .outcome)
        try container.encode(rule, forKey: .rule)
        try container.encode(explanation, forKey: .explanation)
        try container.encode(reason(in: ReportLanguage.of(encoder)), forKey: .reason)
        try container.encode(evidence, forKey: .evidence)
        try container.encodeIfPresent(lapses, forKey: .lapses)
    }
}
