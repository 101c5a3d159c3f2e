import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An `allowed_signers` file (ssh-keygen(1) ALLOWED SIGNERS): principals, options, and keys they may sign with.
///
/// Each line is read as `ssh-keygen -Y verify` reads it (OpenSSH's `sshsig.c`), byte for byte: a principals
/// pattern-list (quoted when it holds spaces), then optional comma-separated options, then the key and a comment.
/// The options are `cert-authority`, `namespaces="pattern-list"`, `valid-after="timestamp"` and
/// `valid-before="timestamp"`, names in any case, values in double quotes; a line with any other option, an
/// option twice, a value not in quotes or a bad timestamp trusts nothing, as in ssh-keygen.
///
/// Decisions where evident and ssh-keygen differ in what they can check:
/// - A `cert-authority` line trusts certificates that CA signed, never its own key as a plain key (as in
///   ssh-keygen); bundles are signed with plain keys, so such a line trusts no bundle.
/// - Only Ed25519 keys can have signed a bundle: lines with other keys are kept as skipped, with the reason.
/// - `valid-after` and `valid-before` are compared with the time the caller gives; a bundle gives its seal time
///   (`Evident-Seal-Time`, covered by the signature), as `ssh-keygen -Y verify -Overify-time=…` would. A line with
///   a validity window trusts nothing when no time is known.
public struct AllowedSigners: Sendable {
    /// One usable line: the principals, the namespaces they may sign in, the validity window, and their key.
    package struct Entry: Sendable {
        /// The line's number in the file, from 1.
        package let line: Int
        /// The principals pattern-list as written (`ops@skat.dk,*@erst.dk`).
        package let principals: String
        /// The namespaces pattern-list, when the line restricts them.
        let namespaces: [UInt8]?
        /// Seconds since 1970 before which, and after which, the key is not trusted.
        let validAfter: Int64?
        let validBefore: Int64?
        /// The key the principals sign with.
        package let key: PublicSigningKey

        /// Whether this line trusts its key to sign in `namespace` at `time` (seconds since 1970, nil if unknown).
        func trusts(namespace: String, at time: Int64?) -> Bool {
            if let namespaces, !SSHPattern.matches(Array(namespace.utf8), list: namespaces) { return false }
            guard validAfter != nil || validBefore != nil else { return true }
            guard let time else { return false }
            return time >= (validAfter ?? .min) && time <= (validBefore ?? .max)
        }
    }

    /// A line that trusts no key evident can check, and why.
    package struct Skipped: Sendable, Equatable {
        /// The line's number in the file, from 1.
        package let line: Int
        /// Why: the part of the line ssh-keygen would refuse, or what evident cannot use.
        package let reason: String
    }

    /// The file's usable lines, in order.
    package let entries: [Entry]
    /// The lines that are neither blank nor comments and trust nothing evident can check, in order.
    package let skipped: [Skipped]

    /// Parses the file's text.
    public init(text: String) {
        self.init(bytes: Array(text.utf8))
    }

    /// Parses the file's bytes; lines are separated by `\n`, and a NUL byte ends its line, as in ssh-keygen.
    public init(bytes: [UInt8]) {
        var entries: [Entry] = []
        var skipped: [Skipped] = []
        for (index, line) in bytes.split(separator: Self.newline, omittingEmptySubsequences: false).enumerated() {
            let line = Array(line.prefix { $0 != 0 })
            switch Self.parse(line, number: index + 1) {
            case nil: continue
            case .entry(let entry): entries.append(entry)
            case .skipped(let reason): skipped.append(Skipped(line: index + 1, reason: reason))
            }
        }
        (self.entries, self.skipped) = (entries, skipped)
    }

    /// The largest file `load` reads: far more lines than anyone trusts, and bounded memory for hostile input.
    static let sizeLimit = 16 << 20

