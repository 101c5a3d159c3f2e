import Foundation

/// RFC 4180 CSV: CRLF line ends, fields quoted when they hold the separator, a quote or a line break.
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

    static func field(_ value: String, separator: Character) -> String {
        let separatorByte = separator.asciiValue ?? 0x2C
        guard value.utf8.contains(where: { $0 == separatorByte || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
            return value
        }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
