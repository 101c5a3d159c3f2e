/// The character encodings an import file can be in: UTF-8 (with or without a byte-order mark), or the
/// Windows code page older Danish spreadsheet programs save CSV in.
public enum ImportEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case windows1252 = "windows-1252"

    /// The text of `bytes`, without a UTF-8 byte-order mark; throws naming the line where UTF-8 decoding failed.
    func decode(_ bytes: [UInt8]) throws(ImportError) -> String {
        switch self {
        case .utf8:
            let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
            if let line = Self.firstInvalidUTF8Line(body) { throw ImportError.notUTF8(line: line) }
            return String(decoding: body, as: UTF8.self)
        case .windows1252:
            var scalars = String.UnicodeScalarView()
            scalars.reserveCapacity(bytes.count)
            for byte in bytes {
                scalars.append(
                    byte >= 0x80 && byte < 0xA0 ? Self.windows1252High[Int(byte - 0x80)] : Unicode.Scalar(byte))
            }
            return String(scalars)
        }
    }

    /// The 1-based line holding the first byte that is not valid UTF-8; nil when all of it is.
    static func firstInvalidUTF8Line(_ bytes: ArraySlice<UInt8>) -> Int? {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var line = 1
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): if scalar == "\n" { line += 1 }
            case .emptyInput: return nil
            case .error: return line
            }
        }
    }

    /// What Windows-1252 puts at 0x80–0x9F, where ISO 8859-1 has control characters; undefined bytes map to U+FFFD.
    private static let windows1252High: [Unicode.Scalar] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152,
        0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122,
        0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ].map { Unicode.Scalar($0)! }
}
