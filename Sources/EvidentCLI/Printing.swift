import Foundation

/// Plain-text layouts for people: aligned tables and key-value blocks.
enum Printing {
    /// Columns padded to their widest cell; the last column is never padded.
    static func table(_ header: [String], _ rows: [[String]]) -> [String] {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
    }

    /// `key: value` lines with the values aligned; nil values are left out.
    static func fields(_ pairs: [(String, String?)]) -> [String] {
        let present = pairs.compactMap { key, value in value.map { (key, $0) } }
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
