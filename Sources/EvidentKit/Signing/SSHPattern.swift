/// OpenSSH's patterns (ssh_config(5) PATTERNS): `*` matches any run of bytes, `?` one byte, and a pattern-list is
/// comma-separated patterns, each negated by a leading `!`.
///
/// allowed_signers uses pattern-lists for its principals and its namespaces; this matches them byte for byte as
/// OpenSSH's `match_pattern_list` does, case-sensitively.
package enum SSHPattern {
    /// OpenSSH gives up on a pattern of this many bytes or more: the whole list then matches nothing.
    static let longestPattern = 1023

    /// Whether `string` matches the comma-separated `list`: some pattern matches and no negated one does.
    package static func matches(_ string: some Collection<UInt8>, list: some Collection<UInt8>) -> Bool {
        let (string, list) = (Array(string), Array(list))
        var positive = false
        var index = 0
        // As OpenSSH walks it: a comma ends a pattern, so "a," holds one pattern and ",a" two (the first empty).
        while index < list.count {
            let negated = list[index] == UInt8(ascii: "!")
            if negated { index += 1 }
            let end = list[index...].firstIndex(of: UInt8(ascii: ",")) ?? list.count
            guard end - index < longestPattern else { return false }
            let pattern = list[index..<end]
            index = end < list.count ? end + 1 : end
            if matches(string[...], pattern: pattern) {
                if negated { return false }
                positive = true
            }
        }
        return positive
    }

    /// Whether `string` matches one pattern with `*` and `?`.
    static func matches(_ string: ArraySlice<UInt8>, pattern: ArraySlice<UInt8>) -> Bool {
        // Greedy matching with one backtrack point: the last `*` seen.
        var (s, p) = (string.startIndex, pattern.startIndex)
        var star: (pattern: Int, string: Int)?
        while s < string.endIndex {
            if p < pattern.endIndex, pattern[p] == UInt8(ascii: "*") {
                star = (p, s)
                p += 1
            } else if p < pattern.endIndex, pattern[p] == UInt8(ascii: "?") || pattern[p] == string[s] {
                (s, p) = (s + 1, p + 1)
            } else if let last = star {
                star = (last.pattern, last.string + 1)
                (s, p) = (last.string + 1, last.pattern + 1)
            } else {
                return false
            }
        }
        while p < pattern.endIndex, pattern[p] == UInt8(ascii: "*") { p += 1 }
        return p == pattern.endIndex
    }
}
