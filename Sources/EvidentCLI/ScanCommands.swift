import ArgumentParser
import EvidentKit

/// `evident scan`: what a solution really loads, matched against the registry.
struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Match a browser capture (HAR) or an inspection.json against a solution's registered services.",
        discussion: """
            Reads a HAR file saved by Chromium's or Firefox's developer tools, or the inspection.json the EDPS \
            Website Evidence Collector writes, and lists every third party the solution contacted: the registered \
            service and vendor its host matches, the usage on this solution and that usage's verdict today, the \
            cookies it set. Hosts no registered service matches are listed as unknown (with the catalogue service \
            they look like, if any), and usages the capture never contacted as unused.

            A host is first party when its registrable domain (public suffix plus one label) is the solution's: \
            its URL's, its stored first-party domains (solution edit --first-party) or one given here.

            --add-usages adds a usage (route none, so non-compliant until proof is filed) for each matched \
            service the solution does not use yet; --record files the capture as scan evidence covering the \
            solution's usages. Both happen in one transaction and one audit event. Scan evidence proves no route.
            """)

    @OptionGroup var home: ChangeOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The capture: a .har file or an inspection.json.") var file: String
    @Option(help: "The solution the capture is of: an id (SOL-1) or an unambiguous name.") var solution: String
    @Option(
        name: .customLong("first-party"), parsing: .upToNextOption,
        help: "More domains to count as the solution's own for this scan.")
    var firstParty: [String] = []
    @Flag(help: "File the capture as scan evidence covering the solution's usages.") var record = false
    @Flag(help: "Add usages (route none) for matched services the solution does not use yet.") var addUsages = false

    func run() throws {
        let options = try ScanOptions(
            solution: solution, firstParty: firstParty, record: record, addUsages: addUsages)
        let report = try home.openRegistry().scan(path: file, options, home.change("scan"))
        let console = Console.current
        if output.json {
            try console.json(report)
            return
        }
        for line in ScanText.lines(report, width: console.width) { console.out(line) }
    }
}

/// The scan report for people.
enum ScanText {
    static func lines(_ report: ScanReport, width: Int?) -> [String] {
        var lines: [String] = []
        let capture = report.capture
        lines.append(
            "Scan of \(report.solution.id) \(report.solution.name) from \(capture.format.rawValue) capture "
                + "'\(capture.file)'" + (capture.started.map { ", started \($0)" } ?? ""))
        lines.append(
            "First party: \(report.firstPartyDomains.joined(separator: ", ")) "
                + "(\(Counted(capture.firstPartyRequests, "request")); \(Counted(capture.hosts, "host")) in all)")
        lines.append("Verdicts as of \(report.asOf)")
        lines += section(
            "Third parties (\(report.thirdParties.count)):",
            ["HOST", "REQUESTS", "TYPES", "SERVICE", "VENDOR", "USAGE", "VERDICT", "RULE", "COOKIES"],
            report.thirdParties.map { party in
                [
                    party.host, String(party.requests), party.resourceTypes.joined(separator: ","),
                    party.service.map { "\($0.id) \($0.name)" } ?? "",
                    party.vendor?.name ?? "", party.verdict?.usage.description ?? "(none)",
                    party.verdict?.outcome.rawValue ?? "not registered on this solution",
                    party.verdict?.rule ?? "", cookies(party.cookies),
                ]
            }, width: width, names: [3, 4], lists: [2])
        for party in report.thirdParties {
            if let verdict = party.verdict, verdict.outcome != .compliant {
                lines.append("  \(party.host): \(verdict.reason)")
            }
        }
        lines += section(
            "Unknown third parties (\(report.unknown.count)), matching no registered service:",
            ["HOST", "REQUESTS", "TYPES", "LOOKS LIKE", "FIRST URL", "COOKIES"],
            report.unknown.map { party in
                [
                    party.host, String(party.requests), party.resourceTypes.joined(separator: ","),
                    party.catalogue.map { "\($0) (catalogue)" } ?? "", party.firstURL ?? "", cookies(party.cookies),
                ]
            }, width: width, names: [3], lists: [2, 4])
        lines += section(
            "Registered usages the capture never contacted (\(report.unused.count)):", ["USAGE", "SERVICE", "HOSTS"],
            report.unused.map {
                [$0.usage.description, "\($0.service.id) \($0.service.name)", $0.hosts.joined(separator: " ")]
            }, width: width, names: [1])
        if let recorded = report.recorded {
            lines.append("")
            if !recorded.addedUsages.isEmpty {
                lines.append(
                    "Added \(Counted(recorded.addedUsages.count, "usage")) with route none: "
                        + recorded.addedUsages.map(\.description).joined(separator: ", "))
            }
            if let evidence = recorded.evidence { lines.append("Recorded the capture as \(evidence) (scan evidence)") }
        }
        return lines
    }

    /// A blank line, the title, and the rows as a table indented by two, or `(none)`.
    static func section(
        _ title: String, _ header: [String], _ rows: [[String]], width: Int?, names: Set<Int>, lists: Set<Int> = []
    ) -> [String] {
        guard !rows.isEmpty else { return ["", title, "  (none)"] }
        let table = Printing.table(header, rows, width: width.map { $0 - 2 }, names: names, lists: lists)
        return ["", title] + table.map { "  " + $0 }
    }

    /// Cookies as `name (domain, lifetime)`.
    static func cookies(_ cookies: [CapturedCookie]) -> String {
        cookies.map { cookie in
            let lifetime =
                cookie.lifetimeSeconds.map { seconds in
                    seconds >= 86_400 ? "\(seconds / 86_400) d" : seconds > 0 ? "\(seconds) s" : "expired"
                } ?? "session"
            return "\(cookie.name) (\(cookie.domain), \(lifetime))"
        }.joined(separator: "; ")
    }
}
