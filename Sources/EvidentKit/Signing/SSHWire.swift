import Foundation

/// The SSH wire encoding (RFC 4251 §5): big-endian `uint32` and length-prefixed `string`.
struct SSHWriter {
    private(set) var bytes: [UInt8] = []

    mutating func uint32(_ value: UInt32) {
        bytes += [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    mutating func string(_ value: some Collection<UInt8>) {
        uint32(UInt32(value.count))
        bytes += value
    }

    mutating func string(_ value: String) {
        string(Array(value.utf8))
    }

    mutating func raw(_ value: some Collection<UInt8>) {
        bytes += value
    }
}

/// Reads the SSH wire encoding, refusing anything that runs past the end.
struct SSHReader {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { offset == bytes.count }
    var remaining: Int { bytes.count - offset }

    /// Thrown when the data ends early or a length is impossible.
    struct Truncated: Error {}

    mutating func raw(_ count: Int) throws(Truncated) -> [UInt8] {
        guard count >= 0, count <= remaining else { throw Truncated() }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    mutating func uint32() throws(Truncated) -> UInt32 {
        let four = try raw(4)
        return four.reduce(0) { $0 << 8 | UInt32($1) }
    }

    mutating func string() throws(Truncated) -> [UInt8] {
        try raw(Int(try uint32()))
    }

    mutating func text() throws(Truncated) -> String {
        String(decoding: try string(), as: UTF8.self)
    }
}

/// PEM-style armour as OpenSSH writes it: a BEGIN line, base64 in lines of `width`, an END line.
enum Armor {
    static func wrap(_ bytes: [UInt8], label: String, width: Int) -> String {
        let base64 = Data(bytes).base64EncodedString()
        var lines = ["-----BEGIN \(label)-----"]
        var index = base64.startIndex
        while index < base64.endIndex {
            let end = base64.index(index, offsetBy: width, limitedBy: base64.endIndex) ?? base64.endIndex
            lines.append(String(base64[index..<end]))
            index = end
        }
        lines.append("-----END \(label)-----")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The bytes inside the armour, or nil when the text is not armoured with `label` or not base64.
    static func unwrap(_ text: String, label: String) -> [UInt8]? {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let begin = lines.firstIndex(of: "-----BEGIN \(label)-----"),
            let end = lines.firstIndex(of: "-----END \(label)-----"), begin < end
        else { return nil }
        return Data(base64Encoded: lines[(begin + 1)..<end].joined()).map(Array.init)
    }
}
