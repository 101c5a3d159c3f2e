import ArgumentParser
import EvidentKit

extension ReportLanguage: ExpressibleByArgument {}

/// The `--lang` of commands that print tables, verdicts and reasons for people.
struct LanguageOptions: ParsableArguments {
    @Option(
        help: """
            The language of tables, verdicts and reasons (default: Danish when LC_ALL, LC_MESSAGES or LANG \
            starts with da, else English). JSON and CSV keep their English values.
            """)
    var lang: ReportLanguage?

    /// The language chosen, else the one the locale names.
    var words: ReportLanguage { lang ?? Self.locale(Console.current.environment) }

    /// The language of the first locale variable set, as POSIX orders them; English unless it is Danish.
    static func locale(_ environment: [String: String]) -> ReportLanguage {
        let name = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        return name?.hasPrefix("da") == true ? .da : .en
    }
}

/// The Danish for the column headings of the command line's tables; English ones are written in the commands.
enum TableWords {
    static let danish: [String: String] = [
        "ID": "ID", "NAME": "NAVN", "CVR": "CVR", "KIND": "TYPE", "AUDIENCE": "MÅLGRUPPE",
        "MANDATORY": "OBLIGATORISK", "OWNERS": "EJERE", "SCOPE": "OMFATTET", "COUNTRY": "LAND",
        "CVR/VAT": "CVR/MOMS", "VENDOR": "LEVERANDØR", "CATEGORY": "KATEGORI", "HOSTS": "VÆRTER",
        "SOLUTION": "LØSNING", "SERVICE": "TJENESTE", "SINCE": "FRA", "UNTIL": "TIL", "ROUTE": "GRUNDLAG",
        "OWN PURPOSES": "EGNE FORMÅL", "STATUS": "STATUS", "VALID UNTIL": "GYLDIG TIL", "REVIEW BY": "REVIDERES",
        "COVERS": "DÆKKER", "PARTIES": "PARTER", "TITLE": "TITEL", "USAGE": "BRUG", "VERDICT": "VURDERING",
        "RULE": "REGEL", "EVIDENCE": "DOKUMENTATION", "WHY": "BEGRUNDELSE", "DATE": "DATO", "IN": "OM",
        "WHAT": "HVAD", "EVENT": "HÆNDELSE", "AT": "TIDSPUNKT", "ACTOR": "AKTØR", "COMMAND": "KOMMANDO",
        "RECORDS": "POSTER", "HASH": "HASH",
    ]

    /// `headings` in `words`: the Danish one for each, where the table has one.
    static func headings(_ headings: [String], _ words: ReportLanguage) -> [String] {
        words == .da ? headings.map { danish[$0] ?? $0 } : headings
    }
}
