import Foundation

/// Reads the EDPS Website Evidence Collector's `inspection.json` into a capture: the hosts it saw requested
/// (first and third party alike; evident judges that itself), its beacons and the cookies it found.
struct InspectionReading {
    let path: String
    private(set) var capture = Capture(format: .inspection)
    /// Cookies with the domain they were stored under, given to hosts once every host is known.
    private var cookies: [(cookie: CapturedCookie, expires: Double?)] = []
    private var sawHosts = false
    private var sawURI = false

    /// The members that make a file an inspection.json, and the ones read from it.
    static let members: Set<String> = ["uri_ins", "start_time", "hosts", "beacons", "cookies"]

    /// Whether the file had the collector's target URI and its hosts.
    var sawCapture: Bool { sawURI && sawHosts }

    init(path: String) {
        self.path = path
    }

    private func tooLong(_ what: String) -> ScanError {
        .tooLarge(path: path, what: "\(what) longer than \(Capture.maxFieldBytes) bytes", limit: Capture.maxFieldBytes)
    }

    mutating func read(_ name: String, _ stream: inout JSONStream, _ token: JSONStream.Token) throws(ScanError) {
        switch name {
        case "uri_ins":
            capture.page = try stream.string(token) { tooLong("uri_ins") }
            sawURI = capture.page != nil
        case "start_time":
            capture.started = try stream.string(token) { tooLong("start_time") }
        case "hosts":
            sawHosts = try stream.members(of: token) { stream, kind, token throws(ScanError) in
                // Only requests and beacons went over the wire; link targets were never contacted.
                guard kind == "requests" || kind == "beacons" else { return try stream.skip(startingWith: token) }
                try stream.members(of: token) { stream, _, token throws(ScanError) in
                    try stream.elements(of: token) { stream, token throws(ScanError) in
                        if let host = try stream.string(token, tooLong: { tooLong("a host") }),
                            let normalized = HostName.normalized(host), capture.hosts[normalized] == nil
                        {
                            try capture.noteRequest(
                                url: "https://\(normalized)/", resourceType: nil, at: nil, path: path)
                        }
                    }
                }
            }
        case "beacons":
            try stream.elements(of: token) { stream, token throws(ScanError) in
                var url: String?
                try stream.members(of: token) { stream, name, token throws(ScanError) in
                    if name == "url" {
                        url = try stream.string(token) { tooLong("a beacon URL") }
                    } else {
                        try stream.skip(startingWith: token)
                    }
                }
                if let url { try capture.noteRequest(url: url, resourceType: "beacon", at: nil, path: path) }
            }
        case "cookies":
            try stream.elements(of: token) { stream, token throws(ScanError) in
                try readCookie(&stream, token)
            }
        default:
            try stream.skip(startingWith: token)
        }
    }

    private mutating func readCookie(_ stream: inout JSONStream, _ token: JSONStream.Token) throws(ScanError) {
        var name: String?
        var domain: String?
        var expires: Double?
        var session = false
        try stream.members(of: token) { stream, key, token throws(ScanError) in
            switch (key, token) {
            case ("name", _): name = try stream.string(token) { tooLong("a cookie name") }
            case ("domain", _): domain = try stream.string(token) { tooLong("a cookie domain") }
            case ("expires", .number(let value)): expires = value
            case ("session", .bool(let value)): session = value
            default: try stream.skip(startingWith: token)
            }
        }
        guard let name, let domain,
            let host = HostName.normalized(domain.hasPrefix(".") ? String(domain.dropFirst()) : domain)
        else { return }
        guard cookies.count < Capture.maxHosts else {
            throw .tooLarge(path: path, what: "more than \(Capture.maxHosts) cookies", limit: Capture.maxHosts)
        }
        cookies.append((CapturedCookie(name: name, domain: host, lifetimeSeconds: nil), session ? nil : expires))
    }

    /// The capture, each cookie given to the host it was stored under, else to the first contacted host within
    /// its domain (a cookie for `vimeo.com` set by `player.vimeo.com`), else to its domain as a host of its own.
    mutating func finished() throws(ScanError) -> Capture {
        let start = capture.started.flatMap(Capture.parseTime)
        let hosts = capture.hosts.keys.sorted()
        for (cookie, expires) in cookies {
            var cookie = cookie
            // The collector gives expiry in seconds since 1970 (-1 for a session cookie); the lifetime runs from
            // the start of the collection.
            if let expires, expires > 0, let start {
                cookie.lifetimeSeconds = Int(max(-1e12, min(1e12, expires - start.timeIntervalSince1970)))
            }
            let host =
                capture.hosts[cookie.domain] != nil
                ? cookie.domain : hosts.first { HostName.isWithin($0, cookie.domain) } ?? cookie.domain
            try capture.noteCookie(cookie, host: host, path: path)
        }
        cookies = []
        return capture
    }
}
