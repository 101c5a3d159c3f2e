extension AnnualReport {
    /// One self-contained HTML page: no scripts, fonts, images or styles from anywhere else, readable in print.
    func html(language: ReportLanguage) -> String {
        let words = language
        // A bundle's page shows the verdicts on its reference date, not a year's evaluation.
        let heading = bundle == nil ? "\(words.title) \(year)" : words.title
        var page = """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTML.escape(heading))</title>
            <style>
            body { font-family: system-ui, "Segoe UI", Helvetica, Arial, sans-serif; margin: 2rem; color: #1a1a1a; }
            h1 { font-size: 1.5rem; } h2 { font-size: 1.25rem; margin-top: 2.5rem; }
            h3 { font-size: 1.1rem; margin: 2rem 0 0.2rem; } h4 { font-size: 1rem; margin: 1.2rem 0 0.3rem; }
            table { border-collapse: collapse; width: 100%; margin: 0.4rem 0 1rem; font-size: 0.85rem; }
            th, td { border: 1px solid #bbb; padding: 0.3rem 0.4rem; text-align: left; vertical-align: top; }
            th { background: #eee; }
            table.facts th { width: 12rem; font-weight: 600; }
            table.totals { width: auto; } table.totals th, table.totals td { min-width: 9rem; }
            td.evidence { background: #fafafa; padding-left: 1.5rem; }
            td.evidence ul { margin: 0; padding-left: 1rem; }
            .verdict { font-weight: 600; }
            .note { font-style: italic; }
            .meta { margin: 0.2rem 0; }
            \(Outcome.allCases.map { ".\($0.rawValue) { border-left: 6px solid \($0.colour); }" }.joined(separator: "\n"))
            .legend span { display: inline-block; margin-right: 1rem; }
            .swatch { display: inline-block; width: 0.8rem; height: 0.8rem; margin-right: 0.3rem; vertical-align: middle; }
            @media print { body { margin: 1cm; } article { break-inside: avoid-page; } th { background: none; } }
            </style>
            </head>
            <body>
            <h1>\(HTML.escape(heading))</h1>
            \(words.headerLines(self).map { "<p class=\"meta\">\(HTML.escape($0))</p>" }.joined(separator: "\n"))
            <h2>\(HTML.escape(words.pick("I alt", "Totals")))</h2>
            \(totalsTable(totals, words))
            <h2>\(HTML.escape(words.pick("Pr. ansvarlig myndighed", "Per responsible authority")))</h2>

            """
        page += chart(language: language)
        if authorities.isEmpty {
            page += "<p>\(HTML.escape(words.pick("Ingen omfattede løsninger.", "No covered solutions.")))</p>\n"
        }
        for authority in authorities {
            page += "<section>\n<h3>\(HTML.escape(authority.name))</h3>\n"
            page += "<p class=\"meta\">\(HTML.escape(words.authorityLine(authority)))</p>\n"
            page += totalsTable(authority.totals, words)
            for solution in authority.solutions {
                page += solutionHTML(solution, words)
            }
            page += "</section>\n"
        }
        page +=
            "<h2>\(HTML.escape(words.pick("Løsninger uden for vejledningens anvendelsesområde (§2)", "Solutions outside the guidance (§2)")))</h2>\n"
        page +=
            "<p>\(HTML.escape(words.pick("For disse gælder cookiebekendtgørelsen alene.", "The cookie order alone applies to these.")))</p>\n"
        let outOfScopeColumns = [
            words.pick("Løsning", "Solution"), words.pick("Art og adresse", "Kind and address"),
            words.pick("Målgruppe", "Audience"), words.pick("Obligatorisk", "Mandatory"),
            words.pick("Ejere", "Owners"), words.pick("Betingelse", "Condition"), words.pick("Begrundelse", "Why"),
        ]
        page += "<table>" + row(outOfScopeColumns, cell: "th") + "\n"
        for solution in outOfScope {
            for failure in solution.failures {
                page +=
                    row(
                        [
                            "\(solution.facts.name) (\(solution.facts.id))", words.solutionLine(solution.facts),
                            words.audience(solution.facts.audience), words.obligationLine(solution.facts),
                            words.ownersLine(solution.facts), failure.condition.citation,
                            ScopeWording.failure(failure, of: solution.facts, language: words),
                        ], cell: "td") + "\n"
            }
        }
        page += "</table>\n"
        page +=
            "<p><small>\(HTML.escape(words.pick("Udarbejdet med evident efter Erhvervsstyrelsens vejledning af 2. februar 2022.", "Prepared with evident under Erhvervsstyrelsen's guidance of 2 February 2022.")))</small></p>\n"
        return page + "</body>\n</html>\n"
    }

    /// A covered solution: its §2 facts, why it is covered, and its usages with the evidence under each.
    private func solutionHTML(_ solution: SolutionSection, _ words: ReportLanguage) -> String {
        let facts = solution.facts
        var html = "<article>\n<h4>\(HTML.escape(facts.name)) (\(facts.id))</h4>\n"
        let rows: [(String, String)] = [
            (words.pick("Løsning", "Solution"), words.solutionLine(facts)),
            (words.pick("Målgruppe", "Audience"), words.audience(facts.audience)),
            (words.pick("Obligatorisk", "Mandatory"), words.obligationLine(facts)),
            (words.pick("Ejere", "Owners"), words.ownersLine(facts)),
            (words.pick("Omfattet af vejledningen", "Covered by the guidance"), words.groundsLine(facts)),
        ]
        html += "<table class=\"facts\">\n"
        html += rows.map { "<tr><th>\(HTML.escape($0))</th><td>\(HTML.escape($1))</td></tr>\n" }.joined()
        html += "</table>\n"
        if solution.placement == .firstStateOwner {
            html += "<p class=\"note\">\(HTML.escape(words.noResponsible))</p>\n"
        }
        guard !solution.usages.isEmpty else {
            return html + "<p>\(HTML.escape(words.noServices))</p>\n</article>\n"
        }
        html += "<table>" + row(words.usageColumns, cell: "th") + "\n"
        for usage in solution.usages {
            let verdict = usage.verdict
            let cells = [
                verdict.usage.description, words.serviceLine(usage), words.vendorLine(usage), words.periodLine(usage),
                usage.purpose ?? "", words.ownPurposes(verdict.vendorOwnPurposes), words.route(verdict.route),
            ]
            html += "<tr>" + cells.map { "<td>\(HTML.escape($0))</td>" }.joined()
            html += "<td class=\"verdict \(verdict.outcome.rawValue)\">"
            html += "\(HTML.escape(words.verdictLine(usage, asOf: asOf)))</td>"
            html += "<td>\(HTML.escape(verdict.rule))</td><td>\(HTML.escape(verdict.reason(in: words)))</td></tr>\n"
            if !usage.evidence.isEmpty {
                html += "<tr><td class=\"evidence\" colspan=\"\(words.usageColumns.count)\"><ul>"
                html += usage.evidence.map { "<li>\(HTML.escape(words.evidenceLine($0)))</li>" }.joined()
                html += "</ul></td></tr>\n"
            }
        }
        return html + "</table>\n</article>\n"
    }

    /// One row of totals per outcome.
    private func totalsTable(_ totals: [String: Int], _ words: ReportLanguage) -> String {
        "<table class=\"totals\">" + row(Outcome.judged.map(words.outcome), cell: "th")
            + "<tr>\(Outcome.judged.map { "<td class=\"\($0.rawValue)\">\(totals[$0.rawValue] ?? 0)</td>" }.joined())</tr></table>\n"
    }

    /// A table row of escaped cells.
    private func row(_ cells: [String], cell: String) -> String {
        "<tr>" + cells.map { "<\(cell)>\(HTML.escape($0))</\(cell)>" }.joined() + "</tr>"
    }
}
