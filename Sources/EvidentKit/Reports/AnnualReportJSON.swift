import Foundation

/// `report.json` (`schema/annual-report.schema.json`): the codes scripts match on, and beside them the words for
/// people in the report's language.
extension AnnualReport: Encodable {
    private enum Key: String, CodingKey {
        case year, asOf, basis, language, warningDays, rulesVersion, totals, authorities, outOfScope, recorded
        case reproduce
    }

    /// The report as stable, pretty JSON with sorted keys, its human fields in `language`.
    func json(language: ReportLanguage) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.userInfo[ReportLanguage.userInfoKey] = language
        return try encoder.encode(self)
    }

    /// Encodes the report with its human fields in the encoder's `ReportLanguage` (English unless told).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(year, forKey: .year)
        try container.encode(asOf, forKey: .asOf)
        try container.encode(basis, forKey: .basis)
        try container.encode(ReportLanguage.of(encoder), forKey: .language)
        try container.encode(warningDays, forKey: .warningDays)
        try container.encode(rulesVersion, forKey: .rulesVersion)
        try container.encode(totals, forKey: .totals)
        try container.encode(authorities, forKey: .authorities)
        try container.encode(outOfScope, forKey: .outOfScope)
        try container.encodeIfPresent(recorded, forKey: .recorded)
        try container.encodeIfPresent(reproduce, forKey: .reproduce)
    }
}

extension AnnualReport.SolutionSection: Encodable {
    private enum Key: String, CodingKey {
        case placement, coverage, usages
    }

    /// The facts sit beside the placement, why §2 covers the solution, and the usages.
    public func encode(to encoder: any Encoder) throws {
        try facts.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(placement, forKey: .placement)
        try container.encode(
            ScopeWording.grounds(of: facts, language: ReportLanguage.of(encoder)).map {
                AnnualReport.ConditionWords(condition: $0.condition, reason: $0.text)
            }, forKey: .coverage)
        try container.encode(usages, forKey: .usages)
    }
}

extension AnnualReport.OutOfScope: Encodable {
    private enum Key: String, CodingKey {
        case authorities, failures
    }

    /// The facts sit beside the owners' ids and every failing condition.
    public func encode(to encoder: any Encoder) throws {
        try facts.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(facts.owners.map(\.authority), forKey: .authorities)
        let language = ReportLanguage.of(encoder)
        try container.encode(
            failures.map {
                AnnualReport.ConditionWords(
                    condition: $0.condition, reason: ScopeWording.failure($0, of: facts, language: language))
            }, forKey: .failures)
    }
}

extension AnnualReport.EvidenceLine: Encodable {
    private enum Key: String, CodingKey {
        case id, kind, title, status, clause, parties, allState, filedAt, filedBy, supersedes, supersededBy
    }

    /// The dates sit beside the other fields, as in evidence JSON.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(id, forKey: .id)
        try container.encode(kind, forKey: .kind)
        try container.encode(title, forKey: .title)
        try container.encode(status, forKey: .status)
        try dates.encode(to: encoder)
        try container.encodeIfPresent(clause, forKey: .clause)
        try container.encode(parties, forKey: .parties)
        try container.encode(allState, forKey: .allState)
        try container.encode(filedAt, forKey: .filedAt)
        try container.encode(filedBy, forKey: .filedBy)
        try container.encodeIfPresent(supersedes, forKey: .supersedes)
        try container.encode(supersededBy, forKey: .supersededBy)
    }
}

extension AnnualReport {
    /// A §2 condition and why it holds or fails, in the report's language.
    struct ConditionWords: Encodable {
        var condition: ScopeCondition
        var reason: String
    }
}
