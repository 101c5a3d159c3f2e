import EvidentKit
import EvidentTestSupport
import Foundation
import Testing

/// `evident import` and `evident export`, run as a script runs them.
@Suite struct ImportCommandTests {
    static let november30 = Date(timeIntervalSince1970: 1_796_040_000)  // 2026-11-30T12:00:00Z

    /// A home with one record of every kind (`populate`), its clock on 2026-11-30.
    static func populated(in directory: URL) throws -> Evident {
        var evident = Evident(directory: directory)
        evident.time = november30
        try evident.populate()
        return evident
    }

    /// Writes bytes to a file in the test's directory and returns its path.
    @discardableResult
    static func write(_ bytes: [UInt8], _ name: String, in directory: URL) throws -> String {
        let url = directory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
        return url.path
    }

    @discardableResult
    static func write(_ text: String, _ name: String, in directory: URL) throws -> String {
        try write(Array(text.utf8), name, in: directory)
    }

    /// Two documents beside the contract list: an agreement and a config export.
    static func documents(in directory: URL) throws {
        try write("Aftale om kort.\nPunkt 4.2: ingen brug til egne formål.\n", "docs/kort-aftale.txt", in: directory)
        try write(#"{"anonymizeIp": true, "dataSharing": false}"# + "\n", "docs/ga-config.json", in: directory)
    }

    /// Every quirk a spreadsheet's CSV has: a byte-order mark, semicolons, CRLF, quoted separators, quotes and
    /// line breaks, Danish letters, all three date forms, Danish and English headers in any case and order, and a
    /// cell that starts with `=`.
    static let quirkyCSV =
        "\u{FEFF}TITEL;vendor;Leverandør Land;tjeneste;Kategori;VÆRTER;Type;parter;Underskrevet;gyldig_fra;Valid Until;"
        + "Varsel dage;Klausul;Dækker;Dokument;Optaget;vendor vat\r\n"
        + "\"Kortaftale; Ærø \"\"Øst\"\"\";Kortfirma ApS;DK;Kort & Søg;maps;\"kort.example.dk\r\n*.kortcdn.dk\";"
        + "agreement;Skattestyrelsen;01.03.2026;01-03-2026;2027-02-28;90;\"Punkt 4.2\r\nog 4.3\";;"
        + "docs/kort-aftale.txt;;\r\n"
        + "=HYPERLINK(\"http://x\");Google Ireland;IE;Google Analytics;;;opt-out-config;;;;;;;TastSelv Borger;"
        + "docs/ga-config.json;2026-10-01;IE6388047V\r\n"

    @Test func aCSVWithEveryQuirkImportsAsItsRowsSay() throws {
        try withTemporaryDirectory { directory in
            let evident = try Self.populated(in: directory)
            try Self.documents(in: directory)
            let file = try Self.write(Self.quirkyCSV, "kontrakter.csv", in: directory)
            let result = evident("import", file)
            #expect(result.code == 0, "\(result.err)")
            #expect(result.out.contains(": 2 added, 0 changed, 0 unchanged"))

            let list = try #require(try evident("evidence", "list", "--json").json() as? [[String: Any]])
            let map = try #require(list.first { ($0["kind"] as? String) == "agreement" })
            #expect(map["title"] as? String == #"Kortaftale; Ærø "Øst""#)
            #expect(map["signed"] as? String == "2026-03-01")
            #expect(map["validFrom"] as? String == "2026-03-01")
            #expect(map["validUntil"] as? String == "2027-02-28")
            #expect(map["noticeDays"] as? Int == 90)
            #expect(map["clause"] as? String == "Punkt 4.2 og 4.3")
            #expect(map["parties"] as? [String] == ["AUT-1"])
            let config = try #require(list.first { ($0["kind"] as? String) == "opt-out-config" })
            #expect(config["title"] as? String == #"=HYPERLINK("http://x")"#)
            #expect(config["covers"] as? [String] == ["USE-1"])
            #expect(config["parties"] as? [String] == ["AUT-1"])
            #expect(config["captured"] as? String == "2026-10-01")

            let services = try #require(try evident("service", "list", "--json").json() as? [[String: Any]])
            let map2 = try #require(services.first { ($0["name"] as? String) == "Kort & Søg" })
            #expect(map2["hosts"] as? [String] == ["kort.example.dk", "*.kortcdn.dk"])
            #expect(map2["vendorName"] as? String == "Kortfirma ApS")
        }
    }

    @Test func commasLineFeedsAndNoByteOrderMarkReadTheSame() throws {
        try withTemporaryDirectory { directory in
            let evident = try Self.populated(in: directory)
            try Self.documents(in: directory)
            let text = Self.quirkyCSV.dropFirst().replacingOccurrences(of: "\r\n", with: "\n")
                .replacingOccurrences(of: ";", with: ",").replacingOccurrences(
                    of: "Kortaftale, Ærø", with: "Kortaftale; Ærø")
            let file = try Self.write(String(text), "contracts.csv", in: directory)
            let result = evident("import", file)
            #expect(result.code == 0, "\(result.err)")
            #expect(result.out.contains(": 2 added, 0 changed, 0 unchanged"))
            #expect(evident("evidence", "show", "Kortaftale").out.contains("Punkt 4.2 og 4.3"))
        }
    }

    @Test func importingTheSameFileAgainChangesNothingAndSaysSo() throws {
        try withTemporaryDirectory { directory in
            let evident = try Self.populated(in: directory)
            try Self.documents(in: directory)
            let file = try Self.write(Self.quirkyCSV, "kontrakter.csv", in: directory)
            #expect(evident("import", file).code == 0)
            let before = try snapshot(ofHome: evident.home)
            let again = evident("import", file)
            #expect(again.code == 0)
            #expect(again.out.contains(": 0 added, 0 changed, 2 unchanged"))
            #expect(try snapshot(ofHome: evident.home) == before)
        }
    }

    /// Progress names each phase (rows checked, documents hashed and stored, rows written) and counts up to its
    /// total, for the CLI to show on a terminal.
    @Test func progressCountsEveryPhaseUpToItsTotal() throws {
        try withTemporaryDirectory { directory in
            let evident = try Self.populated(in: directory)
            try Self.documents(in: directory)
            let file = try Self.write(Self.quirkyCSV, "kontrakter.csv", in: directory)
            let registry = try Registry.open(at: Home(path: evident.home.path))
            var seen: [ImportProgress] = []
            _ = try registry.importFile(file, ChangeContext(actor: "tester", command: "import")) { seen.append($0) }
            for phase in [ImportProgress.Phase.checkingRows, .hashingDocuments, .storingDocuments, .writingRows] {
                let steps = seen.filter { $0.phase == phase }
                // Reported every so many steps and at the last one.
                #expect(steps.last?.done == 2, "\(phase)")
                #expect(steps.map(\.done) == steps.map(\.done).sorted(), "\(phase)")
                #expect(steps.allSatisfy { $0.total == 2 }, "\(phase)")
            }
        }
    }

    @Test func theImportIsOneAuditEventNamingTheFilesHash() throws {
        try withTemporaryDirectory { directory in
            let evident = try Self.populated(in: directory)
            try Self.documents(in: directory)
            let file = try Self.write(Self.quirkyCSV, "kontrakter.csv", in: directory)
            let summary = try #require(try evident("import", file, "--json").json() as? [String: Any])
            let sha256 = try #require(summary["sha256"] as? String)
            let expected = try tool("sha256sum", [file]).out.prefix(64)
            #expect(sha256 == String(expected))
            let events = try #require(try evident("log", "--json").json() as? [[String: Any]])
            let imports = events.filter { ($0["command"] as? String)?.hasPrefix("import") == true }
            #expect(imports.count == 1)
            #expect(imports.first?["command"] as? String == "import sha256:\(sha256)")
            let touched = (imports.first?["records"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
            #expect(Set(touched ?? []) == ["EVD-2", "EVD-3", "VEN-2", "SVC-3"])
        }
    }

    @Test func aChangedDateOrDocumentFilesARevisionThatSupersedesTheOld() throws {
        try withTemporaryDirectory { directory in
            let evident = try Self.populated(in: directory)
            try Self.documents(in: directory)
            let file = try Self.write(Self.quirkyCSV, "kontrakter.csv", in: directory)
            #expect(evident("import", file).code == 0)
            try Self.write(
                Self.quirkyCSV.replacingOccurrences(of: "2027-02-28", with: "2027-06-30"), "kontrakter.csv",
                in: directory)
            let dates = evident("import", file)
            #expect(dates.out.contains(": 0 added, 1 changed, 1 unchanged"), "\(dates.out)\(dates.err)")
            #expect(dates.out.contains("line 2: revised EVD-4, superseding EVD-2"))
            try Self.write(
                #"{"anonymizeIp": true, "dataSharing": false, "signals": false}"# + "\n", "docs/ga-config.json",
                in: directory)
            let document = evident("import", file)
            #expect(document.out.contains(": 0 added, 1 changed, 1 unchanged"), "\(document.out)\(document.err)")
            #expect(document.out.contains("revised EVD-5, superseding EVD-3"))
            #expect(evident("evidence", "show", "EVD-3", "--json").out.contains(#""status" : "superseded""#))
            try Self.write(
                Self.quirkyCSV.replacingOccurrences(of: "2027-02-28", with: "2027-06-30")
                    .replacingOccurrences(of: "og 4.3", with: "og 4.4"), "kontrakter.csv", in: directory)
            let clause = evident("import", file)
            #expect(clause.out.contains(": 0 added, 1 changed, 1 unchanged"), "\(clause.out)\(clause.err)")
            #expect(clause.out.contains("line 2: changed EVD-4"))
        }
    }

    @Test func aDryRunSaysWhatTheRealRunDoesAndWritesNothing() throws {
        try withTemporaryDirectory { directory in
            let evident = try Self.populated(in: directory)
            try Self.documents(in: directory)
            let file = try Self.write(Self.quirkyCSV, "kontrakter.csv", in: directory)
            let before = try snapshot(ofHome: evident.home)
            let dry = evident("import", file, "--dry-run")
            #expect(dry.code == 0)
            #expect(try snapshot(ofHome: evident.home) == before)
            let real = evident("import", file)
            #expect(
                dry.out.replacingOccurrences(of: "Dry run, nothing written: would import", with: "Imported") == real.out
            )
            #expect(real.out.contains("New vendors and services: VEN-2, SVC-3"))
        }
    }

    @Test func everyProblemIsReportedAndNothingIsWritten() throws {
        try withTemporaryDirectory { directory in
            let evident = try Self.populated(in: directory)
            try Self.documents(in: directory)
            let outside = directory.appendingPathComponent("outside.txt")
            try Data("secret\n".utf8).write(to: outside)
            let lists = directory.appendingPathComponent("lists")
            try FileManager.default.createDirectory(
                at: lists.appendingPathComponent("docs"), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(
                atPath: lists.appendingPathComponent("docs/link.txt").path, withDestinationPath: outside.path)
            try FileManager.default.copyItem(
                at: directory.appendingPathComponent("docs/kort-aftale.txt"),
                to: lists.appendingPathComponent("docs/kort-aftale.txt"))
            let text = """
                vendor,vendor country,service,service category,service hosts,kind,title,parties,signed,valid until,document
                Google Ireland,IE,Google Analytics,,,agreement,Good row,AUT-1,2026-01-01,,docs/kort-aftale.txt
                Google Ireland,IE,Google Analytics,,,contract,Bad kind,AUT-1,31.02.2026,,docs/kort-aftale.txt
                Google Ireland,IE,Google Analytics,,,agreement,Escapes,Nobody,2026-01-01,2025-01-01,../outside.txt
                Google Ireland,IE,Google Analytics,,,agreement,Absolute,AUT-1,2026-01-01,,\(outside.path)
                Google Ireland,IE,Google Analytics,,,agreement,Link,AUT-1,2026-01-01,,docs/link.txt
                New Vendor,,New Service,,,agreement,New,AUT-1,2026-12-24,,docs/kort-aftale.txt

                """
            let file = try Self.write(text, "lists/contracts.csv", in: directory)
            let before = try snapshot(ofHome: evident.home)
            let result = evident("import", file)
            #expect(result.code == 64)
            #expect(try snapshot(ofHome: evident.home) == before)
            let expected = [
                "line 3, column kind 'contract': expected one of",
                "line 3, column signed '31.02.2026': no such day in the calendar",
                "line 4, column valid until '2025-01-01': is before signed 2026-01-01",
                "line 5, column document '\(outside.path)': must be a path relative to the import file's directory",
                "line 6, column document 'docs/link.txt': is a symbolic link that leads out of the import file's directory",
                "line 7, column signed '2026-12-24': is in the future (today is 2026-11-30)",
            ]
            for line in expected { #expect(result.err.contains(line), "\(line)\n\(result.err)") }
            #expect(result.err.hasPrefix("error: 6 problems, nothing imported:"), "\(result.err)")
            #expect(!result.err.contains("line 2"))

            // Once the cells are right, the references are checked, and every one that is wrong is reported.
            let second = """
                vendor,service,kind,title,parties,covers,document
                Google Ireland,Google Analytics,agreement,Escapes,Nobody,,../outside.txt
                New Vendor,New Service,agreement,New,AUT-1,,docs/kort-aftale.txt
                Google Ireland,Google Fonts,agreement,Fonts,,TastSelv Borger,docs/kort-aftale.txt
                Google Ireland,Google Analytics,agreement,Nope,AUT-1,Nowhere,docs/kort-aftale.txt

                """
            let result2 = evident("import", try Self.write(second, "lists/contracts.csv", in: directory))
            #expect(result2.code == 64)
            for line in [
                "line 2, column document '../outside.txt': must not leave the import file's directory",
                "line 3, column vendor country '': a new vendor needs its country",
                "line 4, column covers 'TastSelv Borger': SOL-1 (TastSelv Borger) does not use 'Google Fonts' (SVC-2)",
                "line 5, column covers 'Nowhere': no solution has this name",
            ] {
                #expect(result2.err.contains(line), "\(line)\n\(result2.err)")
            }
            #expect(try snapshot(ofHome: evident.home) == before)
        }
    }

    @Test func aFileThatIsNotUTF8IsRefusedWithItsLineUnlessItsEncodingIsGiven() throws {
        try withTemporaryDirectory { directory in
            let evident = try Self.populated(in: directory)
            try Self.documents(in: directory)
            let text =
                "vendor;service;kind;title;parties;signed;document\r\n"
                + "Google Ireland;Google Analytics;agreement;Aftale for \u{00C6}r\u{00F8};AUT-1;2026-01-01;docs/kort-aftale.txt\r\n"
            let bytes = Array(text.unicodeScalars.map { UInt8($0.value) })
            let file = try Self.write(bytes, "ansi.csv", in: directory)
            let refused = evident("import", file)
            #expect(refused.code == 64)
            #expect(refused.err.contains("line 2: not valid UTF-8"))
            #expect(refused.err.contains("--encoding windows-1252"))
            let accepted = evident("import", file, "--encoding", "windows-1252")
            #expect(accepted.code == 0, "\(accepted.err)")
            #expect(evident("evidence", "show", "EVD-2").out.contains("Aftale for Ærø"))
        }
    }

    @Test func aJSONContractListImportsAndReportsBadValues() throws {
        try withTemporaryDirectory { directory in
            let evident = try Self.populated(in: directory)
            try Self.documents(in: directory)
            let good = """
                [{"vendor": "Google Ireland", "service": "Google Analytics", "kind": "agreement", "title": "JSON",
                  "parties": ["AUT-1"], "signed": "2026-01-01", "validUntil": "2027-01-01", "noticeDays": 30,
                  "document": "docs/kort-aftale.txt"}]
                """
            let result = evident("import", try Self.write(good, "list.json", in: directory), "--json")
            #expect(result.code == 0, "\(result.err)")
            let summary = try #require(try result.json() as? [String: Any])
            #expect(summary["added"] as? Int == 1)
            let bad = """
                [{"vendor": "Google Ireland", "service": "Google Analytics", "kind": "agreement", "title": 5,
                  "parties": "AUT-1", "noticeDays": 3.5, "colour": "red", "document": "docs/kort-aftale.txt"}, 7]
                """
            let refused = evident("import", try Self.write(bad, "bad.json", in: directory), "--json")
            #expect(refused.code == 64)
            let problems = try #require((try refused.json() as? [String: Any])?["problems"] as? [[String: Any]])
            let reasons = problems.map { "\($0["line"] ?? ""):\($0["column"] ?? ""):\($0["reason"] ?? "")" }
            for expected in [
                "1:title:expected a string", "1::unknown key", "1:notice days:expected a whole number",
                "2::expected an object",
            ] {
                #expect(reasons.contains(expected), "\(expected) in \(reasons)")
            }
        }
    }

    @Test func theSampleContractListsImportIntoTheSampleRegistryOnce() throws {
        try withTemporaryDirectory { directory in
            var evident = try Evident.samples(in: directory)
            evident.time = Self.november30
            let samples = Fixtures.repositoryRoot.appendingPathComponent("samples")
            let csv = evident("import", samples.appendingPathComponent("contracts.csv").path)
            #expect(csv.code == 0, "\(csv.err)")
            #expect(csv.out.contains(": 24 added, 0 changed, 0 unchanged"))
            let before = try snapshot(ofHome: evident.home)
            #expect(
                evident("import", samples.appendingPathComponent("contracts.csv").path).out
                    .contains(": 0 added, 0 changed, 24 unchanged"))
            #expect(
                evident("import", samples.appendingPathComponent("contracts.json").path).out
                    .contains(": 0 added, 0 changed, 24 unchanged"))
            #expect(try snapshot(ofHome: evident.home) == before)
        }
    }

    @Test func anExportImportedIntoAnEmptyHomeExportsTheSameFiles() throws {
        try withTemporaryDirectory { directory in
            var evident = try Evident.samples(in: directory)
            evident.time = Self.november30
            let samples = Fixtures.repositoryRoot.appendingPathComponent("samples")
            #expect(evident("import", samples.appendingPathComponent("contracts.csv").path).code == 0)
            #expect(evident("evidence", "remove", "EVD-9", "--reason", "replaced by the imported DPA").code == 0)
            let first = directory.appendingPathComponent("first")
            let exported = evident("export", "--out", first.path)
            #expect(exported.code == 0, "\(exported.err)")

            var rebuilt = Evident(directory: directory.appendingPathComponent("rebuilt"))
            rebuilt.time = Self.november30
            try FileManager.default.createDirectory(at: rebuilt.directory, withIntermediateDirectories: true)
            #expect(rebuilt("init").code == 0)
            let restored = rebuilt("import", first.appendingPathComponent("registry.json").path)
            #expect(restored.code == 0, "\(restored.err)")
            let second = directory.appendingPathComponent("second")
            #expect(rebuilt("export", "--out", second.path).code == 0)

            let names = try FileManager.default.subpathsOfDirectory(atPath: first.path).sorted()
            #expect(names == (try FileManager.default.subpathsOfDirectory(atPath: second.path).sorted()))
            #expect(names.contains("registry.json"))
            for name in names where !name.hasSuffix("documents") {
                let a = try Data(contentsOf: first.appendingPathComponent(name))
                let b = try Data(contentsOf: second.appendingPathComponent(name))
                #expect(a == b, "\(name) differs")
            }
            #expect(rebuilt("check").code == 0)
            #expect(rebuilt("evidence", "list", "--json").out == evident("evidence", "list", "--json").out)
            // The same verdicts; only the recorded moment (the rebuilt home's one audit event) differs.
            let verdicts = { (home: Evident) in
                ((try? home("status", "--as-of", "2026-11-30", "--json").json()) as? [String: Any])?["verdicts"]
                    .flatMap { try? JSONSerialization.data(withJSONObject: $0, options: .sortedKeys) }
            }
            #expect(verdicts(rebuilt) != nil)
            #expect(verdicts(rebuilt) == verdicts(evident))
            // Once rebuilt, the home has records: the export cannot be loaded into it twice.
            let twice = rebuilt("import", first.appendingPathComponent("registry.json").path)
            #expect(twice.code == 64)
            #expect(twice.err.contains("an empty home only"))
            // Nor is an export written over files.
            #expect(evident("export", "--out", first.path).code == 1)
        }
    }

    @Test func cellsThatLookLikeFormulasAreStoredAsTextAndWrittenBackAsText() throws {
        try withTemporaryDirectory { directory in
            let evident = try Self.populated(in: directory)
            try Self.documents(in: directory)
            let text = """
                vendor,vendor country,service,service category,service hosts,kind,title,parties,signed,document
                "=HYPERLINK(""http://evil.example"")",DK,@SUM(1),cdn,cdn.example.com,agreement,+45 Aftale,AUT-1,2026-01-01,docs/kort-aftale.txt

                """
            #expect(evident("import", try Self.write(text, "formulas.csv", in: directory)).code == 0)
            let vendor = try #require((try evident("vendor", "show", "VEN-2", "--json").json()) as? [String: Any])
            #expect(vendor["name"] as? String == #"=HYPERLINK("http://evil.example")"#)
            #expect(
                evident(
                    "usage", "add", "--solution", "SOL-1", "--service", "SVC-3", "--since", "2026-01-01", "--route",
                    "agreement", "--vendor-own-purposes", "no"
                ).code == 0)
            let csv = evident("status", "--as-of", "2026-11-30", "--csv").out
            #expect(csv.contains(#",SVC-3,'@SUM(1),VEN-2,"'=HYPERLINK(""http://evil.example"")",agreement,"#), "\(csv)")
            for line in csv.split(separator: "\r\n") {
                for cell in line.split(separator: ",") {
                    #expect(!["=", "+", "-", "@"].contains(cell.first.map(String.init) ?? ""), "\(line)")
                }
            }
        }
    }

    @Test func theImportSummaryTheContractListsAndTheExportMatchTheirSchemas() throws {
        try withTemporaryDirectory { directory in
            let evident = try Self.populated(in: directory)
            try Self.documents(in: directory)
            let file = try Self.write(Self.quirkyCSV, "kontrakter.csv", in: directory)
            let summary = try Self.write(evident("import", file, "--json").out, "summary.json", in: directory)
            let out = directory.appendingPathComponent("export")
            let exported = try Self.write(
                evident("export", "--out", out.path, "--json").out, "export.json", in: directory)
            let samples = Fixtures.repositoryRoot.appendingPathComponent("samples/contracts.json").path
            for (schema, path) in [
                ("import-summary", summary), ("export-summary", exported),
                ("registry-export", out.appendingPathComponent("registry.json").path), ("contract-import", samples),
            ] {
                let result = try tool(
                    Fixtures.repositoryRoot.appendingPathComponent("scripts/validate-json").path, [schema, path])
                #expect(result.code == 0, "\(schema): \(result.out)\(result.err)")
            }
        }
    }

    @Test func vendorsAreMatchedByTheirNumberElseTheirNameAndANumberTheyLackIsFilledIn() throws {
        try withTemporaryDirectory { directory in
            let evident = try Self.populated(in: directory)
            try Self.documents(in: directory)
            #expect(evident("vendor", "add", "--name", "Kortfirma ApS", "--country", "DK").code == 0)
            try Self.write("Kortaftale 2.\n", "docs/kort-2.txt", in: directory)
            let text = """
                vendor,vendor cvr,vendor vat,service,service category,service hosts,kind,title,parties,document
                Google Ireland Limited (renamed),,IE6388047V,Google Analytics,,,agreement,By VAT,AUT-1,docs/kort-aftale.txt
                Kortfirma ApS,25645898,,Kort,maps,kort.example.dk,agreement,By name,AUT-1,docs/kort-2.txt

                """
            let result = evident("import", try Self.write(text, "vendors.csv", in: directory))
            #expect(result.code == 0, "\(result.err)")
            #expect(result.out.contains("Vendors given their CVR or VAT number: VEN-2"))
            #expect(result.out.contains("New vendors and services: SVC-3"))
            let vendors = try #require(try evident("vendor", "list", "--json").json() as? [[String: Any]])
            #expect(vendors.count == 2)
            #expect(vendors.last?["cvr"] as? String == "25645898")
            // A number that contradicts the registered one is refused, naming both.
            let clash = text.replacingOccurrences(of: "Kortfirma ApS,25645898", with: "Kortfirma ApS,13748136")
            let refused = evident("import", try Self.write(clash, "clash.csv", in: directory))
            #expect(refused.code == 64)
            #expect(
                refused.err.contains(
                    "line 3, column vendor cvr '13748136': the vendor 'Kortfirma ApS' (VEN-2) is registered with 25645898"
                ), "\(refused.err)")
        }
    }

