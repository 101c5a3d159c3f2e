#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A pull tokenizer over a JSON file, read in chunks: a capture of hundreds of megabytes is never held whole.
///
/// Strings longer than `keptStringBytes` are read through and reported by length only (`.string(nil)`), so a
/// response body costs no memory; the reader decides whether a long string was one it needed. Nesting deeper
/// than `maxDepth` is refused, so a hostile file cannot exhaust the stack of whoever walks it.
struct JSONStream {
    /// One token of the document.
    enum Token: Equatable {
        case beginObject, endObject, beginArray, endArray
        /// An object member's name.
        case key(String)
        /// A string value; nil when it was longer than the stream keeps.
        case string(String?)
        case number(Double)
        case bool(Bool)
        case null
        case end
    }

    private enum Container { case object, array }

    private let descriptor: Int32
    private let path: String
    private var buffer: [UInt8]
    private var start = 0
    private var count = 0
    private var atEOF = false
    /// The bytes read before the current buffer, for error positions.
    private var consumed = 0
    private var stack: [Container] = []
    /// Whether the next token in the current container must be preceded by a comma.
    private var needsComma = false
    /// Whether an object's member name has been read and its value is due.
    private var expectingValue = false
    private var finishedTopLevel = false
    let keptStringBytes: Int
    let maxDepth: Int

