/// Matching hosts against services' host patterns: `fonts.gstatic.com` matches that host only, and
/// `*.google-analytics.com` matches the domain and every subdomain of it.
enum HostPattern {
    /// How specifically the best of `patterns` matches `host` (the length of the domain it names, an exact name
    /// counting more than a wildcard); nil when none matches.
    static func bestMatch(_ host: String, _ patterns: [String]) -> Int? {
        patterns.compactMap { pattern -> Int? in
            let pattern = pattern.lowercased()
            if pattern.hasPrefix("*.") {
                let domain = String(pattern.dropFirst(2))
                return HostName.isWithin(host, domain) ? domain.count * 2 : nil
            }
            return host == pattern ? pattern.count * 2 + 1 : nil
        }.max()
    }
}
