extension NationalEvaluation {
    /// The page for publication: one self-contained HTML file (no scripts, fonts, images or styles from
    /// anywhere), readable on a phone and in print, with real headings and table headers, and every verdict
    /// written in words beside its colour.
    public func html() -> String {
        let words = language
        let title = words.pick(
            "Den nationale evaluering \(year): tredjepartstjenester på statslige, obligatoriske selvbetjeningsløsninger",
            "The national evaluation \(year): third-party services on mandatory state self-service solutions")
        var page = """
            <!DOCTYPE html>
            <html lang="\(words.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTML.escape(title))</title>
            <style>
            body { font-family: system-ui, "Segoe UI", Helvetica, Arial, sans-serif; margin: 1rem auto; max-width: 60rem;
              padding: 0 1rem; color: #1a1a1a; line-height: 1.4; }
            h1 { font-size: 1.5rem; } h2 { font-size: 1.25rem; margin-top: 2rem; } h3 { font-size: 1.1rem; }
            h4 { font-size: 1rem; margin-bottom: 0.2rem; }
            .scroll { overflow-x: auto; }
            table { border-collapse: collapse; margin: 0.4rem 0 1rem; font-size: 0.9rem; }
            th, td { border: 1px solid #bbb; padding: 0.3rem 0.4rem; text-align: left; vertical-align: top; }
            th { background: #eee; }
            td.n { text-align: right; }
            svg { max-width: 100%; height: auto; }
            code { font-size: 0.8rem; word-break: break-all; }
            .meta { margin: 0.2rem 0; }
            \(Outcome.allCases.map { ".\($0.rawValue) { border-left: 6px solid \($0.colour); }" }.joined(separator: "\n"))
            .legend span { display: inline-block; margin-right: 1rem; }
            .swatch { display: inline-block; width: 0.8rem; height: 0.8rem; margin-right: 0.3rem; vertical-align: middle; }
            @media print { body { margin: 1cm; max-width: none; } section { break-inside: avoid-page; } th { background: none; } }
            </style>
            </head>
            <body>
            <header>
            <h1>\(HTML.escape(title))</h1>
            <p class="meta">\(HTML.escape(words.pick("Evalueringsperiode", "Evaluation window"))): \(from) – \(to)</p>
            <p class="meta">\(HTML.escape(words.pick("Regelversioner i de indleverede pakker", "Rules versions in the bundles handed in"))): \(HTML.escape(rulesVersions.isEmpty ? "–" : rulesVersions.map(String.init).joined(separator: ", ")))</p>
            <p class="meta">\(HTML.escape(words.pick(
                "Hver vurdering er udledt igen af pakkens egne registreringer under den regelversion, pakken er lavet efter; intet er vurderet efter andre regler.",
                "Every verdict is re-derived from the bundle's own records under the rules version the bundle was made under; nothing is re-judged under other rules.")))</p>
            </header>
            <main>
            <h2>\(HTML.escape(words.pick("I alt", "National totals")))</h2>
            \(Self.totalsTable(totals, words))

            """
        page += "<h2>\(HTML.escape(words.pick("Pr. myndighed", "Per authority")))</h2>\n"
        page += AnnualReport.chart(
            authorities.map { ($0.name, $0.totals) },
            title: words.pick("Vurderinger pr. myndighed", "Verdicts per authority"), language: words)
        if !ministries.isEmpty {
            page += "<h2>\(HTML.escape(words.pick("Pr. ministerområde", "Per ministry")))</h2>\n"
            page += AnnualReport.chart(
                ministries.keys.sorted().map { ($0, ministries[$0]!) },
                title: words.pick("Vurderinger pr. ministerområde", "Verdicts per ministry"), language: words)
        }
        page += missingSection(words) + conflictSection(words) + changeSection(words)
        page += "<h2>\(HTML.escape(words.pick("Myndighederne", "The authorities")))</h2>\n"
        if authorities.isEmpty {
            page += "<p>\(HTML.escape(words.pick("Ingen pakker i perioden.", "No bundles in the window.")))</p>\n"
        }
        for authority in authorities {
            page += "<section>\n<h3>\(HTML.escape(authority.name)) (CVR \(HTML.escape(authority.cvr)))</h3>\n"
            if let ministry = authority.ministry {
                page +=
                    "<p class=\"meta\">\(HTML.escape(words.pick("Ministerområde", "Ministry"))): \(HTML.escape(ministry))</p>\n"
            }
            page += Self.totalsTable(authority.totals, words)
            for solution in authority.solutions { page += solutionHTML(solution, words) }
            page += "</section>\n"
        }
        let footer = words.pick(
            "Udarbejdet med evident efter Erhvervsstyrelsens vejledning af 2. februar 2022, §4."
                + " Offentlige data: evaluation.json og evaluation.csv.",
            "Prepared with evident under Erhvervsstyrelsen's guidance of 2 February 2022, §4."
                + " Open data: evaluation.json and evaluation.csv.")
        page += "</main>\n<footer><p><small>\(HTML.escape(footer))</small></p></footer>\n"
        return page + "</body>\n</html>\n"
    }