    @Test func aCVRAndItsDanishVATNumberAreOneVendorToAddAndToImport() throws {
        try withTemporaryDirectory { directory in
            let evident = try Self.populated(in: directory)
            try Self.documents(in: directory)
            #expect(evident("vendor", "add", "--name", "Cybot", "--country", "DK", "--cvr", "34612358").code == 0)
            let refused = evident("vendor", "add", "--name", "Cybot A/S", "--country", "DK", "--vat", "DK34612358")
            #expect(refused.code == 1)
            #expect(refused.err.contains("--vat 'DK34612358' is already registered as VEN-2"), "\(refused.err)")
            let text = """
                vendor,vendor cvr,vendor vat,service,service category,service hosts,kind,title,parties,document
                Cybot A/S,,DK34612358,Cookiebot,consent,consent.cookiebot.com,agreement,By VAT,AUT-1,docs/kort-aftale.txt

                """
            let result = evident("import", try Self.write(text, "cybot.csv", in: directory))
            #expect(result.code == 0, "\(result.err)")
            let vendors = try #require(try evident("vendor", "list", "--json").json() as? [[String: Any]])
            #expect(vendors.count == 2)
            let services = try #require(try evident("service", "list", "--json").json() as? [[String: Any]])
            #expect(services.first { ($0["name"] as? String) == "Cookiebot" }?["vendorName"] as? String == "Cybot")
        }
    }

    @Test func anExportWithAMissingOrAlteredDocumentRebuildsNothing() throws {
        try withTemporaryDirectory { directory in
            let evident = try Self.populated(in: directory)
            let out = directory.appendingPathComponent("export")
            #expect(evident("export", "--out", out.path).code == 0)
            let documents = out.appendingPathComponent("documents")
            let name = try #require(try FileManager.default.contentsOfDirectory(atPath: documents.path).first)
            try Data("other bytes\n".utf8).write(to: documents.appendingPathComponent(name))
            var rebuilt = Evident(directory: directory.appendingPathComponent("rebuilt"))
            rebuilt.time = Self.november30
            try FileManager.default.createDirectory(at: rebuilt.directory, withIntermediateDirectories: true)
            #expect(rebuilt("init").code == 0)
            let before = try snapshot(ofHome: rebuilt.home)
            let refused = rebuilt("import", out.appendingPathComponent("registry.json").path)
            #expect(refused.code == 64)
            #expect(refused.err.contains("documents/\(name) holds other bytes"), "\(refused.err)")
            #expect(try snapshot(ofHome: rebuilt.home) == before)
        }
    }
}
