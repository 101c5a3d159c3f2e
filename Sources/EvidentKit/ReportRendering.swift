import Foundation

/// The languages reports are written in; Danish by default, as the guidance is.
public enum ReportLanguage: String, Sendable, CaseIterable, Codable {
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
        let parts: [(String, String?)] = [
            (words[0], evidence.captured?.description), (words[1], evidence.signed?.description),
            (words[2], evidence.validFrom?.description), (words[3], evidence.validUntil?.description),
            (words[4], evidence.reviewBy?.description), (words[5], evidence.clause),
        ]
        let shown = parts.compactMap { word, value in value.map { "\(word) \($0)" } }.joined(separator: ", ")
        return "\(evidence.id) \(evidence.title) (\(evidence.kind.rawValue)\(shown.isEmpty ? "" : "; " + shown))"
    }
}

/// The colours of verdicts in charts and tables.
extension Outcome {
    var colour: String {
        switch self {
        case .compliant: "#2e7d32"
        case .expiring: "#f9a825"
        case .missingEvidence: "#ef6c00"
        case .nonCompliant: "#c62828"
        case .outOfScope: "#9e9e9e"
        }
    }

    /// The outcomes a covered solution can have, in the order charts stack them.
    static let judged: [Outcome] = [.compliant, .expiring, .missingEvidence, .nonCompliant]
}

extension AnnualReport {
    /// Writes `report.html`, `report.json` and `report.csv` into `directory` (created when missing), each
    /// atomically; returns their paths.
    public func write(to directory: String, language: ReportLanguage) throws -> [String] {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw InputError(field: "--out", value: directory, reason: "is a file, not a directory")
            }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw StoreError.writeFailed(path: directory, reason: error.localizedDescription)
            }
        }
        let files: [(String, Data)] = [
            ("report.html", Data(html(language: language).utf8)),
            ("report.json", try json()),
            ("report.csv", Data(csv(language: language).utf8)),
        ]
        return try files.map { name, data in
            let path = URL(fileURLWithPath: directory).appendingPathComponent(name).path
            do {
                try data.write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                throw StoreError.writeFailed(path: path, reason: error.localizedDescription)
            }
            return path
        }
    }

    /// The report as stable, pretty JSON with sorted keys.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

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
        return (language == .da ? "\u{FEFF}" : "") + CSV.render(header, rows, separator: separator)
    }

    /// One self-contained HTML page: no scripts, fonts, images or styles from anywhere else, readable in print.
    public func html(language: ReportLanguage) -> String {
        let labels = language.labels
        var page = """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(labels.title)) \(year)</title>
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
            <h1>\(escape(labels.title)) \(year)</h1>
            <p>\(escape(labels.subtitle(self)))</p>
            <h2>\(escape(labels.totals))</h2>
            <table><tr>\(Outcome.judged.map { "<th>\(escape(labels.outcome($0)))</th>" }.joined())</tr>
            <tr>\(Outcome.judged.map { "<td class=\"\($0.rawValue)\">\(totals[$0.rawValue] ?? 0)</td>" }.joined())</tr></table>

            """
        page += "<h2>\(escape(labels.perAuthority))</h2>\n"
        page += chart(labels: labels)
        if authorities.isEmpty { page += "<p>\(escape(labels.noCovered))</p>\n" }
        for authority in authorities {
            page += "<section>\n<h3>\(escape(authority.name)) (CVR \(escape(authority.cvr)))</h3>\n"
            page += "<table><tr>\(labels.columns.map { "<th>\(escape($0))</th>" }.joined())</tr>\n"
            for solution in authority.solutions {
                for usage in solution.usages {
                    let verdict = usage.verdict
                    let cells = [
                        verdict.usage.description, solution.name, verdict.serviceName, verdict.vendorName,
                        labels.route(verdict.route),
                    ].map { "<td>\(escape($0))</td>" }.joined()
                    page += "<tr>\(cells)<td class=\"verdict \(verdict.outcome.rawValue)\">"
                    page += "\(escape(labels.outcome(verdict.outcome)))</td><td>\(escape(verdict.rule))</td>"
                    page +=
                        "<td>\(usage.evidence.map { escape(labels.evidenceDates($0)) }.joined(separator: "<br>"))</td>"
                    page += "<td>\(escape(verdict.reason))</td></tr>\n"
                }
            }
            page += "</table>\n</section>\n"
        }
        page += "<h2>\(escape(labels.outOfScope))</h2>\n<p>\(escape(labels.outOfScopeNote))</p>\n"
        page += "<table><tr>\(labels.outOfScopeColumns.map { "<th>\(escape($0))</th>" }.joined())</tr>\n"
        for solution in outOfScope {
            for failure in solution.failures {
                let cells = [
                    solution.name, solution.authorities.map(\.description).joined(separator: ", "),
                    failure.condition.citation, failure.reason,
                ]
                page += "<tr>\(cells.map { "<td>\(escape($0))</td>" }.joined())</tr>\n"
            }
        }
        page += "</table>\n<p><small>\(escape(labels.footer))</small></p>\n</body>\n</html>\n"
        return page
    }

    /// A stacked bar of verdicts per authority, drawn in inline SVG.
    func chart(labels: ReportLanguage.Labels) -> String {
        let rowHeight = 24
        let labelWidth = 260
        let barWidth = 440
        let height = max(1, authorities.count) * rowHeight + 30
        var svg = "<svg role=\"img\" width=\"\(labelWidth + barWidth + 20)\" height=\"\(height)\" "
        svg += "viewBox=\"0 0 \(labelWidth + barWidth + 20) \(height)\">\n<title>\(escape(labels.chartTitle))</title>\n"
        let widest = max(1, authorities.map { $0.totals.values.reduce(0, +) }.max() ?? 1)
        for (row, authority) in authorities.enumerated() {
            let y = row * rowHeight + 4
            let name = authority.name.count > 36 ? String(authority.name.prefix(35)) + "…" : authority.name
            svg += "<text x=\"0\" y=\"\(y + 15)\" font-size=\"12\">\(escape(name))</text>\n"
            var x = labelWidth
            for outcome in Outcome.judged {
                let count = authority.totals[outcome.rawValue] ?? 0
                guard count > 0 else { continue }
                let width = max(2, count * barWidth / widest)
                svg +=
                    "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(width)\" height=\"\(rowHeight - 6)\" fill=\"\(outcome.colour)\">"
                svg += "<title>\(escape(labels.outcome(outcome))): \(count)</title></rect>\n"
                if width >= 18 {
                    svg += "<text x=\"\(x + 4)\" y=\"\(y + 14)\" font-size=\"11\" fill=\"#fff\">\(count)</text>\n"
                }
                x += width
            }
        }
        svg += "</svg>\n<p class=\"legend\">"
        svg += Outcome.judged.map {
            "<span><span class=\"swatch\" style=\"background: \($0.colour)\"></span>\(escape(labels.outcome($0)))</span>"
        }.joined()
        return svg + "</p>\n"
    }

    private func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
