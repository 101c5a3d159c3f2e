import EvidentTestSupport
import Foundation
import Testing

/// The JSON every command prints is checked against its JSON Schema in `schema/`, with `scripts/validate-json`.
@Suite struct SchemaValidationTests {
    static let outputs: [(command: [String], schema: String)] = [
        (["authority", "list"], "authority-list"), (["authority", "show", "AUT-1"], "authority"),
        (["solution", "list"], "solution-list"), (["solution", "show", "SOL-1"], "solution"),
        (["vendor", "list"], "vendor-list"), (["vendor", "show", "VEN-1"], "vendor"),
        (["service", "list"], "service-list"), (["service", "show", "SVC-1"], "service"),
        (["usage", "list"], "usage-list"), (["usage", "show", "USE-1"], "usage"),
        (["evidence", "list"], "evidence-list"), (["evidence", "show", "EVD-1"], "evidence"),
        (["authority", "add", "--name", "Rigspolitiet", "--cvr", "10213231", "--kind", "state"], "authority"),
        (["authority", "remove", "Rigspolitiet"], "removed"),
        (["usage", "edit", "USE-1", "--until", "2026-05-31"], "usage"),
        (["evidence", "remove", "EVD-1", "--reason", "replaced"], "evidence"),
        (["status", "--as-of", "2026-06-15"], "status"),
        (["status", "--as-of", "2022-02-02"], "status"),
        (["due", "--from", "2026-06-15", "--within", "900"], "due-list"),
        // A year on, the populated deadlines have passed: overdue items.
        (["due", "--from", "2027-06-15", "--within", "0"], "due-list"),
        (["settings", "warning-days", "30"], "settings"),
        (["log"], "audit-log"),
        (["log", "--record", "EVD-1"], "audit-log"),
        (["check", "--deep"], "check"),
    ]

    @Test func everyJSONOutputMatchesItsSchema() throws {
        try withTemporaryDirectory { directory in
            let evident = Evident(directory: directory)
            try evident.populate()
            for (command, schema) in Self.outputs {
                let result = evident.run(command + ["--json"])
                #expect(result.code == 0, "\(command): \(result.err)")
                let validation = try validate(result.out, against: schema)
                #expect(validation.code == 0, "\(command) against \(schema): \(validation.err)")
            }
        }
    }

    @Test func theAnnualReportMatchesItsSchema() throws {
        try withTemporaryDirectory { directory in
            let evident = Evident(directory: directory)
            try evident.populate()
            let out = directory.appendingPathComponent("report")
            #expect(evident("report", "annual", "--year", "2026", "--out", out.path).code == 0)
            let json = try String(contentsOf: out.appendingPathComponent("report.json"), encoding: .utf8)
            let validation = try validate(json, against: "annual-report")
            #expect(validation.code == 0, "\(validation.err)")
        }
    }

    @Test func intakeAndTheNationalEvaluationMatchTheirSchemas() throws {
        try withTemporaryDirectory { directory in
            let round = try NationalRound(in: directory)
            let intake = round.national("intake", "add", round.bundle, "--allowed-signers", round.signers, "--json")
            #expect(try validate(intake.out, against: "intake-report").code == 0)
            for command in [["intake", "list"], ["intake", "show", "RCV-1"]] {
                let output = round.national.run(command + ["--json"]).out
                let validation = try validate(
                    output, against: command[1] == "list" ? "received-bundle-list" : "received-bundle")
                #expect(validation.code == 0, "\(command): \(validation.err)")
            }
            let evaluation = round.national("evaluation", "--year", "2026", "--as-of", "2026-12-31", "--json")
            let validation = try validate(evaluation.out, against: "national-evaluation")
            #expect(validation.code == 0, "\(validation.err)")
        }
    }

    @Test func theValidatorRejectsOutputThatDrifted() throws {
        try withTemporaryDirectory { directory in
            let evident = Evident(directory: directory)
            try evident.populate()
            let output = evident("authority", "show", "AUT-1", "--json").out
            let drifted = output.replacingOccurrences(of: "\"kind\"", with: "\"type\"")
            #expect(try validate(drifted, against: "authority").code == 1)
            #expect(try validate(output, against: "vendor").code == 1)
        }
    }

    private func validate(_ json: String, against schema: String) throws -> Run {
        try withTemporaryDirectory { directory in
            let result = try tool(
                Fixtures.repositoryRoot.appendingPathComponent("scripts/validate-json").path, [schema],
                input: try temporaryFile(json, in: directory))
            return Run(code: result.code, out: result.out, err: result.out + result.err)
        }
    }
}
