/// Reads CSV as spreadsheet programs save it: comma or semicolon separated (detected from the header line),
/// CRLF or LF line ends, quoted fields holding separators, doubled quotes and line breaks; a quote inside a field
/// that does not start with one is taken as it is, as spreadsheet programs read it.
///
/// Written here rather than taken from yaslab/CSV.swift or swiftcsv/SwiftCSV: an all-or-nothing import must say
/// on which line a record starts and where quoting is broken. yaslab/CSV.swift reports no lines and, given an
/// unterminated quote, silently reads the rest of the file as one field; SwiftCSV reports no lines either, throws
/// on a stray quote inside an unquoted field without saying where, and drops leading spaces.
enum CSVReader {
    /// One record: the line it starts on and its fields as written (quotes removed).
    struct Record: Sendable, Equatable {
        var line: Int
        var fields: [String]
    }

    /// The separator the header line uses: a semicolon when it has more of them than commas (Danish spreadsheet
    /// programs write semicolons), else a comma.
    static func separator(of text: String) -> UInt8 {
        var commas = 0
        var semicolons = 0
        var quoted = false
        for byte in text.utf8 {
            switch byte {
            case 0x22: quoted.toggle()
            case 0x2C where !quoted: commas += 1
            case 0x3B where !quoted: semicolons += 1
            case 0x0A where !quoted, 0x0D where !quoted: return semicolons > commas ? 0x3B : 0x2C
            default: break
            }
        }
        return semicolons > commas ? 0x3B : 0x2C
    }

    /// Every record of `text`, blank lines left out; throws naming the line where quoting is broken.
    static func records(_ text: String, separator: UInt8) throws(ImportError) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var recordLine = 1
        var quoted = false
        var quoteLine = 1
        var afterQuote = false
        let bytes = Array(text.utf8)
        var index = 0

        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            afterQuote = false
        }
        func endRecord() {
            endField()
            if fields.count > 1 || !fields[0].isEmpty { records.append(Record(line: recordLine, fields: fields)) }
            fields.removeAll(keepingCapacity: true)
        }

        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if quoted {
                if byte == 0x22 {
                    if index < bytes.count, bytes[index] == 0x22 {
                        field.append(0x22)
                        index += 1
                    } else {
                        quoted = false
                        afterQuote = true
                    }
                } else {
                    if byte == 0x0A { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case separator:
                endField()
            case 0x0D, 0x0A:
                if byte == 0x0D, index < bytes.count, bytes[index] == 0x0A { index += 1 }
                endRecord()
                line += 1
                recordLine = line
            case 0x22 where field.isEmpty && !afterQuote:
                quoted = true
                quoteLine = line
            default:
                guard !afterQuote else {
                    throw ImportError.malformedCSV(
                        line: line, reason: "text after a closing quote; quote the whole field and double its quotes")
                }
                field.append(byte)
            }
        }
        if quoted {
            throw ImportError.malformedCSV(line: quoteLine, reason: "a quoted field that is never closed")
        }
        if !field.isEmpty || !fields.isEmpty || afterQuote { endRecord() }
        return records
    }
}