    /// Opens `path` for reading; `close()` must follow.
    init(path: String, keptStringBytes: Int = 64 * 1024, maxDepth: Int = 64, chunkSize: Int = 256 * 1024)
        throws(ScanError)
    {
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ScanError.unreadable(path: path, reason: String(cString: strerror(errno))) }
        self.path = path
        self.keptStringBytes = keptStringBytes
        self.maxDepth = maxDepth
        buffer = [UInt8](repeating: 0, count: chunkSize)
    }

    /// Closes the file.
    func close() {
        closeDescriptor(descriptor)
    }

    /// Where the stream is, in bytes from the start of the file.
    var offset: Int { consumed + start }

    private func malformed(_ reason: String) -> ScanError {
        .malformed(path: path, offset: offset, reason: reason)
    }

    /// Makes at least one more byte available; false at the end of the file.
    private mutating func fill() throws(ScanError) -> Bool {
        if start < count { return true }
        if atEOF { return false }
        consumed += count
        start = 0
        count = 0
        while true {
            let n = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw ScanError.unreadable(path: path, reason: String(cString: strerror(errno)))
            }
            if n == 0 {
                atEOF = true
                return false
            }
            count = n
            return true
        }
    }

    private mutating func peekByte() throws(ScanError) -> UInt8? {
        guard try fill() else { return nil }
        return buffer[start]
    }

    private mutating func nextByte() throws(ScanError) -> UInt8 {
        guard try fill() else { throw malformed("the file ends in the middle of the JSON") }
        let byte = buffer[start]
        start += 1
        return byte
    }

    private mutating func skipWhitespace() throws(ScanError) -> UInt8? {
        while try fill() {
            while start < count {
                let byte = buffer[start]
                if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
                    start += 1
                } else {
                    return byte
                }
            }
        }
        return nil
    }

    /// The next token; `.end` once the one top-level value is complete and only white space follows.
    mutating func next() throws(ScanError) -> Token {
        guard var byte = try skipWhitespace() else {
            if finishedTopLevel && stack.isEmpty { return .end }
            throw malformed(offset == 0 ? "the file is empty" : "the file ends in the middle of the JSON")
        }
        if finishedTopLevel { throw malformed("more follows the JSON document") }
        if let container = stack.last {
            let closing: UInt8 = container == .object ? 0x7D : 0x5D
            if byte == closing && !expectingValue {
                start += 1
                stack.removeLast()
                valueEnded()
                return container == .object ? .endObject : .endArray
            }
            if needsComma && !expectingValue {
                guard byte == 0x2C else { throw malformed("expected ',' or '\(Character(Unicode.Scalar(closing)))'") }
                start += 1
                guard let after = try skipWhitespace() else {
                    throw malformed("the file ends in the middle of the JSON")
                }
                byte = after
            }
            if container == .object && !expectingValue {
                guard byte == 0x22 else { throw malformed("expected a member name in quotes") }
                start += 1
                guard let name = try readString(keep: keptStringBytes) else {
                    throw malformed("a member name longer than \(keptStringBytes) bytes")
                }
                guard try skipWhitespace() == 0x3A else { throw malformed("expected ':' after a member name") }
                start += 1
                expectingValue = true
                return .key(name)
            }
        }
        expectingValue = false
        switch byte {
        case 0x7B, 0x5B:
            start += 1
            guard stack.count < maxDepth else { throw malformed("nested deeper than \(maxDepth) levels") }
            stack.append(byte == 0x7B ? .object : .array)
            needsComma = false
            return byte == 0x7B ? .beginObject : .beginArray
        case 0x22:
            start += 1
            let value = try readString(keep: keptStringBytes)
            valueEnded()
            return .string(value)
        case 0x74: try literal("true"); valueEnded(); return .bool(true)
        case 0x66: try literal("false"); valueEnded(); return .bool(false)
        case 0x6E: try literal("null"); valueEnded(); return .null
        case 0x2D, 0x30...0x39:
            let number = try readNumber()
            valueEnded()
            return .number(number)
        default:
            throw malformed("unexpected character '\(Self.shown(byte))'")
        }
    }

    private mutating func valueEnded() {
        needsComma = true
        if stack.isEmpty { finishedTopLevel = true }
    }

    private static func shown(_ byte: UInt8) -> String {
        (0x21...0x7E).contains(byte) ? String(Character(Unicode.Scalar(byte))) : "\\x" + String(byte, radix: 16)
    }

    private mutating func literal(_ word: StaticString) throws(ScanError) {
        let bytes = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        for expected in bytes where try nextByte() != expected {
            throw malformed("expected '\(word)'")
        }
    }

    private mutating func readNumber() throws(ScanError) -> Double {
        var text: [UInt8] = []
        while let byte = try peekByte(),
            byte == 0x2D || byte == 0x2B || byte == 0x2E || byte == 0x45 || byte == 0x65
                || (0x30...0x39).contains(byte)
        {
            text.append(byte)
            start += 1
            guard text.count <= 64 else { throw malformed("a number longer than 64 characters") }
        }
        guard let value = Double(String(decoding: text, as: UTF8.self)), value.isFinite else {
            throw malformed("'\(String(decoding: text, as: UTF8.self))' is not a number")
        }
        return value
    }

    /// Reads a string after its opening quote; nil when it is longer than `keep` bytes (read through, not kept).
    private mutating func readString(keep: Int) throws(ScanError) -> String? {
        var kept: [UInt8] = []
        var length = 0
        var tooLong = false
        func append(_ bytes: some Collection<UInt8>) {
            length += bytes.count
            if length > keep {
                tooLong = true
                kept = []
            } else if !tooLong {
                kept.append(contentsOf: bytes)
            }
        }
        while true {
            guard try fill() else { throw malformed("the file ends inside a string") }
            // Runs of plain bytes are copied (or skipped) at once.
            let runStart = start
            while start < count {
                let byte = buffer[start]
                if byte == 0x22 || byte == 0x5C || byte < 0x20 { break }
                start += 1
            }
            if start > runStart { append(buffer[runStart..<start]) }
            guard start < count else { continue }
            let byte = buffer[start]
            start += 1
            if byte == 0x22 {
                return tooLong ? nil : String(decoding: kept, as: UTF8.self)
            }
            if byte < 0x20 { throw malformed("a control character inside a string") }
            let escape = try nextByte()
            switch escape {
            case 0x22, 0x5C, 0x2F: append(CollectionOfOne(escape))
            case 0x62: append(CollectionOfOne(0x08))
            case 0x66: append(CollectionOfOne(0x0C))
            case 0x6E: append(CollectionOfOne(0x0A))
            case 0x72: append(CollectionOfOne(0x0D))
            case 0x74: append(CollectionOfOne(0x09))
            case 0x75:
                var scalar = try hex4()
                if (0xD800...0xDBFF).contains(scalar) {
                    guard try nextByte() == 0x5C, try nextByte() == 0x75 else {
                        throw malformed("a lone surrogate in a string")
                    }
                    let low = try hex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw malformed("a lone surrogate in a string") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw malformed("a lone surrogate in a string")
                }
                append(Array(String(Character(Unicode.Scalar(scalar)!)).utf8))
            default:
                throw malformed("an unknown escape '\\\(Self.shown(escape))' in a string")
            }
        }
    }

    private mutating func hex4() throws(ScanError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = try nextByte()
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x41...0x46: digit = byte - 0x41 + 10
            case 0x61...0x66: digit = byte - 0x61 + 10
            default: throw malformed("a bad \\u escape in a string")
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }
}

private func closeDescriptor(_ descriptor: Int32) {
    _ = close(descriptor)
}
