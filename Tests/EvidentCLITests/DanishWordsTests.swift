import EvidentKit
import EvidentTestSupport
import Foundation
import Testing

/// `--lang da`, or a Danish locale, gives Danish words in tables, verdicts and reasons; scripts keep English.
@Suite struct DanishWordsTests {
    static let status = ["status", "--as-of", "2026-11-30"]

    @Test func statusInDanishNamesEveryVerdictAndReasonInDanish() throws {
        try withTemporaryDirectory { directory in
            let evident = try Evident.samples(in: directory)
            let danish = evident.run(Self.status + ["--lang", "da"])
            #expect(danish.code == 0)
            #expect(danish.out.hasPrefix("Vurderinger pr. 2026-11-30 (varslingsperiode 60 dage)\nRegistreret "))
            #expect(danish.out.contains("BRUG    LØSNING"))
            #expect(danish.out.contains("VURDERING") && danish.out.contains("BEGRUNDELSE"))
            let json = try #require(try evident.run(Self.status + ["--json"]).json() as? [String: Any])
            for verdict in try #require(json["verdicts"] as? [[String: Any]]) {
                let raw = try #require(verdict["outcome"] as? String)
                let outcome = try #require(Outcome(rawValue: raw))
                let usage = try #require(verdict["usage"] as? String)
                let row = try #require(danish.out.split(separator: "\n").first { $0.hasPrefix(usage + " ") })
                #expect(row.contains(ReportLanguage.da.outcome(outcome)), "\(usage)")
            }
            for english in ["proven by", "is not covered", "no route is claimed", "compliant:"] {
                #expect(!danish.out.contains(english), "\(english)")
            }
            for word in ["dokumenteret ved", "er ikke omfattet", "i orden: 8", "ikke tilladt: 2"] {
                #expect(danish.out.contains(word), "\(word)")
            }
        }
    }

    @Test(arguments: [
        (["LANG": "da_DK.UTF-8"], [String](), true),
        (["LANG": "da_DK.UTF-8", "LC_ALL": "C.UTF-8"], [], false),
        (["LC_MESSAGES": "da_DK.UTF-8", "LANG": "en_GB.UTF-8"], [], true),
        (["LANG": "da_DK.UTF-8"], ["--lang", "en"], false),
        (["LANG": "en_US.UTF-8"], ["--lang", "da"], true),
        ([:], [], false),
    ])
    func theLocaleChoosesUnlessLangIsGiven(environment: [String: String], options: [String], danish: Bool) throws {
        try withTemporaryDirectory { directory in
            let evident = try Evident.samples(in: directory)
            let run = evident.run(Self.status + options, environment: environment)
            #expect(run.code == 0)
            #expect(run.out.hasPrefix("Vurderinger pr.") == danish)
            #expect(run.out.hasPrefix("Verdicts as of") == !danish)
        }
    }

    @Test func jsonAndCSVStayEnglishForScripts() throws {
        try withTemporaryDirectory { directory in
            let evident = try Evident.samples(in: directory)
            for format in ["--json", "--csv"] {
                let english = evident.run(Self.status + [format])
                let danish = evident.run(Self.status + [format, "--lang", "da"])
                #expect(danish.code == 0)
                #expect(danish.out == english.out, "\(format)")
            }
        }
    }

    @Test func listsDueAndTheLogHaveDanishHeadings() throws {
        try withTemporaryDirectory { directory in
            let evident = try Evident.samples(in: directory)
            let cases: [([String], String)] = [
                (["evidence", "list"], "ID      TYPE                       STATUS     GYLDIG TIL"),
                (["usage", "list"], "ID      LØSNING"),
                (["due", "--from", "2026-11-30", "--within", "400"], "DATO        OM"),
                (["log"], "HÆNDELSE  TIDSPUNKT"),
            ]
            for (command, heading) in cases {
                // The option comes before the command name as well as after it.
                for arguments in [command + ["--lang", "da"], ["--lang", "da"] + command] {
                    let run = evident.run(arguments)
                    #expect(run.code == 0, "\(arguments)")
                    #expect(run.out.contains(heading), "\(arguments)")
                }
            }
            #expect(evident("evidence", "list", "--lang", "da").out.contains("erstattet"))
            #expect(evident("due", "--from", "2026-11-30", "--lang", "da").out.contains("OVERSKREDET"))
        }
    }
}