    private func solutionHTML(_ solution: SolutionResult, _ words: ReportLanguage) -> String {
        var html = "<h4>\(HTML.escape(solution.name))</h4>\n"
        let source = solution.source
        html += "<p class=\"meta\">\(HTML.escape(solution.key)) · \(HTML.escape(words.pick("pakke", "bundle"))) "
        html +=
            "\(HTML.escape(source.identifier)) (\(source.received)), \(HTML.escape(words.pick("pr.", "as of"))) \(source.asOf), "
        html += "\(HTML.escape(words.pick("regelversion", "rules version"))) \(source.rulesVersion)"
        if !solution.covered { html += " · " + HTML.escape(words.pick("ikke omfattet (§2)", "not covered (§2)")) }
        html += "</p>\n" + Self.totalsTable(solution.totals, words)
        guard !solution.findings.isEmpty else { return html }
        let columns = [
            words.pick("Brug", "Usage"), words.pick("Tjeneste", "Service"), words.pick("Leverandør", "Vendor"),
            words.pick("Vurdering", "Verdict"), words.pick("Regel", "Rule"), words.pick("Begrundelse", "Why"),
            words.pick("Dokumentation (id og SHA-256)", "Evidence (id and SHA-256)"),
        ]
        html +=
            "<div class=\"scroll\"><table>\n<caption>\(HTML.escape(words.pick("Brug, der ikke overholder vejledningen", "Usages that do not comply")))</caption>\n<tr>"
        html += columns.map { "<th scope=\"col\">\(HTML.escape($0))</th>" }.joined() + "</tr>\n"
        for finding in solution.findings {
            let evidence = finding.evidence.map { reference in
                HTML.escape(reference.id) + reference.sha256.map { " <code>\($0)</code>" }.joined()
            }.joined(separator: "<br>")
            html += "<tr><th scope=\"row\">\(HTML.escape(finding.usage))</th><td>\(HTML.escape(finding.service))</td>"
            html += "<td>\(HTML.escape(finding.vendor))</td>"
            html += "<td class=\"\(finding.outcome.rawValue)\">\(HTML.escape(words.outcome(finding.outcome)))</td>"
            html += "<td>\(HTML.escape(finding.rule))</td><td>\(HTML.escape(finding.reason))</td>"
            html += "<td>\(evidence.isEmpty ? "–" : evidence)</td></tr>\n"
        }
        return html + "</table></div>\n"
    }

