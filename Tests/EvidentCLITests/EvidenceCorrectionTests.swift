import EvidentTestSupport
import Foundation
import Testing

/// Mistakes in filed evidence can be undone, each with an event in the audit trail.
@Suite struct EvidenceCorrectionTests {
    /// The commands of the audit trail's events, oldest first.
    static func commands(_ evident: Evident) throws -> [String] {
        let events = try #require(try evident("log", "--json").json() as? [[String: Any]])
        return events.compactMap { $0["command"] as? String }
    }

    /// EVD-1's fields as `evidence show --json` gives them.
    static func shown(_ evident: Evident) throws -> [String: Any] {
        try #require(try evident("evidence", "show", "EVD-1", "--json").json() as? [String: Any])
    }

    /// USE-1's verdict today, as `status --json` gives it.
    static func outcome(_ evident: Evident) throws -> String? {
        let status = try #require(try evident("status", "--json").json() as? [String: Any])
        let verdicts = try #require(status["verdicts"] as? [[String: Any]])
        return verdicts.first { $0["usage"] as? String == "USE-1" }?["outcome"] as? String
    }

    @Test func aWithdrawalIsTakenBackAndCountsAgain() throws {
        try withTemporaryDirectory { directory in
            let evident = Evident(directory: directory)
            try evident.populate()
            #expect(evident("evidence", "remove", "EVD-1", "--reason", "wrong file").code == 0)
            #expect(try Self.outcome(evident) == "missing-evidence")
            let restored = evident("evidence", "restore", "EVD-1")
            #expect(restored.out == "Restored EVD-1 Google Ads Data Processing Terms\n")
            #expect(try Self.shown(evident)["status"] as? String == "active")
            #expect(try Self.outcome(evident) == "compliant")
            #expect(try Self.commands(evident).suffix(2) == ["evidence remove", "evidence restore"])

            let again = evident("evidence", "restore", "EVD-1")
            #expect(again.code == 1)
            #expect(again.err == "error: EVD-1 is not withdrawn; there is nothing to restore\n")
            #expect(try Self.commands(evident).last == "evidence restore")
            #expect(evident("check").code == 0)
        }
    }

    @Test func anEmptyValueEmptiesADateOrTheClause() throws {
        try withTemporaryDirectory { directory in
            let evident = Evident(directory: directory)
            try evident.populate()
            // The notice period counts back from the end date, so emptying the end alone is refused.
            let alone = evident("evidence", "edit", "EVD-1", "--valid-until", "")
            #expect(alone.code == 64)
            #expect(alone.err.contains("--notice-days '90': a notice period needs --valid-until"))
            #expect(try Self.shown(evident)["validUntil"] as? String == "2027-12-31")

            #expect(evident("evidence", "edit", "EVD-1", "--valid-until", "", "--notice-days", "").code == 0)
            let edited = try Self.shown(evident)
            #expect(edited["validUntil"] == nil)
            #expect(edited["noticeDays"] == nil)
            #expect(edited["signed"] as? String == "2025-01-01")
            #expect(try Self.commands(evident).last == "evidence edit")

            #expect(evident("evidence", "edit", "EVD-1", "--clause", "").code == 0)
            #expect(try Self.shown(evident)["clause"] == nil)
            // A data-processing agreement proves §3.1 R2 by its nature; an ordinary agreement needs its clause.
            #expect(try Self.outcome(evident) == "compliant")
            #expect(evident("evidence", "edit", "EVD-1", "--kind", "agreement").code == 0)
            #expect(try Self.outcome(evident) == "missing-evidence")
        }
    }

