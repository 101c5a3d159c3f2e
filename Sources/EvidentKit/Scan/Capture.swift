import Foundation

/// What a capture shows a solution contacted: each host with its requests and the cookies set for it.
///
/// Hosts are gathered while the file streams by, so the capture costs memory by the number of hosts it names,
/// not by its size.
public struct Capture: Sendable, Equatable {
    /// The file formats a capture comes in.
    public enum Format: String, Sendable, Codable, CaseIterable {
        /// HTTP Archive 1.2, as Chromium's and Firefox's developer tools save it.
        case har
        /// The EDPS Website Evidence Collector's `inspection.json`.
        case inspection
    }

    /// The file's format.
    public var format: Format
    /// The page the capture started from, when the file says.
    public var page: String?
    /// When the capture started, as the file says (ISO 8601), when it does.
    public var started: String?
    /// `started` as an instant, to compare times written with different offsets.
    private var startedDate: Date?
    /// Every host contacted, by name (lower case).
    public var hosts: [String: HostActivity] = [:]

    /// The most distinct hosts and cookies a capture may name; more is refused as hostile.
    static let maxHosts = 100_000
    static let maxCookiesPerHost = 1_000
    /// The longest URL, cookie name or header value kept, in bytes.
    static let maxFieldBytes = 64 * 1024

    /// An empty capture in `format`.
    init(format: Format) {
        self.format = format
    }

    /// The day the capture started, when the file gives a parseable time.
    public var startedDay: Day? {
        guard let started, let date = Self.parseTime(started) else { return nil }
        return Day(containing: date)
    }

    static func parseTime(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: .iso8601) { return date }
        let fractional = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        return try? Date(text, strategy: fractional)
    }

    /// Notes one request to `url`; a URL with no host (data:, blob:, about:) contacts nobody and is ignored.
    mutating func noteRequest(
        url: String, resourceType: String?, at time: String?, path: String
    ) throws(ScanError) {
        guard let host = Self.host(of: url) else { return }
        try withHost(host, path: path) { (activity: inout HostActivity) throws(ScanError) in
            activity.requests += 1
            if activity.firstURL == nil { activity.firstURL = url }
            if let resourceType, !resourceType.isEmpty { activity.resourceTypes.insert(resourceType) }
        }
        if let time, let date = Self.parseTime(time), startedDate.map({ date < $0 }) ?? true {
            (started, startedDate) = (time, date)
        }
    }

    /// Notes a cookie set for `host`, once per name and domain.
    mutating func noteCookie(_ cookie: CapturedCookie, host: String, path: String) throws(ScanError) {
        try withHost(host, path: path) { (activity: inout HostActivity) throws(ScanError) in
            guard !activity.cookies.contains(where: { $0.name == cookie.name && $0.domain == cookie.domain }) else {
                return
            }
            guard activity.cookies.count < Self.maxCookiesPerHost else { throw limit("cookies set by one host") }
            activity.cookies.append(cookie)
        }
        func limit(_ what: String) -> ScanError {
            .tooLarge(path: path, what: "more than \(Self.maxCookiesPerHost) \(what)", limit: Self.maxCookiesPerHost)
        }
    }

    private mutating func withHost(
        _ host: String, path: String, _ body: (inout HostActivity) throws(ScanError) -> Void
    ) throws(ScanError) {
        if hosts[host] == nil {
            guard hosts.count < Self.maxHosts else {
                throw .tooLarge(path: path, what: "more than \(Self.maxHosts) hosts", limit: Self.maxHosts)
            }
            hosts[host] = HostActivity()
        }
        try body(&hosts[host]!)
    }

    /// The lower-case host of an http(s) or ws(s) URL; nil for other schemes or a URL with no valid host.
    static func host(of url: String) -> String? {
        guard let components = URLComponents(string: url),
            let scheme = components.scheme?.lowercased(), ["http", "https", "ws", "wss"].contains(scheme),
            let host = components.host
        else { return nil }
        return HostName.normalized(host)
    }
}

/// The requests a capture made to one host, and the cookies set for it.
public struct HostActivity: Sendable, Equatable {
    /// How many requests went to the host.
    public var requests = 0
    /// The first URL requested from it.
    public var firstURL: String?
    /// The kinds of resource loaded from it (`script`, `image`, `font` …).
    public var resourceTypes: Set<String> = []
    /// The cookies it set, in the order first seen.
    public var cookies: [CapturedCookie] = []
}

/// A cookie a capture saw set.
public struct CapturedCookie: Sendable, Equatable, Codable {
    /// Its name.
    public var name: String
    /// The domain it was set for (the setting host when it named none).
    public var domain: String
    /// How long it lives, in seconds; nil for a session cookie.
    public var lifetimeSeconds: Int?
}
