/// Writes pretty-printed JSON straight into bytes, in the layout `JSONEncoder` uses with sorted keys.
///
/// For outputs of tens of thousands of records, where `JSONEncoder` costs more
/// than the work that produced them. Callers write keys in sorted order; a test
/// checks each writer against `JSONEncoder`.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    private var depth = 0
    private var first = true

    init() {
        bytes.reserveCapacity(1 << 16)
    }

    /// Hands the bytes written so far to `output` once there are at least `threshold` of them, and forgets them.
    mutating func drain(atLeast threshold: Int = 1 << 20, into output: ([UInt8]) -> Void) {
        guard bytes.count >= threshold else { return }
        output(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    private mutating func newline() {
        bytes.append(0x0A)
        bytes.append(contentsOf: repeatElement(0x20, count: depth * 2))
    }

    /// Starts a value: a separator and indentation inside arrays; nothing after a key.
    private mutating func beginValue(inArray: Bool) {
        if inArray {
            if !first { bytes.append(0x2C) }
            newline()
        }
        first = false
    }

    private var inArray: [Bool] = []

    mutating func beginObject() {
        beginValue(inArray: inArray.last ?? false)
        bytes.append(0x7B)
        inArray.append(false)
        depth += 1
        first = true
    }

    mutating func endObject() {
        depth -= 1
        inArray.removeLast()
        newline()
        bytes.append(0x7D)
        first = false
    }

    mutating func beginArray() {
        beginValue(inArray: inArray.last ?? false)
        bytes.append(0x5B)
        inArray.append(true)
        depth += 1
        first = true
    }

    mutating func endArray() {
        let empty = first
        depth -= 1
        inArray.removeLast()
        // JSONEncoder writes an empty array as an opening bracket, a blank line and the closing bracket.
        if empty { bytes.append(0x0A) }
        newline()
        bytes.append(0x5D)
        first = false
    }

    /// Writes `"key" : ` inside an object; the value follows.
    mutating func key(_ key: String) {
        if !first { bytes.append(0x2C) }
        newline()
        writeString(key)
        bytes.append(contentsOf: [0x20, 0x3A, 0x20])
        first = true
    }

    private mutating func scalar(_ body: (inout [UInt8]) -> Void) {
        beginValue(inArray: inArray.last ?? false)
        body(&bytes)
    }

    mutating func string(_ value: String) {
        beginValue(inArray: inArray.last ?? false)
        writeString(value)
    }

    mutating func int(_ value: Int) {
        scalar { $0.append(contentsOf: String(value).utf8) }
    }

    mutating func bool(_ value: Bool) {
        scalar { $0.append(contentsOf: (value ? "true" : "false").utf8) }
    }

    /// Writes `"key" : "value"`, or nothing when the value is nil (as `JSONEncoder` leaves nil out).
    mutating func field(_ name: String, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    mutating func field(_ name: String, _ value: Day?) {
        guard let value else { return }
        key(name)
        beginValue(inArray: false)
        let (year, month, day) = value.components
        bytes.append(0x22)
        for (number, width) in [(year, 4), (month, 2), (day, 2)] {
            if width == 2 { bytes.append(0x2D) }
            var divisor = width == 4 ? 1000 : 10
            while divisor > 0 {
                bytes.append(UInt8(0x30 + number / divisor % 10))
                divisor /= 10
            }
        }
        bytes.append(0x22)
    }

    mutating func field(_ name: String, _ id: RecordID) {
        key(name)
        self.id(id)
    }

    mutating func field(_ name: String, ids: [RecordID]) {
        key(name)
        beginArray()
        for id in ids { self.id(id) }
        endArray()
    }

    /// Writes `"SOL-3"` without building a string first.
    mutating func id(_ id: RecordID) {
        beginValue(inArray: inArray.last ?? false)
        bytes.append(0x22)
        bytes.append(contentsOf: id.kind.prefix.utf8)
        bytes.append(0x2D)
        bytes.append(contentsOf: String(id.number).utf8)
        bytes.append(0x22)
    }

    private mutating func writeString(_ value: String) {
        Self.appendString(value, to: &bytes)
    }

    /// Appends `value` as a JSON string, escaped exactly as `JSONEncoder` escapes it (`/` left as it is).
    static func appendString(_ value: String, to bytes: inout [UInt8]) {
        // Over the string's contiguous UTF-8: walking `String.UTF8View` byte by byte cost status a tenth of its time.
        var value = value
        value.withUTF8 { utf8 in
            bytes.append(0x22)
            guard utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else {
                bytes.append(contentsOf: utf8)
                bytes.append(0x22)
                return
            }
            for byte in utf8 {
                switch byte {
                case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
                case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: bytes.append(contentsOf: [0x5C, 0x6E])
                case 0x0D: bytes.append(contentsOf: [0x5C, 0x72])
                case 0x09: bytes.append(contentsOf: [0x5C, 0x74])
                case 0x08: bytes.append(contentsOf: [0x5C, 0x62])
                case 0x0C: bytes.append(contentsOf: [0x5C, 0x66])
                case 0..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
                default: bytes.append(byte)
                }
            }
            bytes.append(0x22)
        }
    }
}
