import Foundation

/// Reads a HAR 1.2 `log` (Chromium's and Firefox's) into a capture: each entry's URL, resource type, start time
/// and the cookies its response set. Response bodies and everything else are read through and dropped.
struct HARReading {
    let path: String
    var capture = Capture(format: .har)
    var sawEntries = false
    private var entries = 0

    /// The most Set-Cookie headers one response may have.
    static let maxSetCookies = 1_000

    init(path: String) {
        self.path = path
    }

    private func tooLong(_ what: String) -> ScanError {
        .tooLarge(path: path, what: "\(what) longer than \(Capture.maxFieldBytes) bytes", limit: Capture.maxFieldBytes)
    }

    mutating func readLog(_ stream: inout JSONStream, _ token: JSONStream.Token) throws(ScanError) {
        let isObject = try stream.members(of: token) { stream, name, token throws(ScanError) in
            switch name {
            case "entries":
                sawEntries = try stream.elements(of: token) { stream, token throws(ScanError) in
                    try readEntry(&stream, token)
                }
            case "pages":
                try stream.elements(of: token) { stream, token throws(ScanError) in
                    try stream.members(of: token) { stream, name, token throws(ScanError) in
                        if name == "title", capture.page == nil {
                            capture.page = try stream.string(token) { tooLong("a page title") }
                        } else {
                            try stream.skip(startingWith: token)
                        }
                    }
                }
            default:
                try stream.skip(startingWith: token)
            }
        }
        guard isObject else { throw .notACapture(path: path, reason: "its log is not an object") }
    }

    private mutating func readEntry(_ stream: inout JSONStream, _ token: JSONStream.Token) throws(ScanError) {
        entries += 1
        var url: String?
        var started: String?
        var resourceType: String?
        var mimeType: String?
        var setCookies: [String] = []
        var responseCookies: [(name: String, domain: String?, expires: String?)] = []
        let isObject = try stream.members(of: token) { stream, name, token throws(ScanError) in
            switch name {
            case "startedDateTime":
                started = try stream.string(token) { tooLong("a start time") }
            case "_resourceType":
                resourceType = try stream.string(token) { tooLong("a resource type") }
            case "request":
                try stream.members(of: token) { stream, name, token throws(ScanError) in
                    if name == "url" {
                        url = try stream.string(token) { tooLong("a request URL (entry \(entries))") }
                    } else {
                        try stream.skip(startingWith: token)
                    }
                }
            case "response":
                try stream.members(of: token) { stream, name, token throws(ScanError) in
                    switch name {
                    case "headers":
                        try stream.elements(of: token) { stream, token throws(ScanError) in
                            if let header = try readHeader(&stream, token), header.name.lowercased() == "set-cookie" {
                                // Firefox joins several Set-Cookie headers into one value, a line each.
                                for line in header.value.split(whereSeparator: \.isNewline) {
                                    guard setCookies.count < Self.maxSetCookies else {
                                        throw .tooLarge(
                                            path: path,
                                            what: "a response setting more than \(Self.maxSetCookies) cookies",
                                            limit: Self.maxSetCookies)
                                    }
                                    setCookies.append(String(line))
                                }
                            }
                        }
                    case "cookies":
                        try stream.elements(of: token) { stream, token throws(ScanError) in
                            var cookie: (name: String?, domain: String?, expires: String?) = (nil, nil, nil)
                            try stream.members(of: token) { stream, name, token throws(ScanError) in
                                switch name {
                                case "name": cookie.name = try stream.string(token) { tooLong("a cookie name") }
                                case "domain": cookie.domain = try stream.string(token) { tooLong("a cookie domain") }
                                case "expires": cookie.expires = try stream.string(token) { tooLong("a cookie expiry") }
                                default: try stream.skip(startingWith: token)
                                }
                            }
                            if let name = cookie.name, responseCookies.count < Self.maxSetCookies {
                                responseCookies.append((name, cookie.domain, cookie.expires))
                            }
                        }
                    case "content":
                        try stream.members(of: token) { stream, name, token throws(ScanError) in
                            if name == "mimeType" {
                                mimeType = try stream.string(token) { tooLong("a MIME type") }
                            } else {
                                try stream.skip(startingWith: token)
                            }
                        }
                    default:
                        try stream.skip(startingWith: token)
                    }
                }
            default:
                try stream.skip(startingWith: token)
            }
        }
        guard isObject else { throw .notACapture(path: path, reason: "entry \(entries) is not an object") }
        guard let url else { throw .notACapture(path: path, reason: "entry \(entries) has no request URL") }
        try capture.noteRequest(
            url: url, resourceType: resourceType ?? mimeType.map(Self.resourceType(mimeType:)), at: started, path: path)
        guard let host = Capture.host(of: url) else { return }
        let at = started.flatMap(Capture.parseTime)
        for header in setCookies {
            if let cookie = SetCookie.parse(header, host: host, at: at) {
                try capture.noteCookie(cookie, host: host, path: path)
            }
        }
        for cookie in responseCookies {
            let domain = cookie.domain.flatMap { HostName.normalized($0.hasPrefix(".") ? String($0.dropFirst()) : $0) }
            let expires = cookie.expires.flatMap(Capture.parseTime)
            let lifetime = zip(expires, at).map { Int($0.timeIntervalSince($1)) }
            try capture.noteCookie(
                CapturedCookie(name: cookie.name, domain: domain ?? host, lifetimeSeconds: lifetime), host: host,
                path: path)
        }
    }

    private func readHeader(
        _ stream: inout JSONStream, _ token: JSONStream.Token
    ) throws(ScanError) -> (name: String, value: String)? {
        var name: String?
        var value: String?
        try stream.members(of: token) { stream, key, token throws(ScanError) in
            switch key {
            case "name": name = try stream.string(token) { tooLong("a header name") }
            case "value":
                // Only Set-Cookie values are kept; others may be long and are not needed.
                if case .string(nil) = token {
                    value = nil
                } else {
                    value = try stream.string(token) { tooLong("a header") }
                }
            default: try stream.skip(startingWith: token)
            }
        }
        guard let name else { return nil }
        if value == nil && name.lowercased() == "set-cookie" { throw tooLong("a Set-Cookie header") }
        return value.map { (name, $0) }
    }

    /// What a response's MIME type says was loaded, for captures (Firefox's) that name no resource type.
    static func resourceType(mimeType: String) -> String {
        let type = mimeType.lowercased()
        if type.hasPrefix("image/") { return "image" }
        if type.hasPrefix("font/") || type.contains("font") { return "font" }
        if type.contains("javascript") || type.contains("ecmascript") { return "script" }
        if type.hasPrefix("text/css") { return "stylesheet" }
        if type.hasPrefix("text/html") { return "document" }
        if type.hasPrefix("video/") || type.hasPrefix("audio/") { return "media" }
        if type.contains("json") || type.contains("xml") { return "xhr" }
        return "other"
    }
}
