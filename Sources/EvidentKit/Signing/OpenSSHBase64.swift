/// Base64 as OpenSSH decodes key blobs (`b64_pton`): whitespace anywhere is skipped, padding is required, nothing
/// but whitespace may follow it, and the bits past the last whole byte must be zero.
enum OpenSSHBase64 {
    static func decode(_ text: some Collection<UInt8>) -> [UInt8]? {
        var bytes: [UInt8] = []
        var accumulator: UInt32 = 0
        var count = 0
        var iterator = text.makeIterator()
        var padding = 0
        while let byte = iterator.next() {
            if isSpace(byte) { continue }
            if byte == UInt8(ascii: "=") {
                padding = 1
                break
            }
            guard let value = value(of: byte) else { return nil }
            accumulator = accumulator << 6 | UInt32(value)
            count += 1
            if count == 4 {
                bytes += [UInt8(accumulator >> 16), UInt8(accumulator >> 8 & 0xFF), UInt8(accumulator & 0xFF)]
                (accumulator, count) = (0, 0)
            }
        }
        guard padding == 1 else { return count == 0 ? bytes : nil }
        // One pad after three characters, two after two; anything else is malformed.
        switch count {
        case 2:
            var next = iterator.next()
            while let byte = next, isSpace(byte) { next = iterator.next() }
            guard next == UInt8(ascii: "=") else { return nil }
            guard accumulator & 0xF == 0 else { return nil }
            bytes.append(UInt8(accumulator >> 4))
        case 3:
            guard accumulator & 0x3 == 0 else { return nil }
            bytes += [UInt8(accumulator >> 10), UInt8(accumulator >> 2 & 0xFF)]
        default:
            return nil
        }
        while let byte = iterator.next() {
            guard isSpace(byte) else { return nil }
        }
        return bytes
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }

    static func value(of byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): byte - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+"): 62
        case UInt8(ascii: "/"): 63
        default: nil
        }
    }
}
