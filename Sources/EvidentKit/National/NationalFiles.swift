import Foundation

extension NationalEvaluation {
    /// The evaluation as open data: pretty JSON with sorted keys (`schema/national-evaluation.schema.json`).
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// The evaluation as open data: one CSV row per solution with its counts, then one per finding.
    public func csv() -> String {
        let header =
            [
                "cvr", "authority", "ministry", "solution", "key", "bundle", "tagManifestSha256", "asOf",
                "rulesVersion", "usage",
                "service", "vendor", "outcome", "rule", "reason", "evidence",
            ] + Outcome.allCases.map(\.rawValue)
        var rows: [[String]] = []
        for authority in authorities {
            for solution in authority.solutions {
                let common = [
                    authority.cvr, authority.name, authority.ministry ?? "", solution.name, solution.key,
                    solution.source.identifier, solution.source.tagManifestSha256, solution.source.asOf.description,
                    String(solution.source.rulesVersion),
                ]
                rows.append(
                    common + Array(repeating: "", count: 7)
                        + Outcome.allCases.map { String(solution.totals[$0.rawValue] ?? 0) })
                for finding in solution.findings {
                    let evidence = finding.evidence.map { "\($0.id):\($0.sha256.joined(separator: "+"))" }
                    rows.append(
                        common + [
                            finding.usage, finding.service, finding.vendor, finding.outcome.rawValue, finding.rule,
                            finding.reason, evidence.joined(separator: " "),
                        ] + Array(repeating: "", count: Outcome.allCases.count))
                }
            }
        }
        return CSV.render(header, rows)
    }

    /// The file names `write` gives each output.
    public static let fileNames = (html: "evaluation.html", json: "evaluation.json", csv: "evaluation.csv")

    /// Writes the page, the JSON and the CSV into `directory` (created when missing), each atomically; returns
    /// their paths.
    public func write(to directory: String) throws -> [String] {
        let files: [(String, Data)] = [
            (Self.fileNames.html, Data(html().utf8)), (Self.fileNames.json, try json()),
            (Self.fileNames.csv, Data(csv().utf8)),
        ]
        return try ReportDirectory.write(files, into: directory)
    }
}
