extension AnnualReport {
    /// One self-contained HTML page: no scripts, fonts, images or styles from anywhere else, readable in print.
    public func html(language: ReportLanguage) -> String {
        let labels = language.labels
        var page = """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTML.escape(labels.title)) \(year)</title>
            <style>
            body { font-family: system-ui, "Segoe UI", Helvetica, Arial, sans-serif; margin: 2rem; color: #1a1a1a; }
            h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; } h3 { font-size: 1.05rem; }
            table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1.5rem; font-size: 0.85rem; }
            th, td { border: 1px solid #bbb; padding: 0.3rem 0.4rem; text-align: left; vertical-align: top; }
            th { background: #eee; }
            .verdict { font-weight: 600; white-space: nowrap; }
            \(Outcome.allCases.map { ".\($0.rawValue) { border-left: 6px solid \($0.colour); }" }.joined(separator: "\n"))
            .legend span { display: inline-block; margin-right: 1rem; }
            .swatch { display: inline-block; width: 0.8rem; height: 0.8rem; margin-right: 0.3rem; vertical-align: middle; }
            @media print { body { margin: 1cm; } section { break-inside: avoid-page; } th { background: none; } }
            </style>
            </head>
            <body>
            <h1>\(HTML.escape(labels.title)) \(year)</h1>
            <p>\(HTML.escape(labels.subtitle(self)))</p>
            <p>\(HTML.escape(recordedLine(language: language)))</p>
            <h2>\(HTML.escape(labels.totals))</h2>
            <table><tr>\(Outcome.judged.map { "<th>\(HTML.escape(labels.outcome($0)))</th>" }.joined())</tr>
            <tr>\(Outcome.judged.map { "<td class=\"\($0.rawValue)\">\(totals[$0.rawValue] ?? 0)</td>" }.joined())</tr></table>

            """
        page += "<h2>\(HTML.escape(labels.perAuthority))</h2>\n"
        page += chart(labels: labels)
        if authorities.isEmpty { page += "<p>\(HTML.escape(labels.noCovered))</p>\n" }
        for authority in authorities {
            page += "<section>\n<h3>\(HTML.escape(authority.name)) (CVR \(HTML.escape(authority.cvr)))</h3>\n"
            page += "<table><tr>\(labels.columns.map { "<th>\(HTML.escape($0))</th>" }.joined())</tr>\n"
            for solution in authority.solutions {
                for usage in solution.usages {
                    let verdict = usage.verdict
                    let cells = [
                        verdict.usage.description, solution.name, verdict.serviceName, verdict.vendorName,
                        labels.route(verdict.route),
                    ].map { "<td>\(HTML.escape($0))</td>" }.joined()
                    page += "<tr>\(cells)<td class=\"verdict \(verdict.outcome.rawValue)\">"
                    page += "\(HTML.escape(labels.outcome(verdict.outcome)))</td><td>\(HTML.escape(verdict.rule))</td>"
                    page +=
                        "<td>\(usage.evidence.map { HTML.escape(labels.evidenceDates($0)) }.joined(separator: "<br>"))</td>"
                    page += "<td>\(HTML.escape(verdict.reason))</td></tr>\n"
                }
            }
            page += "</table>\n</section>\n"
        }
        page += "<h2>\(HTML.escape(labels.outOfScope))</h2>\n<p>\(HTML.escape(labels.outOfScopeNote))</p>\n"
        page += "<table><tr>\(labels.outOfScopeColumns.map { "<th>\(HTML.escape($0))</th>" }.joined())</tr>\n"
        for solution in outOfScope {
            for failure in solution.failures {
                let cells = [
                    solution.name, solution.authorities.map(\.description).joined(separator: ", "),
                    failure.condition.citation, failure.reason,
                ]
                page += "<tr>\(cells.map { "<td>\(HTML.escape($0))</td>" }.joined())</tr>\n"
            }
        }
        page += "</table>\n<p><small>\(HTML.escape(labels.footer))</small></p>\n</body>\n</html>\n"
        return page
    }
}
