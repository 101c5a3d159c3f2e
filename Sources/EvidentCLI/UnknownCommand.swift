import ArgumentParser

/// A command name evident does not know, with the closest one it does.
struct UnknownCommand: Error, CustomStringConvertible {
    let name: String
    /// The command path it was given under, such as `evident evidence`.
    let path: [String]
    let known: [String]

    var description: String {
        let unknown = "unknown command '\((path + [name]).joined(separator: " "))'"
        if let closest = Self.closest(to: name, in: known) {
            return "\(unknown); did you mean '\((path + [closest]).joined(separator: " "))'?"
        }
        return "\(unknown) (known: \(known.joined(separator: ", ")))"
    }

    /// The known name a typo most likely meant: at most two edits away, or the only one it begins.
    static func closest(to name: String, in known: [String]) -> String? {
        let scored = known.map { ($0, distance(name.lowercased(), $0)) }.filter { $0.1 <= 2 }
        if let best = scored.min(by: { $0.1 < $1.1 }) { return best.0 }
        let prefixed = known.filter { $0.hasPrefix(name.lowercased()) }
        return name.isEmpty || prefixed.count != 1 ? nil : prefixed[0]
    }

    /// Levenshtein distance, with a swap of two neighbours counting as one edit (`stauts`).
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
