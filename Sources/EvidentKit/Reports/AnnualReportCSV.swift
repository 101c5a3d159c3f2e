extension AnnualReport {
    /// One row per authority and usage; Danish reports use `;` and a byte-order mark, as Danish spreadsheets expect.
    public func csv(language: ReportLanguage) -> String {
        let labels = language.labels
        let header = [language == .da ? "Myndighed" : "Authority", "CVR"] + labels.columns
        var rows: [[String]] = []
        for authority in authorities {
            for solution in authority.solutions {
                for usage in solution.usages {
                    let verdict = usage.verdict
                    rows.append([
                        authority.name, authority.cvr, verdict.usage.description, solution.name, verdict.serviceName,
                        verdict.vendorName, labels.route(verdict.route), labels.outcome(verdict.outcome), verdict.rule,
                        usage.evidence.map(labels.evidenceDates).joined(separator: " | "), verdict.reason,
                    ])
                }
            }
        }
        for solution in outOfScope {
            for failure in solution.failures {
                rows.append([
                    "", "", "", solution.name, "", "", "", labels.outcome(.outOfScope), failure.condition.citation, "",
                    failure.reason,
                ])
            }
        }
        let separator: Character = language == .da ? ";" : ","
        // The recorded moment heads the file, above the column names.
        return (language == .da ? "\u{FEFF}" : "")
            + CSV.render([recordedLine(language: language)], [header] + rows, separator: separator)
    }
}
