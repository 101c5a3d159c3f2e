import EvidentKit
import EvidentTestSupport
import Foundation
import Testing

/// Every numeric option of every command states its range in its help and refuses a value outside it with one
/// line naming the option and the range, whether the value is given as `--option -5` or `--option=-5`, and
/// however large it is; nothing traps and nothing changes.
@Suite struct NumericOptionTests {
    struct Option: Sendable, CustomTestStringConvertible {
        /// The command and the arguments it needs besides the option (`FILE` is a document to file).
        let command: [String]
        /// The option (or setting, given as an argument) and the range its help states.
        let option: String
        let range: ClosedRange<Int>
        /// Whether the option is a setting's positional value rather than a flag.
        var positional = false

        var testDescription: String { (command + [option]).joined(separator: " ") }
    }

    static let options: [Option] = [
        Option(
            command: [
                "evidence", "add", "FILE", "--kind", "agreement", "--title", "T", "--covers", "USE-1", "--valid-until",
                "2027-12-31",
            ], option: "--notice-days", range: Limits.days),
        Option(command: ["evidence", "edit", "EVD-1"], option: "--notice-days", range: Limits.days),
        Option(command: ["status"], option: "--window", range: Limits.days),
        Option(command: ["due"], option: "--within", range: Limits.days),
        Option(command: ["report", "annual", "--out", "REPORT"], option: "--year", range: Limits.years),
        Option(command: ["settings"], option: "warning-days", range: Setting.warningDays.range, positional: true),
        Option(
            command: ["settings"], option: "opt-out-review-months", range: Setting.optOutReviewMonths.range,
            positional: true),
    ]

    func arguments(_ option: Option, _ value: String, attached: Bool, in directory: URL, file: String) -> [String] {
        let command = option.command.map {
            $0 == "FILE" ? file : $0 == "REPORT" ? directory.appendingPathComponent("report").path : $0
        }
        if option.positional { return command + [option.option, value] }
        return command + (attached ? ["\(option.option)=\(value)"] : [option.option, value])
    }

    @Test(arguments: options)
    func aValueOutsideTheRangeIsRefusedNamingIt(_ option: Option) throws {
        try withTemporaryDirectory { directory in
            let evident = Evident(directory: directory)
            try evident.populate()
            let file = try evident.fixture("agreement.pdf", as: "other.pdf")
            let help = evident.run(option.command.filter { $0 != "FILE" && !$0.hasPrefix("EVD") } + ["--help"])
            let words = help.out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(words.contains("\(option.range.lowerBound) to \(option.range.upperBound)"), "\(help.out)")

            let below = option.range.lowerBound - 1
            let values: [(String, below: Bool)] = [
                (String(below), true), ("-5", true), (String(Int.min), true), ("-99999999999999999999", true),
                (String(option.range.upperBound + 1), false), (String(Int.max), false),
                ("99999999999999999999", false),
            ]
            let before = try snapshot(ofHome: evident.home)
            for (value, isBelow) in values {
                for attached in option.positional ? [false] : [false, true] {
                    let arguments = arguments(option, value, attached: attached, in: directory, file: file)
                    let result = evident.run(arguments)
                    let bound =
                        isBelow
                        ? "must be \(option.range.lowerBound) or more" : "must be \(option.range.upperBound) or less"
                    #expect(result.code == 64, "\(arguments): \(result.err)")
                    #expect(result.out.isEmpty)
                    #expect(result.err.split(separator: "\n").count == 1, "\(result.err)")
                    for mention in [
                        option.option, value, bound, "(\(option.range.lowerBound) to \(option.range.upperBound)",
                    ] {
                        #expect(result.err.contains(mention), "'\(mention)' missing from \(result.err)")
                    }
                }
            }
            #expect(try snapshot(ofHome: evident.home) == before)

            for value in [option.range.lowerBound, option.range.upperBound] {
                let arguments = arguments(option, String(value), attached: false, in: directory, file: file)
                let result = evident.run(arguments)
                #expect(result.code == 0, "\(arguments): \(result.err)")
            }
        }
    }

    @Test func aFileNumberOutsideTheEvidenceIsRefusedNamingIt() throws {
        try withTemporaryDirectory { directory in
            let evident = Evident(directory: directory)
            try evident.populate()
            let help = evident("evidence", "get", "--help")
            #expect(
                help.out.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains(
                    "1 to the number of files"))
            for arguments in [
                ["--file", "0"], ["--file", "-1"], ["--file=-1"], ["--file", "2"], ["--file", String(Int.max)],
                ["--file", "99999999999999999999"],
            ] {
                let result = evident.run(["evidence", "get", "EVD-1"] + arguments)
                #expect(result.code == 64, "\(arguments): \(result.err)")
                #expect(result.err.hasPrefix("error: --file '"), "\(result.err)")
                #expect(result.err.contains("EVD-1 has no such file (it has 1)"), "\(result.err)")
            }
        }
    }
}
