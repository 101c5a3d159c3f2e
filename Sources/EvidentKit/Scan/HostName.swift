/// Host names as a scan compares them: lower case, no trailing dot, and only the characters DNS names and
/// IP addresses use, so a hostile capture cannot smuggle anything else into a report.
enum HostName {
    static let maxLength = 253

    /// The host in lower case without a trailing dot or IPv6 brackets; nil when it is not a plausible host name.
    static func normalized(_ host: String) -> String? {
        var text = host.lowercased()
        if text.hasPrefix("[") && text.hasSuffix("]") { text = String(text.dropFirst().dropLast()) }
        if text.hasSuffix(".") { text.removeLast() }
        guard !text.isEmpty, text.utf8.count <= maxLength,
            text.utf8.allSatisfy({
                (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D || $0 == 0x2E || $0 == 0x5F
                    || $0 == 0x3A
            }),
            !text.hasPrefix("."), !text.contains("..")
        else { return nil }
        return text
    }

    /// Whether `host` is `domain` or one of its subdomains.
    static func isWithin(_ host: String, _ domain: String) -> Bool {
        host == domain || host.hasSuffix("." + domain)
    }
}
