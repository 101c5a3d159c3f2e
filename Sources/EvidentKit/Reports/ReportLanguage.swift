import Foundation

/// The languages reports are written in; Danish by default, as the guidance is.
public enum ReportLanguage: String, Sendable, CaseIterable, Codable {
    /// Danish or English.
    case da, en

    /// The key under which an encoder's `userInfo` names the language of the human fields it writes.
    static let userInfoKey = CodingUserInfoKey(rawValue: "evident.reportLanguage")!

    /// The language `encoder` writes human fields in: its `userInfoKey`, else English.
    static func of(_ encoder: any Encoder) -> ReportLanguage {
        encoder.userInfo[userInfoKey] as? ReportLanguage ?? .en
    }

    /// The report's title.
    var title: String {
        pick(
            "Tredjepartstjenester på statslige, obligatoriske selvbetjeningsløsninger",
            "Third-party services on mandatory state self-service solutions")
    }

    /// The columns of a usage, in HTML and CSV.
    var usageColumns: [String] {
        [
            pick("Brug", "Usage"), pick("Tjeneste", "Service"), pick("Leverandør", "Vendor"),
            pick("Periode", "Period"), pick("Formål", "Purpose"),
            pick("Egne formål", "Own purposes"), pick("Grundlag", "Route"), pick("Vurdering", "Verdict"),
            pick("Regel", "Rule"), pick("Begrundelse", "Why"),
        ]
    }

    /// What a solution with no usage in the year shows instead of its usages.
    var noServices: String {
        pick("Ingen tredjepartstjenester i året.", "No third-party services in the year.")
    }

    /// The note on a solution that no authority is registered as responsible for.
    var noResponsible: String {
        pick(
            "Ingen myndighed er registreret som ansvarlig; løsningen står under sin første statslige ejer.",
            "No authority is registered as responsible; the solution is listed under its first state owner.")
    }
}
