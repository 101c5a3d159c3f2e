import EvidentTestSupport
import Foundation
import Testing

/// Tables fit the terminal they are printed on, and keep every word; piped, they keep whole lines.
@Suite struct TerminalWidthTests {
    /// The words of `text`, without the cut marks and separators the fitting adds.
    static func words(_ text: String) -> [Substring] {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" }).filter { $0 != "·" }
    }

    @Test(arguments: [60, 80, 100, 140])
    func statusFitsTheWidthAndKeepsEveryReason(columns: Int) throws {
        try withTemporaryDirectory { directory in
            let evident = try Evident.samples(in: directory)
            let full = evident("status", "--as-of", "2026-11-30")
            let fitted = evident.run(["status", "--as-of", "2026-11-30"], environment: ["COLUMNS": String(columns)])
            #expect(fitted.code == 0)
            // The reproduce line is a command to copy whole; every other line fits.
            let lines = fitted.out.split(separator: "\n").filter { !$0.hasPrefix("Recorded at") }
            #expect(lines.allSatisfy { $0.count <= columns }, "\(lines.filter { $0.count > columns })")
            #expect(lines.count > full.out.split(separator: "\n").count)
            let status = try #require(try evident("status", "--as-of", "2026-11-30", "--json").json() as? [String: Any])
            for verdict in try #require(status["verdicts"] as? [[String: Any]]) {
                let reason = try #require(verdict["reason"] as? String)
                // Reasons are never cut: their words appear in order.
                let text = Self.words(fitted.out).joined(separator: " ")
                #expect(text.contains(Self.words(reason).joined(separator: " ")), "\(reason)")
                #expect(fitted.out.contains(try #require(verdict["outcome"] as? String)))
            }
        }
    }

    @Test func pipedOutputKeepsOneLinePerRow() throws {
        try withTemporaryDirectory { directory in
            let evident = try Evident.samples(in: directory)
            let piped = try tool(
                try Binary.url.path, ["status", "--home", evident.home.path, "--as-of", "2026-11-30"],
                environment: ["COLUMNS": ""])
            #expect(piped.code == 0)
            let rows = piped.out.split(separator: "\n").filter { $0.hasPrefix("USE-") }
            #expect(rows.count == 17)
            #expect(rows.contains { $0.count > 140 })
        }
    }

    @Test func aTerminalOf80ColumnsGetsLinesOf80() throws {
        try withTemporaryDirectory { directory in
            let evident = try Evident.samples(in: directory)
            // `script` runs the binary on a pseudo-terminal, whose width stty sets.
            let command =
                "stty cols 80; '\(try Binary.url.path)' status --home '\(evident.home.path)' --as-of 2026-11-30"
            let run = try tool("script", ["-qec", command, "/dev/null"], environment: ["COLUMNS": ""])
            #expect(run.code == 0)
            let lines = run.out.split(separator: "\r\n").filter { !$0.hasPrefix("Recorded at") }
            #expect(lines.count > 17 * 3)
            #expect(lines.allSatisfy { $0.count <= 80 }, "\(lines.filter { $0.count > 80 })")
        }
    }
}
