extension AnnualReport {
    /// A stacked bar of verdicts per responsible authority, drawn in inline SVG.
    func chart(language: ReportLanguage) -> String {
        Self.chart(
            authorities.map { ($0.name, $0.totals) },
            title: language.pick("Vurderinger pr. myndighed", "Verdicts per authority"), language: language)
    }

    /// A stacked bar of verdicts per named row (an authority, a ministry), drawn in inline SVG, with a legend.
    static func chart(_ rows: [(name: String, totals: [String: Int])], title: String, language: ReportLanguage)
        -> String
    {
        let rowHeight = 24
        let labelWidth = 260
        let barWidth = 440
        let height = max(1, rows.count) * rowHeight + 30
        var svg = "<svg role=\"img\" width=\"\(labelWidth + barWidth + 20)\" height=\"\(height)\" "
        svg += "viewBox=\"0 0 \(labelWidth + barWidth + 20) \(height)\">\n<title>\(HTML.escape(title))</title>\n"
        let widest = max(1, rows.map { $0.totals.values.reduce(0, +) }.max() ?? 1)
        for (row, authority) in rows.enumerated() {
            let y = row * rowHeight + 4
            let name = authority.name.count > 36 ? String(authority.name.prefix(35)) + "…" : authority.name
            svg += "<text x=\"0\" y=\"\(y + 15)\" font-size=\"12\">\(HTML.escape(name))</text>\n"
            var x = labelWidth
            for outcome in Outcome.judged {
                let count = authority.totals[outcome.rawValue] ?? 0
                guard count > 0 else { continue }
                let width = max(2, count * barWidth / widest)
                svg +=
                    "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(width)\" height=\"\(rowHeight - 6)\" fill=\"\(outcome.colour)\">"
                svg += "<title>\(HTML.escape(language.outcome(outcome))): \(count)</title></rect>\n"
                if width >= 18 {
                    svg += "<text x=\"\(x + 4)\" y=\"\(y + 14)\" font-size=\"11\" fill=\"#fff\">\(count)</text>\n"
                }
                x += width
            }
        }
        svg += "</svg>\n<p class=\"legend\">"
        svg += Outcome.judged.map {
            "<span><span class=\"swatch\" style=\"background: \($0.colour)\"></span>\(HTML.escape(language.outcome($0)))</span>"
        }.joined()
        return svg + "</p>\n"
    }
}