    /// Reads the file at `path`, failing when it cannot be read or no line trusts a key to sign in `namespace`.
    public static func load(path: String, namespace: String) throws(KeyError) -> AllowedSigners {
        var bytes: [UInt8] = []
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw KeyError.signersUnreadable(path: path, reason: FileIO.lastError()) }
        defer { close(descriptor) }
        do {
            try FileIO.readChunks(descriptor, path: path) { chunk in
                guard bytes.count + chunk.count <= sizeLimit else {
                    throw KeyError.signersUnreadable(path: path, reason: "larger than 16 MiB")
                }
                bytes += chunk
            }
        } catch let error as KeyError {
            throw error
        } catch StoreError.unreadable(_, let reason) {
            throw KeyError.signersUnreadable(path: path, reason: reason)
        } catch {
            throw KeyError.signersUnreadable(path: path, reason: "\(error)")
        }
        let signers = AllowedSigners(bytes: bytes)
        let excluded = signers.entries.filter { entry in
            entry.namespaces.map { !SSHPattern.matches(Array(namespace.utf8), list: $0) } ?? false
        }
        guard excluded.count < signers.entries.count else {
            let reasons =
                (signers.skipped
                + excluded.map { Skipped(line: $0.line, reason: "its namespaces do not include \(namespace)") })
                .sorted { $0.line < $1.line }
            throw KeyError.noUsableSigners(
                path: path, namespace: namespace,
                reasons: reasons.prefix(3).map { "line \($0.line): \($0.reason)" }
                    + (reasons.count > 3 ? ["\(reasons.count - 3) more"] : []))
        }
        return signers
    }

    /// The principals of every line that trusts `key` to sign in `namespace` at `time` (nil: unknown); empty when
    /// none does.
    package func principals(trusting key: PublicSigningKey, namespace: String, at time: Date?) -> [String] {
        let seconds = time.map { time in
            let interval = time.timeIntervalSince1970.rounded(.down)
            return Int64(exactly: interval) ?? (interval > 0 ? .max : .min)
        }
        return entries.filter { $0.key == key && $0.trusts(namespace: namespace, at: seconds) }.map(\.principals)
    }

    // MARK: - Reading a line as ssh-keygen does

    enum Line {
        case entry(Entry)
        case skipped(String)
    }

    static let newline = UInt8(ascii: "\n")
    static let quote = UInt8(ascii: "\"")
    static let backslash = UInt8(ascii: "\\")
    static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
    /// The whitespace that ends the principals field: OpenSSH's `WHITESPACE`.
    static func isWhitespace(_ byte: UInt8) -> Bool { isBlank(byte) || byte == 0x0D || byte == 0x0A }

    /// One line: nil when blank or a comment.
    static func parse(_ line: [UInt8], number: Int) -> Line? {
        var cursor = line.firstIndex { !isBlank($0) } ?? line.endIndex
        guard cursor < line.endIndex, line[cursor] != UInt8(ascii: "#") else { return nil }

        // The principals: up to whitespace, or a quoted part (OpenSSH's strdelimw).
        let principals: [UInt8]
        guard let stop = line[cursor...].firstIndex(where: { isWhitespace($0) || $0 == quote }) else {
            return .skipped("no key after the principals")
        }
        if line[stop] == quote {
            guard let close = line[(stop + 1)...].firstIndex(of: quote) else {
                return .skipped("the principals open a quote and never close it")
            }
            principals = Array(line[cursor..<stop] + line[(stop + 1)..<close])
            cursor = close + 1
        } else {
            principals = Array(line[cursor..<stop])
            cursor = stop + 1
        }
        cursor = line[cursor...].firstIndex { !isWhitespace($0) } ?? line.endIndex

        // The key, or options and then the key.
        var options: ArraySlice<UInt8> = []
        var read = readKey(line[cursor...])
        if case .notAKey = read {
            var end = cursor
            var quoted = false
            while end < line.endIndex, quoted || !isBlank(line[end]) {
                if line[end] == backslash, end + 1 < line.endIndex, line[end + 1] == quote {
                    end += 1
                } else if line[end] == quote {
                    quoted.toggle()
                }
                end += 1
            }
            guard !quoted else { return .skipped("the options open a quote and never close it") }
            guard end < line.endIndex else { return .skipped("no key") }
            options = line[cursor..<end]
            read = readKey(line[((line[(end + 1)...].firstIndex { !isBlank($0) }) ?? line.endIndex)...])
        }
        let key: PublicSigningKey
        switch read {
        case .notAKey: return .skipped("no valid key")
        case .otherType(let type): return .skipped("a \(type) key: evident checks Ed25519 signatures only")
        case .ed25519(let found): key = found
        }

        let parsed: Options
        switch Options.parse(options) {
        case .failure(let reason): return .skipped(reason)
        case .success(let value): parsed = value
        }
        if parsed.certificateAuthority {
            return .skipped("cert-authority: it trusts certificates that key signs, and bundles carry plain keys")
        }
        return .entry(
            Entry(
                line: number, principals: String(decoding: principals, as: UTF8.self), namespaces: parsed.namespaces,
                validAfter: parsed.validAfter, validBefore: parsed.validBefore, key: key))
    }

    enum KeyRead {
        case notAKey
        case otherType(String)
        case ed25519(PublicSigningKey)
    }

    /// Reads `type base64` at the start of `text` as OpenSSH's `sshkey_read` does.
    static func readKey(_ text: ArraySlice<UInt8>) -> KeyRead {
        // The type must be followed by a blank, then the key.
        guard let space = text.firstIndex(where: isBlank) else { return .notAKey }
        let type = String(decoding: text[..<space], as: UTF8.self)
        guard let start = text[space...].firstIndex(where: { !isBlank($0) }) else { return .notAKey }
        let blob = text[start..<(text[start...].firstIndex(where: isBlank) ?? text.endIndex)]
        guard type == "ssh-ed25519" else {
            let known = ["ssh-", "ecdsa-", "sk-", "rsa-sha2-"].contains { type.hasPrefix($0) }
            return known && OpenSSHBase64.decode(blob) != nil ? .otherType(type) : .notAKey
        }
        guard let bytes = OpenSSHBase64.decode(blob), let key = PublicSigningKey(blob: bytes) else { return .notAKey }
        return .ed25519(key)
    }

    /// The options of a line, as OpenSSH's `sshsigopt_parse` reads them.
    struct Options {
        var certificateAuthority = false
        var namespaces: [UInt8]?
        var validAfter: Int64?
        var validBefore: Int64?

        enum Parsed {
            case success(Options)
            case failure(String)
        }

        static func parse(_ text: ArraySlice<UInt8>) -> Parsed {
            var options = Options()
            var rest = text
            while let first = rest.first, !isBlank(first) {
                if hasPrefix(rest, "cert-authority") {
                    options.certificateAuthority = true
                    rest = rest.dropFirst("cert-authority".utf8.count)
                } else if let name = ["namespaces", "valid-after", "valid-before"].first(where: {
                    hasPrefix(rest, $0 + "=")
                }) {
                    rest = rest.dropFirst(name.utf8.count + 1)
                    guard let value = dequote(&rest) else { return .failure("\(name): the value must be in quotes") }
                    switch name {
                    case "namespaces":
                        guard options.namespaces == nil else { return .failure("namespaces given twice") }
                        options.namespaces = value
                    default:
                        let after = name == "valid-after"
                        guard (after ? options.validAfter : options.validBefore) == nil else {
                            return .failure("\(name) given twice")
                        }
                        guard let time = SSHTimestamp.parse(value), time != 0 else {
                            return .failure(
                                "\(name)=\"\(String(decoding: value, as: UTF8.self))\": not a time as YYYYMMDD[Z]"
                                    + " or YYYYMMDDHHMM[SS][Z]")
                        }
                        if after { options.validAfter = time } else { options.validBefore = time }
                    }
                }
                guard let next = rest.first, !isBlank(next) else { break }
                guard next == UInt8(ascii: ",") else {
                    return .failure("unknown option '\(String(decoding: rest.prefix(40), as: UTF8.self))'")
                }
                rest = rest.dropFirst()
                guard !rest.isEmpty else { return .failure("the options end with a comma") }
            }
            return .success(options)
        }

        /// Whether `text` starts with `prefix`, ignoring ASCII case.
        static func hasPrefix(_ text: ArraySlice<UInt8>, _ prefix: String) -> Bool {
            let prefix = Array(prefix.utf8)
            return text.count >= prefix.count
                && zip(text, prefix).allSatisfy { lowercased($0) == lowercased($1) }
        }

        static func lowercased(_ byte: UInt8) -> UInt8 {
            (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
        }

        /// A value in double quotes, `\"` standing for a quote; nil when it does not start and end with one.
        static func dequote(_ text: inout ArraySlice<UInt8>) -> [UInt8]? {
            guard text.first == quote else { return nil }
            var value: [UInt8] = []
            var index = text.startIndex + 1
            while index < text.endIndex, text[index] != quote {
                if text[index] == backslash, index + 1 < text.endIndex, text[index + 1] == quote { index += 1 }
                value.append(text[index])
                index += 1
            }
            guard index < text.endIndex else { return nil }
            text = text[(index + 1)...]
            return value
        }
    }
}
