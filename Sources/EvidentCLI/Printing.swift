import Foundation

/// Plain-text layouts for people: aligned tables and key-value blocks, and text made safe for a terminal.
///
/// Every line evident prints for people (all output but `--json`, and every error) goes through `visible`:
/// control characters (C0, DEL, C1: escape sequences, carriage returns, line breaks, tabs), format characters
/// (bidirectional overrides and isolates U+202A–U+202E and U+2066–U+2069, zero-width characters, the BOM) and the
/// Unicode line and paragraph separators are written as `\u{1B}`, the character's code in hexadecimal, so no
/// name, title, file name or echoed value can move the cursor, retitle the terminal, reorder or hide text.
/// Backslashes are printed as they are, so a name may still contain the text `\u{1B}` itself.
enum Printing {
    /// `text` with every character that could act on a terminal written as `\u{…}`.
    static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: actsOnTerminal) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if actsOnTerminal(scalar) {
                result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Lines ended by `\n` or `\r\n`, each made visible, the line ends kept.
    static func visibleLines(_ text: String) -> String {
        // By scalars: as a Character, "\r\n" is one.
        text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let crlf = line.last == "\r"
            let body = String(String.UnicodeScalarView(crlf ? line.dropLast() : line[...]))
            return visible(body) + (crlf ? "\r" : "")
        }.joined(separator: "\n")
    }

    static func actsOnTerminal(_ scalar: Unicode.Scalar) -> Bool {
        if (0x20..<0x7F).contains(scalar.value) { return false }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }

    /// Columns padded to their widest cell; the last column is never padded.
    static func table(_ header: [String], _ rows: [[String]]) -> [String] {
        // Made visible before measuring, so that escaped cells stay aligned.
        let all = ([header] + rows).map { $0.map(visible) }
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
    }

    /// `key: value` lines with the values aligned; nil values are left out.
    static func fields(_ pairs: [(String, String?)]) -> [String] {
        let present = pairs.compactMap { key, value in value.map { (key, visible($0)) } }
        let width = (present.map(\.0.count).max() ?? 0) + 1
        return present.map { key, value in
            (key + ":").padding(toLength: width, withPad: " ", startingAt: 0) + " " + value
        }
    }
}

extension Console {
    func lines(_ lines: [String]) {
        for line in lines { out(line) }
    }
}
