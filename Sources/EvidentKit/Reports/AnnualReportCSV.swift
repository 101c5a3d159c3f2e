extension AnnualReport {
    /// One row per usage line, per covered solution without usages and per failing §2 condition; Danish reports
    /// use `;` and a byte-order mark, as Danish spreadsheets expect.
    func csv(language: ReportLanguage) -> String {
        let words = language
        let header =
            [
                words.pick("Myndighed", "Authority"), "CVR", words.pick("Løsning", "Solution"),
                words.pick("Art og adresse", "Kind and address"), words.pick("Målgruppe", "Audience"),
                words.pick("Obligatorisk", "Mandatory"), words.pick("Ejere", "Owners"),
                words.pick("Omfattet af vejledningen", "Covered by the guidance"),
            ] + words.usageColumns + [words.pick("Vurderet pr.", "Judged on"), words.pick("Dokumentation", "Evidence")]
        func solutionCells(_ facts: SolutionFacts, grounds: String) -> [String] {
            [
                "\(facts.name) (\(facts.id))", words.solutionLine(facts), words.audience(facts.audience),
                words.obligationLine(facts), words.ownersLine(facts), grounds,
            ]
        }
        var rows: [[String]] = []
        for authority in authorities {
            for solution in authority.solutions {
                let prefix =
                    [authority.name, authority.cvr]
                    + solutionCells(solution.facts, grounds: words.groundsLine(solution.facts))
                if solution.usages.isEmpty {
                    rows.append(
                        prefix + ["", words.noServices] + Array(repeating: "", count: header.count - prefix.count - 2))
                }
                for usage in solution.usages {
                    let verdict = usage.verdict
                    rows.append(
                        prefix + [
                            verdict.usage.description, words.serviceLine(usage), words.vendorLine(usage),
                            words.periodLine(usage), usage.purpose ?? "", words.ownPurposes(verdict.vendorOwnPurposes),
                            words.route(verdict.route), words.outcome(verdict.outcome), verdict.rule,
                            verdict.reason(in: words), usage.judgedOn.description,
                            usage.evidence.map(words.evidenceLine).joined(separator: " | "),
                        ])
                }
            }
        }
        for solution in outOfScope {
            for failure in solution.failures {
                let prefix = ["", ""] + solutionCells(solution.facts, grounds: "")
                rows.append(
                    prefix + ["", "", "", "", "", "", "", words.outcome(.outOfScope), failure.condition.citation]
                        + [ScopeWording.failure(failure, of: solution.facts, language: words), "", ""])
            }
        }
        let separator: Character = language == .da ? ";" : ","
        // The recorded moment heads the file, above the column names.
        return (language == .da ? "\u{FEFF}" : "")
            + CSV.render([recordedLine(language: language)], [header] + rows, separator: separator)
    }
}
