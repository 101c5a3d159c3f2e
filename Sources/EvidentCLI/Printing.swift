import EvidentKit
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
    ///
    /// Given a `width` (a terminal's), a table that would not fit it is fitted in steps, each only when the
    /// one before is not enough: the last column, the long free text, wraps under itself; it goes on lines of
    /// its own below each row, indented; the `names` columns are cut with `…` (never below 12 characters);
    /// they join the free text below the row; so do the `lists` (of ids). Ids, dates, verdicts and rules are
    /// never cut.
    static func table(
        _ header: [String], _ rows: [[String]], width: Int? = nil, names: Set<Int> = [], lists: Set<Int> = []
    ) -> [String] {
        // Made visible before measuring, so that escaped cells stay aligned.
        let all = ([header] + rows).map { $0.map(visible) }
        var widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        let last = header.count - 1
        func line(_ cells: [String], _ columns: [Int]) -> String {
            zip(cells, columns).enumerated().map { position, item in
                position == columns.count - 1 ? item.0 : fitted(item.0, widths[item.1])
            }.joined(separator: "  ").trimmingSuffix()
        }
        func span(_ columns: [Int]) -> Int { columns.reduce(-2) { $0 + widths[$1] + 2 } }
        let allColumns = Array(header.indices)
        guard let width, last > 0, span(allColumns) > width else { return all.map { line($0, allColumns) } }
        let indent = span(Array(allColumns.dropLast())) + 2
        if width - indent >= minimumFreeText {
            let padding = String(repeating: " ", count: indent)
            return all.flatMap { row in
                let wrapped = wrap(row[last], to: width - indent)
                return [line(Array(row.dropLast()) + [wrapped[0]], allColumns)]
                    + wrapped.dropFirst().map {
                        padding + $0
                    }
            }
        }
        var above = Array(allColumns.dropLast())
        while span(above) > width,
            let widest = names.filter({ widths[$0] > minimumName }).max(by: { widths[$0] < widths[$1] })
        {
            widths[widest] -= 1
        }
        if span(above) > width {
            above.removeAll(where: names.contains)
            widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        }
        if span(above) > width { above.removeAll(where: lists.contains) }
        let moved = names.union(lists).filter { !above.contains($0) }.sorted()
        let freeIndent = "    "
        return all.flatMap { row in
            // Empty cells leave no mark below the row.
            let below = [moved.map { row[$0] }.filter { !$0.isEmpty }.joined(separator: " · "), row[last]].filter {
                !$0.isEmpty
            }
            return [line(above.map { row[$0] } + [""], above + [last])]
                + below.flatMap { wrap($0, to: width - freeIndent.count) }.map { freeIndent + $0 }
        }
    }

    /// The narrowest a name is cut to before the table moves the names below each row.
    static let minimumName = 12

    /// The narrowest room a wrapped last column gets before a table stacks it under each row instead.
    static let minimumFreeText = 30

    /// `cell` padded to `width`, or cut to it with `…` when longer.
    static func fitted(_ cell: String, _ width: Int) -> String {
        cell.count <= width
            ? cell.padding(toLength: width, withPad: " ", startingAt: 0) : cell.prefix(width - 1) + "…"
    }

    /// `text` in lines of at most `width` characters, broken between words, and inside a word only when it is
    /// longer than a line; never empty.
    static func wrap(_ text: String, to width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            var word = Substring(word)
            if !current.isEmpty, current.count + 1 + word.count > width {
                lines.append(current)
                current = ""
            }
            while word.count > width {
                lines.append(String(word.prefix(width)))
                word = word.dropFirst(width)
            }
            current += current.isEmpty ? String(word) : " " + word
        }
        return lines + [current]
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

    /// Prints a table fitted to the terminal's width, or in full lines when standard output is no terminal.
    func table(
        _ header: [String], _ rows: [[String]], names: Set<Int> = [], lists: Set<Int> = [],
        words: ReportLanguage = .en
    ) {
        lines(Printing.table(TableWords.headings(header, words), rows, width: width, names: names, lists: lists))
    }

    /// Prints a line of short items, broken between words to fit the terminal.
    func wrapped(_ line: String) {
        lines(width.map { Printing.wrap(line, to: $0) } ?? [line])
    }
}

extension String {
    /// The string without the spaces at its end.
    func trimmingSuffix() -> String {
        var text = self[...]
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
