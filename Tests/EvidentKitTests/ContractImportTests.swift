import Foundation
import Testing

@testable import EvidentKit

/// The parts of a contract import that need no registry: reading CSV, headers, dates, encodings, and writing CSV.
@Suite struct ContractImportTests {
    @Test func recordsStartOnTheirLineWhateverTheirQuotedLineBreaks() throws {
        let text = "a;b\r\n\"x\r\ny\";\"semi;colon \"\"q\"\"\"\r\n\r\nplain \"mid\" quote;\r\nlast;row"
        let records = try CSVReader.records(text, separator: CSVReader.separator(of: text))
        #expect(
            records == [
                .init(line: 1, fields: ["a", "b"]), .init(line: 2, fields: ["x\r\ny", #"semi;colon "q""#]),
                .init(line: 5, fields: [#"plain "mid" quote"#, ""]), .init(line: 6, fields: ["last", "row"]),
            ])
    }

    @Test(arguments: [
        ("a,b\n\"open\n,x\n", 2, "a quoted field that is never closed"),
        ("a,b\n\"closed\"after,x\n", 2, "text after a closing quote"),
        ("a;b\r\nok;ok\r\n\"x\"\"\"y;z\r\n", 3, "text after a closing quote"),
    ])
    func brokenQuotingIsRefusedWithItsLine(text: String, line: Int, reason: String) throws {
        #expect {
            try CSVReader.records(text, separator: CSVReader.separator(of: text))
        } throws: { error in
            guard case ImportError.malformedCSV(let at, let why) = error else { return false }
            return at == line && why.hasPrefix(reason)
        }
    }

    @Test(arguments: [
        ("a;b;\"c,d,e\"\r\n", UInt8(ascii: ";")), ("a,b,c;d\n", UInt8(ascii: ",")), ("only\n", UInt8(ascii: ",")),
    ])
    func theSeparatorIsTheHeaderLinesCommonest(text: String, separator: UInt8) {
        #expect(CSVReader.separator(of: text) == separator)
    }

    @Test(arguments: [
        ("vendor,service,title;with;semicolons\n", UInt8(ascii: ",")),
        ("Leverandør;Titel;Tjeneste,Type\r\n", UInt8(ascii: ";")),
        ("\"Leverandør\";\"Titel, dansk\"\r\n", UInt8(ascii: ";")),
    ])
    func aContractListsSeparatorIsTheOneThatNamesColumns(text: String, separator: UInt8) {
        #expect(ContractList.separator(of: text) == separator)
    }

    @Test(arguments: [
        ("2026-03-01", "2026-03-01"), ("01-03-2026", "2026-03-01"), ("01.03.2026", "2026-03-01"),
        ("1.3.2026", "2026-03-01"), ("29.02.2028", "2028-02-29"),
    ])
    func datesComeInThreeForms(text: String, day: String) throws {
        #expect(try ContractDates.day(text) == Day(parsing: day))
    }

    @Test(arguments: ["2026/03/01", "03-2026", "2026-3-1", "01.03.26", "31.02.2026", "1.3.2026.1", "", "٠١.٠٣.٢٠٢٦"])
    func otherDatesAreRefused(text: String) {
        #expect(throws: InputError.self) { try ContractDates.day(text) }
    }

    @Test(arguments: [
        ("Leverandør", ContractColumn.vendor), ("VENDOR", .vendor), ("Gyldig til", .validUntil),
        ("valid_until", .validUntil), ("validUntil", .validUntil), ("Valid Until", .validUntil),
        ("Varsel (dage)", .noticeDays), ("Momsnummer", .vendorVat), ("Dækker", .covers), ("document", .document),
    ])
    func headersNameColumnsInEitherLanguage(header: String, column: ContractColumn) {
        #expect(ContractColumn(header: header) == column)
    }

    @Test func everyColumnsNamesLeadToItAlone() {
        var seen: [String: ContractColumn] = [:]
        for column in ContractColumn.allCases {
            for name in [column.name, column.key] + column.danishNames {
                let key = ContractColumn.normalized(name)
                #expect(seen[key] == nil || seen[key] == column, "\(name) names two columns")
                seen[key] = column
                #expect(ContractColumn(header: name) == column)
            }
        }
    }

    @Test func utf8IsReadWithOrWithoutAByteOrderMarkAndRefusedWithItsLineWhenBroken() throws {
        let text = "a;b\nÆrø;Øst\n"
        #expect(try ImportEncoding.utf8.decode(Array(text.utf8)) == text)
        #expect(try ImportEncoding.utf8.decode([0xEF, 0xBB, 0xBF] + Array(text.utf8)) == text)
        #expect(throws: ImportError.notUTF8(line: 3)) {
            try ImportEncoding.utf8.decode(Array("a\nb\nc\u{00E6}".unicodeScalars.map { UInt8($0.value) }))
        }
    }

    @Test func windows1252IsReadAsWindowsWritesIt() throws {
        // Æ Ø Å æ ø å, then the euro sign and typographic quotes from 0x80–0x9F.
        let bytes: [UInt8] = [0xC6, 0xD8, 0xC5, 0xE6, 0xF8, 0xE5, 0x20, 0x80, 0x93, 0x94]
        #expect(try ImportEncoding.windows1252.decode(bytes) == "ÆØÅæøå €“”")
    }

    @Test(arguments: [
        ("=1+1", "'=1+1"), ("+45 12345678", "'+45 12345678"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"), ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""), ("a=b", "a=b"),
        ("2026-03-01", "2026-03-01"),
        ("Søren, A/S", "\"Søren, A/S\""),
    ])
    func csvFieldsThatASpreadsheetWouldRunAreWrittenAsText(value: String, written: String) {
        #expect(CSV.field(value, separator: ",") == written)
    }
}
