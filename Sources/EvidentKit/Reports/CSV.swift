import Foundation

/// RFC 4180 CSV: CRLF line ends, fields quoted when they hold the separator, a quote or a line break; the one CSV
/// writer, so that every CSV evident produces is safe to open in a spreadsheet.
enum CSV {
    static func render(_ header: [String], _ rows: [[String]], separator: Character = ",") -> String {
        var output = ""
        for row in [header] + rows {
            for (index, value) in row.enumerated() {
                if index > 0 { output.append(separator) }
                output += field(value, separator: separator)
            }
            output += "\r\n"
        }
        return output
    }

    /// One field, quoted when needed; a value a spreadsheet would run as a formula (starting with `=`, `+`, `-`,
    /// `@`, a tab or a carriage return, as vendor and evidence names from an import may) gets a leading `'`, so it
    /// opens as the text it is.
    static func field(_ value: String, separator: Character) -> String {
        let value =
            value.utf8.first.map { [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D].contains($0) } == true ? "'" + value : value
        let separatorByte = separator.asciiValue ?? 0x2C
        guard value.utf8.contains(where: { $0 == separatorByte || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
            return value
        }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
