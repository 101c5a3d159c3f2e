import Foundation

/// A `Set-Cookie` header value read for what a scan reports: the cookie's name, domain and lifetime.
enum SetCookie {
    /// The cookie `header` sets for `host` at `at`; nil when the header names no cookie.
    static func parse(_ header: String, host: String, at: Date?) -> CapturedCookie? {
        let parts = header.split(separator: ";", omittingEmptySubsequences: false)
        guard let pair = parts.first, let equals = pair.firstIndex(of: "=") else { return nil }
        let name = pair[..<equals].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return nil }
        var domain = host
        var maxAge: Int?
        var expires: Date?
        for attribute in parts.dropFirst() {
            let split = attribute.split(separator: "=", maxSplits: 1)
            let key = split.first?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
            let value = split.count > 1 ? split[1].trimmingCharacters(in: .whitespaces) : ""
            switch key {
            case "domain":
                let stripped = value.hasPrefix(".") ? String(value.dropFirst()) : value
                if let normalized = HostName.normalized(stripped) { domain = normalized }
            case "max-age":
                maxAge = Int(value)
            case "expires":
                expires = httpDate(value)
            default:
                break
            }
        }
        let lifetime = maxAge ?? zip(expires, at).map { Int($0.timeIntervalSince($1)) }
        return CapturedCookie(name: name, domain: domain, lifetimeSeconds: lifetime)
    }

    /// An HTTP date (`Wed, 21 Oct 2026 07:28:00 GMT`, or with dashes as older servers write it).
    static func httpDate(_ text: String) -> Date? {
        for format in [
            "EEE, dd MMM yyyy HH:mm:ss zzz", "EEE, dd-MMM-yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz",
        ] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}

/// Two optionals as one, when both are there.
func zip<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}