    @Test(arguments: [
        (
            [
                "evidence", "add", "FILE", "--kind", "agreement", "--title", "T", "--covers", "VEN-1", "--party",
                "AUT-1",
                "--valid-until", "",
            ], "error: --valid-until: give a value (an empty value empties a field in evidence edit)"
        ),
        (["evidence", "edit", "EVD-1", "--title", ""], "error: --title '': must not be empty"),
    ])
    func anEmptyValueIsRefusedWhereNothingCanBeEmptied(arguments: [String], message: String) throws {
        try withTemporaryDirectory { directory in
            let evident = Evident(directory: directory)
            try evident.populate()
            let before = try Self.commands(evident)
            let file = try evident.fixture("agreement.pdf", as: "second.pdf")
            let run = evident.run(arguments.map { $0 == "FILE" ? file : $0 })
            #expect(run.code == 64)
            #expect(run.err.hasPrefix(message))
            #expect(try Self.commands(evident) == before)
        }
    }

    @Test func aKindIsCorrectedWhenTheDocumentsAndDatesFitIt() throws {
        try withTemporaryDirectory { directory in
            let evident = Evident(directory: directory)
            try evident.populate()
            #expect(evident("evidence", "edit", "EVD-1", "--kind", "agreement").code == 0)
            #expect(try Self.shown(evident)["kind"] as? String == "agreement")

            // The filed PDF is no configuration export: nothing changes.
            let misfit = evident(
                "evidence", "edit", "EVD-1", "--kind", "opt-out-config", "--signed", "", "--captured", "2025-01-01",
                "--clause", "", "--valid-until", "", "--notice-days", "")
            #expect(misfit.code == 1)
            #expect(
                misfit.err.contains(
                    "file 'agreement.pdf' is PDF (application/pdf), which does not fit kind opt-out-config"))
            #expect(try Self.shown(evident)["kind"] as? String == "agreement")

            // An opt-out screenshot may be a PDF, but is captured, not signed.
            let signed = evident("evidence", "edit", "EVD-1", "--kind", "opt-out-screenshot")
            #expect(signed.code == 64)
            #expect(signed.err.contains("opt-out evidence is captured, not signed"))
            #expect(
                evident(
                    "evidence", "edit", "EVD-1", "--kind", "opt-out-screenshot", "--signed", "", "--captured",
                    "2025-01-01"
                ).code == 0)
            let screenshot = try Self.shown(evident)
            #expect(screenshot["kind"] as? String == "opt-out-screenshot")
            #expect(screenshot["captured"] as? String == "2025-01-01")
            #expect(try Self.commands(evident).suffix(2) == ["evidence edit", "evidence edit"])
            #expect(evident("check").code == 0)
        }
    }

    @Test func supersededEvidenceStaysAsItWas() throws {
        try withTemporaryDirectory { directory in
            let evident = Evident(directory: directory)
            try evident.populate()
            let file = try evident.fixture("agreement.pdf", as: "renewal.pdf")
            #expect(
                evident(
                    "evidence", "add", file, "--kind", "data-processing-agreement", "--title", "Renewal", "--covers",
                    "USE-1", "--party", "AUT-1", "--signed", "2026-01-01", "--clause", "5.2", "--supersedes", "EVD-1"
                ).code == 0)
            let before = try Self.commands(evident)
            let refusal = "error: EVD-1 is superseded by EVD-2 and is kept as it was; correct EVD-2 instead\n"
            for edit in [
                ["--title", "Typo"], ["--kind", "agreement"], ["--valid-until", ""], ["--covers", "VEN-1"],
            ] {
                let run = evident.run(["evidence", "edit", "EVD-1"] + edit)
                #expect(run.code == 1, "\(edit)")
                #expect(run.err == refusal, "\(edit)")
            }
            let second = evident(
                "evidence", "add", file, "--kind", "agreement", "--title", "Another", "--covers", "USE-1", "--party",
                "AUT-1", "--signed", "2026-01-01", "--supersedes", "EVD-1")
            #expect(second.err == refusal)
            #expect(try Self.commands(evident) == before)
            // Once the successor is withdrawn, the old evidence counts again and can be corrected.
            #expect(evident("evidence", "remove", "EVD-2").code == 0)
            #expect(evident("evidence", "edit", "EVD-1", "--title", "Corrected").code == 0)
        }
    }
}
