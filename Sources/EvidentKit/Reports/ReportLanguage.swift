import Foundation

/// The languages reports are written in; Danish by default, as the guidance is.
public enum ReportLanguage: String, Sendable, CaseIterable, Codable {
    /// Danish or English.
    case da, en

    /// The words a report uses for people.
    struct Labels {
        let title: String
        let subtitle: (AnnualReport) -> String
        let totals: String
        let perAuthority: String
        let chartTitle: String
        let outOfScope: String
        let outOfScopeNote: String
        let noCovered: String
        let columns: [String]
        let outOfScopeColumns: [String]
        let outcome: (Outcome) -> String
        let route: (Route) -> String
        let evidenceDates: (AnnualReport.EvidenceLine) -> String
        let footer: String
    }

    var labels: Labels {
        switch self {
        case .da:
            Labels(
                title: "Tredjepartstjenester på statslige, obligatoriske selvbetjeningsløsninger",
                subtitle: {
                    "Evaluering for \($0.year) efter vejledningens §4, opgjort pr. \($0.asOf). "
                        + "Udløber snart: beviset bortfalder inden for \($0.warningDays) dage."
                },
                totals: "I alt", perAuthority: "Pr. myndighed", chartTitle: "Vurderinger pr. myndighed",
                outOfScope: "Løsninger uden for vejledningens anvendelsesområde (§2)",
                outOfScopeNote: "For disse gælder cookiebekendtgørelsen alene.",
                noCovered: "Ingen omfattede løsninger.",
                columns: [
                    "Brug", "Løsning", "Tjeneste", "Leverandør", "Grundlag", "Vurdering", "Regel", "Dokumentation",
                    "Begrundelse",
                ],
                outOfScopeColumns: ["Løsning", "Myndigheder", "Betingelse", "Begrundelse"],
                outcome: {
                    switch $0 {
                    case .compliant: "i orden"
                    case .expiring: "udløber snart"
                    case .missingEvidence: "mangler dokumentation"
                    case .nonCompliant: "ikke tilladt"
                    case .outOfScope: "uden for anvendelsesområdet"
                    }
                },
                route: {
                    switch $0 {
                    case .optOut: "fravalg (R1)"
                    case .agreement: "aftale (R2)"
                    case .technicallyNecessary: "teknisk nødvendig (R3)"
                    case .none: "intet grundlag"
                    }
                },
                evidenceDates: {
                    ReportLanguage.dates(
                        $0, ["optaget", "underskrevet", "gyldig fra", "gyldig til", "revideres", "klausul"])
                },
                footer: "Udarbejdet med evident efter Erhvervsstyrelsens vejledning af 2. februar 2022.")
        case .en:
            Labels(
                title: "Third-party services on mandatory state self-service solutions",
                subtitle: {
                    "Evaluation for \($0.year) under §4 of the guidance, as of \($0.asOf). "
                        + "Expiring: the proof lapses within \($0.warningDays) days."
                },
                totals: "Totals", perAuthority: "Per authority", chartTitle: "Verdicts per authority",
                outOfScope: "Solutions outside the guidance (§2)",
                outOfScopeNote: "The cookie order alone applies to these.",
                noCovered: "No covered solutions.",
                columns: ["Usage", "Solution", "Service", "Vendor", "Route", "Verdict", "Rule", "Evidence", "Why"],
                outOfScopeColumns: ["Solution", "Authorities", "Condition", "Why"],
                outcome: { $0.rawValue },
                route: {
                    switch $0 {
                    case .optOut: "opt-out (R1)"
                    case .agreement: "agreement (R2)"
                    case .technicallyNecessary: "technically necessary (R3)"
                    case .none: "no route"
                    }
                },
                evidenceDates: {
                    ReportLanguage.dates(
                        $0, ["captured", "signed", "valid from", "valid until", "review by", "clause"])
                },
                footer: "Prepared with evident under Erhvervsstyrelsen's guidance of 2 February 2022.")
        }
    }

    static func dates(_ evidence: AnnualReport.EvidenceLine, _ words: [String]) -> String {
        let dates = evidence.dates
        let parts: [(String, String?)] = [
            (words[0], dates.captured?.description), (words[1], dates.signed?.description),
            (words[2], dates.validFrom?.description), (words[3], dates.validUntil?.description),
            (words[4], dates.reviewBy?.description), (words[5], evidence.clause),
        ]
        let shown = parts.compactMap { word, value in value.map { "\(word) \($0)" } }.joined(separator: ", ")
        return "\(evidence.id) \(evidence.title) (\(evidence.kind.rawValue)\(shown.isEmpty ? "" : "; " + shown))"
    }
}
