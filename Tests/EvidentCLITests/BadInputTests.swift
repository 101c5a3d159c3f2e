import EvidentTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Bad input: one clear line naming the field and the value, the right exit code, and nothing changed.
@Suite struct BadInputTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let arguments: [String]
        let code: Int32
        /// Parts the one error line must contain: the field and the value.
        let mentions: [String]

        var testDescription: String { name }
    }

    static let solution = [
        "solution", "add", "--name", "Ny", "--kind", "self-service", "--channel", "web", "--url", "https://x.dk",
        "--audience", "citizens", "--mandatory",
    ]
    static let usage = ["usage", "add", "--solution", "SOL-1", "--service", "SVC-1", "--vendor-own-purposes", "no"]

    static let cases: [Case] = [
        Case(
            name: "invalid CVR",
            arguments: ["authority", "add", "--name", "X", "--cvr", "12345678", "--kind", "state"],
            code: 64, mentions: ["--cvr", "12345678"]),
        Case(
            name: "invalid CVR on edit", arguments: ["authority", "edit", "AUT-1", "--cvr", "13748137"], code: 64,
            mentions: ["--cvr", "13748137"]),
        Case(
            name: "CVR already registered",
            arguments: ["authority", "add", "--name", "Y", "--cvr", "13748136", "--kind", "state"], code: 1,
            mentions: ["--cvr", "13748136", "AUT-1"]),
        Case(
            name: "malformed VAT", arguments: ["vendor", "add", "--name", "V", "--country", "IE", "--vat", "IE12"],
            code: 64, mentions: ["--vat", "IE12"]),
        Case(
            name: "malformed country", arguments: ["vendor", "add", "--name", "V", "--country", "Irland"], code: 64,
            mentions: ["--country", "Irland"]),
        Case(
            name: "impossible date", arguments: usage + ["--since", "2026-02-30", "--route", "agreement"], code: 64,
            mentions: ["--since", "2026-02-30"]),
        Case(
            name: "malformed date", arguments: usage + ["--since", "1/3/2026", "--route", "agreement"], code: 64,
            mentions: ["--since", "1/3/2026"]),
        Case(
            name: "reversed usage period",
            arguments: usage + ["--since", "2026-03-01", "--until", "2026-02-01", "--route", "agreement"], code: 64,
            mentions: ["--until", "2026-02-01"]),
        Case(
            name: "reversed validity",
            arguments: [
                "evidence", "add", "agreement.pdf", "--kind", "agreement", "--title", "T", "--covers", "USE-1",
                "--valid-from", "2026-05-01", "--valid-until", "2026-04-30",
            ], code: 64, mentions: ["--valid-until", "2026-04-30"]),
        Case(
            name: "capture in the future",
            arguments: [
                "evidence", "add", "screenshot.png", "--kind", "opt-out-screenshot", "--title", "T", "--covers",
                "USE-1", "--captured", "2026-06-16",
            ], code: 64, mentions: ["--captured", "2026-06-16"]),
        Case(
            name: "unknown solution by id",
            arguments: [
                "usage", "add", "--solution", "SOL-99", "--service", "SVC-1", "--since", "2026-01-01",
                "--route", "none", "--vendor-own-purposes", "no",
            ], code: 1, mentions: ["--solution", "SOL-99"]),
        Case(
            name: "unknown covered record",
            arguments: [
                "evidence", "add", "agreement.pdf", "--kind", "agreement", "--title", "T", "--covers", "USE-9",
            ],
            code: 1, mentions: ["--covers", "USE-9"]),
        Case(
            name: "ambiguous name",
            arguments: [
                "usage", "add", "--solution", "SOL-1", "--service", "Google", "--since", "2026-01-01",
                "--route", "none", "--vendor-own-purposes", "no",
            ], code: 1, mentions: ["--service", "Google", "ambiguous"]),
        Case(
            name: "unknown owner", arguments: solution + ["--owner", "Politiet"], code: 1,
            mentions: ["--owner", "Politiet"]),
        Case(
            name: "unknown owner role", arguments: solution + ["--owner", "AUT-1:boss"], code: 64,
            mentions: ["--owner", "AUT-1:boss"]),
        Case(
            name: "unknown kind",
            arguments: ["authority", "add", "--name", "X", "--cvr", "10213231", "--kind", "federal"],
            code: 64, mentions: ["--kind", "federal"]),
        Case(
            name: "unknown route", arguments: usage + ["--since", "2026-01-01", "--route", "consent"], code: 64,
            mentions: ["--route", "consent"]),
        Case(
            name: "unknown evidence kind",
            arguments: ["evidence", "add", "agreement.pdf", "--kind", "contract", "--title", "T", "--covers", "USE-1"],
            code: 64, mentions: ["--kind", "contract"]),
        Case(
            name: "empty file",
            arguments: ["evidence", "add", "empty.pdf", "--kind", "agreement", "--title", "T", "--covers", "USE-1"],
            code: 1, mentions: ["empty.pdf", "empty"]),
        Case(
            name: "missing file",
            arguments: ["evidence", "add", "absent.pdf", "--kind", "agreement", "--title", "T", "--covers", "USE-1"],
            code: 1, mentions: ["absent.pdf", "no such file"]),
        Case(
            name: "unreadable file",
            arguments: ["evidence", "add", "UNREADABLE", "--kind", "other", "--title", "T", "--covers", "USE-1"],
            code: 1, mentions: ["cannot be read"]),
        Case(
            name: "directory as file",
            arguments: ["evidence", "add", "folder", "--kind", "agreement", "--title", "T", "--covers", "USE-1"],
            code: 1, mentions: ["folder", "directory"]),
        Case(
            name: "kind does not fit the bytes",
            arguments: [
                "evidence", "add", "config.json", "--kind", "opt-out-screenshot", "--title", "T", "--covers", "USE-1",
            ],
            code: 1, mentions: ["config.json", "JSON", "opt-out-screenshot"]),
        Case(
            name: "second file does not fit",
            arguments: [
                "evidence", "add", "screenshot.png", "random.bin", "--kind", "opt-out-screenshot", "--title", "T",
                "--covers", "USE-1",
            ], code: 1, mentions: ["random.bin", "opt-out-screenshot"]),
        Case(
            name: "no covered record",
            arguments: ["evidence", "add", "agreement.pdf", "--kind", "agreement", "--title", "T", "--covers"],
            code: 64, mentions: ["--covers"]),
        Case(
            name: "notice without an end",
            arguments: [
                "evidence", "add", "agreement.pdf", "--kind", "agreement", "--title", "T", "--covers", "USE-1",
                "--notice-days", "30",
            ], code: 64, mentions: ["--notice-days", "30"]),
        Case(
            name: "host pattern",
            arguments: [
                "service", "add", "--vendor", "VEN-1", "--name", "S", "--category", "cdn",
                "--host", "https://cdn.example.com/x",
            ], code: 64, mentions: ["--host", "https://cdn.example.com/x"]),
        Case(name: "edit with nothing to change", arguments: ["usage", "edit", "USE-1"], code: 1, mentions: ["USE-1"]),
        Case(
            name: "remove what others use", arguments: ["solution", "remove", "SOL-1"], code: 1,
            mentions: ["SOL-1", "USE-1"]),
        Case(name: "show unknown", arguments: ["evidence", "show", "EVD-7"], code: 1, mentions: ["EVD-7"]),
        // Rules version 2: parties, capture dates, and no verdicts before the guidance.
        Case(
            name: "vendor-level evidence without parties",
            arguments: [
                "evidence", "add", "agreement.pdf", "--kind", "agreement", "--title", "T", "--covers", "VEN-1",
            ],
            code: 64, mentions: ["--party", "vendor or service"]),
        Case(
            name: "service-level evidence without parties",
            arguments: [
                "evidence", "add", "agreement.pdf", "--kind", "agreement", "--title", "T", "--covers", "USE-1", "SVC-1",
            ], code: 64, mentions: ["--party"]),
        Case(
            name: "unknown party",
            arguments: [
                "evidence", "add", "agreement.pdf", "--kind", "agreement", "--title", "T", "--covers", "VEN-1",
                "--party", "AUT-9",
            ], code: 1, mentions: ["--party", "AUT-9"]),
        Case(
            name: "all-state with other parties",
            arguments: [
                "evidence", "add", "agreement.pdf", "--kind", "agreement", "--title", "T", "--covers", "VEN-1",
                "--party", "all-state", "--party", "AUT-1",
            ], code: 64, mentions: ["--party", "all-state"]),
        Case(
            name: "an opt-out signed",
            arguments: [
                "evidence", "add", "screenshot.png", "--kind", "opt-out-screenshot", "--title", "T", "--covers",
                "USE-1", "--signed", "2026-01-05",
            ], code: 64, mentions: ["--signed", "2026-01-05", "--captured"]),
        Case(
            name: "status before the guidance", arguments: ["status", "--as-of", "2022-02-01"], code: 64,
            mentions: ["--as-of", "2022-02-01", "2022-02-02"]),
        Case(
            name: "due before the guidance", arguments: ["due", "--from", "2021-12-31"], code: 64,
            mentions: ["--from", "2021-12-31"]),
        Case(
            name: "annual report before the guidance", arguments: ["report", "annual", "--year", "2021", "--out", "r"],
            code: 64, mentions: ["--year", "2021", "2022 or more"]),
        Case(
            name: "bundle before the guidance",
            arguments: [
                "bundle", "create", "--all", "--as-of", "2020-06-01", "--key", "agreement.pdf", "--out", "b.tar",
            ],
            code: 64, mentions: ["--as-of", "2020-06-01"]),
    ]

    @Test(arguments: cases)
    func isRefusedWithOneLineAndChangesNothing(_ badCase: Case) throws {
        try withTemporaryDirectory { directory in
            let evident = Evident(directory: directory)
            try evident.populate()
            for name in ["agreement.pdf", "screenshot.png", "config.json", "random.bin"] {
                _ = try evident.fixture(name)
            }
            _ = FileManager.default.createFile(
                atPath: directory.appendingPathComponent("empty.pdf").path, contents: Data())
            try FileManager.default.createDirectory(
                at: directory.appendingPathComponent("folder"), withIntermediateDirectories: true)
            // Root reads any file whatever its mode; this kernel file opens but refuses to be read.
            let unreadable =
                geteuid() == 0 ? "/proc/self/clear_refs" : try evident.fixture("agreement.pdf", as: "locked.pdf")
            if geteuid() != 0 { chmod(unreadable, 0) }
            let arguments = badCase.arguments.map { argument in
                if argument == "UNREADABLE" { return unreadable }
                let local = directory.appendingPathComponent(argument).path
                return argument.contains(".") && !argument.hasPrefix("--") && !argument.contains("/")
                    && !argument.contains(":") && FileManager.default.fileExists(atPath: local)
                    || argument == "absent.pdf"
                    || argument == "folder" ? local : argument
            }
            let before = try snapshot(ofHome: evident.home)
            let result = evident.run(arguments)
            #expect(result.code == badCase.code, "\(result.err)")
            #expect(result.out.isEmpty)
            let lines = result.err.split(separator: "\n")
            #expect(lines.count == 1, "\(result.err)")
            #expect(result.err.hasPrefix("error: "))
            for mention in badCase.mentions {
                #expect(result.err.contains(mention), "'\(mention)' missing from: \(result.err)")
            }
            #expect(try snapshot(ofHome: evident.home) == before)
        }
    }
}