    private func missingSection(_ words: ReportLanguage) -> String {
        guard !missing.isEmpty || !stale.isEmpty else { return "" }
        var html = "<h2>\(HTML.escape(words.pick("Ikke indleveret", "Not handed in")))</h2>\n"
        if !missing.isEmpty {
            html +=
                "<div class=\"scroll\"><table>\n<caption>\(HTML.escape(words.pick("Forventet, men ingen pakke i perioden", "Expected, but no bundle in the window")))</caption>\n<tr>"
            html +=
                [
                    words.pick("CVR", "CVR"), words.pick("Myndighed", "Authority"), words.pick("Løsning", "Solution"),
                    words.pick("Nyeste pakke før perioden", "Newest bundle before the window"),
                ]
                .map { "<th scope=\"col\">\(HTML.escape($0))</th>" }.joined() + "</tr>\n"
            for entry in missing {
                let stale =
                    entry.stale.map { "\($0.identifier) (\($0.received)), \(words.pick("pr.", "as of")) \($0.asOf)" }
                    ?? "–"
                html += "<tr><th scope=\"row\">\(HTML.escape(entry.cvr))</th><td>\(HTML.escape(entry.name ?? "–"))</td>"
                html +=
                    "<td>\(HTML.escape(entry.solution ?? words.pick("(alle)", "(all)")))</td><td>\(HTML.escape(stale))</td></tr>\n"
            }
            html += "</table></div>\n"
        }
        if !stale.isEmpty {
            html +=
                "<div class=\"scroll\"><table>\n<caption>\(HTML.escape(words.pick("Pakker ældre end perioden", "Bundles older than the window")))</caption>\n<tr>"
            html +=
                [
                    words.pick("Myndighed", "Authority"), words.pick("Løsning", "Solution"),
                    words.pick("Pakke", "Bundle"),
                    words.pick("Pr.", "As of"),
                ].map { "<th scope=\"col\">\(HTML.escape($0))</th>" }.joined() + "</tr>\n"
            for entry in stale {
                html += "<tr><th scope=\"row\">\(HTML.escape(entry.authorityName)) (CVR \(HTML.escape(entry.cvr)))</th>"
                html +=
                    "<td>\(HTML.escape(entry.solution))</td><td>\(HTML.escape(entry.source.identifier)) (\(entry.source.received))</td>"
                html += "<td>\(entry.source.asOf)</td></tr>\n"
            }
            html += "</table></div>\n"
        }
        return html
    }

    private func conflictSection(_ words: ReportLanguage) -> String {
        guard !conflicts.isEmpty else { return "" }
        var html =
            "<h2>\(HTML.escape(words.pick("Uoverensstemmelser mellem pakker", "Conflicts between bundles")))</h2>\n<ul>\n"
        for conflict in conflicts {
            let kind =
                conflict.kind == .twoAuthorities
                ? words.pick("To myndigheder", "Two authorities")
                : words.pick("Ældre pakke efter nyere", "Older bundle after newer")
            html += "<li><strong>\(HTML.escape(kind))</strong>: \(HTML.escape(conflict.detail)) "
            html += "(\(HTML.escape(conflict.bundles.map(\.description).joined(separator: ", "))))</li>\n"
        }
        return html + "</ul>\n"
    }

    private func changeSection(_ words: ReportLanguage) -> String {
        guard let change else { return "" }
        var html =
            "<h2>\(HTML.escape(words.pick("Udvikling siden \(change.previousYear)", "Change since \(change.previousYear)")))</h2>\n"
        html += Self.totalsTable(
            change.previousTotals, words,
            caption: words.pick("I alt \(change.previousYear)", "Totals \(change.previousYear)"))
        for (caption, list) in [
            (words.pick("Forbedret", "Improved"), change.improved), (words.pick("Forværret", "Worse"), change.worsened),
        ] {
            html += "<h3>\(HTML.escape(caption)) (\(list.count))</h3>\n"
            guard !list.isEmpty else { continue }
            html += "<div class=\"scroll\"><table>\n<tr>"
            html +=
                [
                    words.pick("Løsning", "Solution"), words.pick("Brug", "Usage"), words.pick("Tjeneste", "Service"),
                    String(change.previousYear), String(year),
                ].map { "<th scope=\"col\">\(HTML.escape($0))</th>" }.joined() + "</tr>\n"
            for item in list {
                html += "<tr><th scope=\"row\">\(HTML.escape(item.solution))</th><td>\(HTML.escape(item.usage))</td>"
                html +=
                    "<td>\(HTML.escape(item.service))</td><td class=\"\(item.from.rawValue)\">\(HTML.escape(words.outcome(item.from)))</td>"
                html += "<td class=\"\(item.to.rawValue)\">\(HTML.escape(words.outcome(item.to)))</td></tr>\n"
            }
            html += "</table></div>\n"
        }
        return html
    }

    /// One row of counts per outcome, each headed by the outcome's name.
    static func totalsTable(_ totals: [String: Int], _ words: ReportLanguage, caption: String? = nil) -> String {
        "<div class=\"scroll\"><table>" + (caption.map { "<caption>\(HTML.escape($0))</caption>" } ?? "") + "<tr>"
            + Outcome.allCases.map { "<th scope=\"col\">\(HTML.escape(words.outcome($0)))</th>" }.joined() + "</tr><tr>"
            + Outcome.allCases.map { "<td class=\"n \($0.rawValue)\">\(totals[$0.rawValue] ?? 0)</td>" }.joined()
            + "</tr></table></div>\n"
    }
}
