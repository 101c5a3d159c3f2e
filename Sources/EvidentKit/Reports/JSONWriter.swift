/// Writes pretty-printed JSON straight into bytes, in the layout `JSONEncoder` uses with sorted keys.
///
/// For outputs of tens of thousands of records, where `JSONEncoder` costs more
/// than the work that produced them. Callers write keys in sorted order; tests
/// check each writer against `JSONEncoder`. The bytes go into a buffer the writer
/// owns, so that writing a byte is a store rather than an array append (status
/// writes about a kilobyte per verdict).
struct JSONWriter: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int
    private var depth = 0
    private var first = true
    /// Whether each open container is an array: bit `n` for the container at depth `n + 1`.
    private var arrays: UInt64 = 0

    init(capacity: Int = 1 << 16) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    /// Where a writer stands: how deep, in which containers, and whether the innermost has a value yet.
    struct Position: Sendable {
        fileprivate var depth: Int
        fileprivate var arrays: UInt64
        /// Whether nothing has been written in the innermost container yet.
        var first: Bool
    }

    /// Where the writer stands. A writer started at another's position writes what follows there into a buffer
    /// of its own, so that the elements of one array can be written on several threads and output in order; the
    /// first writer then goes on from where the last of them stands.
    var position: Position {
        get { Position(depth: depth, arrays: arrays, first: first) }
        set { (depth, arrays, first) = (newValue.depth, newValue.arrays, newValue.first) }
    }

    /// A writer that goes on from `position`, into a buffer of its own.
    init(at position: Position, capacity: Int = 1 << 16) {
        self.init(capacity: capacity)
        self.position = position
    }

    /// The bytes written and not yet drained.
    consuming func take() -> [UInt8] {
        Array(UnsafeBufferPointer(start: base, count: count))
    }

    deinit { base.deallocate() }

    /// Makes room for `needed` more bytes.
    private mutating func reserve(_ needed: Int) {
        guard count + needed > capacity else { return }
        let grown = max(capacity * 2, count + needed)
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        larger.initialize(from: base, count: count)
        base.deallocate()
        (base, capacity) = (larger, grown)
    }

    /// Appends a byte there is room for.
    private mutating func put(_ byte: UInt8) {
        base[count] = byte
        count += 1
    }

    /// Appends bytes there is room for.
    private mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let start = bytes.baseAddress else { return }
        (base + count).update(from: start, count: bytes.count)
        count += bytes.count
    }

    /// Hands the bytes written so far to `output` once there are at least `threshold` of them, and forgets them.
    mutating func drain(atLeast threshold: Int = 1 << 20, into output: (UnsafeRawBufferPointer) -> Void) {
        guard count >= threshold else { return }
        output(UnsafeRawBufferPointer(start: base, count: count))
        count = 0
    }

    /// Ends the output with a newline, as the CLI prints it, and hands what is left to `output`.
    consuming func finish(into output: (UnsafeRawBufferPointer) -> Void) {
        reserve(1)
        put(0x0A)
        output(UnsafeRawBufferPointer(start: base, count: count))
    }

    private mutating func newline() {
        reserve(1 + depth * 2)
        put(0x0A)
        (base + count).initialize(repeating: 0x20, count: depth * 2)
        count += depth * 2
    }

    private var inArray: Bool { depth > 0 && arrays & (1 << UInt64(depth - 1)) != 0 }

    /// Starts a value: a separator and indentation inside arrays; nothing after a key.
    private mutating func beginValue() {
        if inArray {
            if !first {
                reserve(1)
                put(0x2C)
            }
            newline()
        }
        first = false
    }

    private mutating func open(_ bracket: UInt8, array: Bool) {
        beginValue()
        precondition(depth < 64, "JSON nested deeper than the writer tracks")
        reserve(1)
        put(bracket)
        if array { arrays |= 1 << UInt64(depth) } else { arrays &= ~(1 << UInt64(depth)) }
        depth += 1
        first = true
    }

    mutating func beginObject() { open(0x7B, array: false) }

    mutating func endObject() {
        depth -= 1
        newline()
        reserve(1)
        put(0x7D)
        first = false
    }

    mutating func beginArray() { open(0x5B, array: true) }

    mutating func endArray() {
        let empty = first
        depth -= 1
        // JSONEncoder writes an empty array as an opening bracket, a blank line and the closing bracket.
        if empty {
            reserve(1)
            put(0x0A)
        }
        newline()
        reserve(1)
        put(0x5D)
        first = false
    }

    /// Writes `"key" : ` inside an object for a key spelt in the source, which needs no escaping; the value follows.
    mutating func key(_ key: StaticString) {
        beginKey()
        key.withUTF8Buffer { name in
            reserve(name.count + 2)
            put(0x22)
            put(name)
            put(0x22)
        }
        endKey()
    }

    /// Writes `"key" : ` for a key that comes from data; the value follows.
    mutating func key(text key: String) {
        beginKey()
        writeString(key)
        endKey()
    }

    private mutating func beginKey() {
        if !first {
            reserve(1)
            put(0x2C)
        }
        newline()
    }

    private mutating func endKey() {
        reserve(3)
        put(0x20)
        put(0x3A)
        put(0x20)
        first = true
    }

    mutating func string(_ value: String) {
        beginValue()
        writeString(value)
    }

    mutating func int(_ value: Int) {
        beginValue()
        writeDigits(value)
    }

    mutating func bool(_ value: Bool) {
        beginValue()
        (value ? "true" : "false" as StaticString).withUTF8Buffer { word in
            reserve(word.count)
            put(word)
        }
    }

    /// Writes `"key" : "value"`, or nothing when the value is nil (as `JSONEncoder` leaves nil out).
    mutating func field(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    mutating func field(_ name: StaticString, _ value: Day?) {
        guard let value else { return }
        key(name)
        beginValue()
        let (year, month, day) = value.components
        reserve(12)
        put(0x22)
        for (number, width) in [(year, 4), (month, 2), (day, 2)] {
            if width == 2 { put(0x2D) }
            var divisor = width == 4 ? 1000 : 10
            while divisor > 0 {
                put(UInt8(0x30 + number / divisor % 10))
                divisor /= 10
            }
        }
        put(0x22)
    }

    mutating func field(_ name: StaticString, _ id: RecordID) {
        key(name)
        self.id(id)
    }

    mutating func field(_ name: StaticString, ids: [RecordID]) {
        key(name)
        beginArray()
        for id in ids { self.id(id) }
        endArray()
    }

    /// Writes `"SOL-3"` without building a string first.
    mutating func id(_ id: RecordID) {
        beginValue()
        reserve(RecordID.maxTextCount + 2)
        put(0x22)
        count += id.write(to: base + count)
        put(0x22)
    }

    /// Writes an integer's decimal digits, as `String(value)` spells them.
    private mutating func writeDigits(_ value: Int) {
        reserve(DecimalDigits.maxCount)
        count += DecimalDigits.write(Int64(value), to: base + count)
    }

    /// Writes `value` as a JSON string, escaped exactly as `JSONEncoder` escapes it (`/` left as it is).
    private mutating func writeString(_ value: String) {
        // Over the string's contiguous UTF-8: walking `String.UTF8View` byte by byte cost status a tenth of its time.
        var value = value
        value.withUTF8 { utf8 in
            reserve(utf8.count + 2)
            put(0x22)
            guard Self.needsEscaping(utf8) else {
                put(utf8)
                put(0x22)
                return
            }
            for byte in utf8 {
                reserve(7)
                switch byte {
                case 0x22: escape(0x22)
                case 0x5C: escape(0x5C)
                case 0x0A: escape(0x6E)
                case 0x0D: escape(0x72)
                case 0x09: escape(0x74)
                case 0x08: escape(0x62)
                case 0x0C: escape(0x66)
                case 0..<0x20:
                    let hex: StaticString = "0123456789abcdef"
                    escape(0x75)
                    put(0x30)
                    put(0x30)
                    put(hex.utf8Start[Int(byte >> 4)])
                    put(hex.utf8Start[Int(byte & 0xF)])
                default: put(byte)
                }
            }
            put(0x22)
        }
    }

    /// Whether any byte needs escaping (a control character, `"` or `\`), looked for eight bytes at a time: byte
    /// by byte, the search was a sixth of writing status's JSON.
    private static func needsEscaping(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let start = bytes.baseAddress else { return false }
        // Subtracting 1 from each byte borrows into bit 7 of a byte that was 0 (and perhaps of bytes above it), and
        // `& ~x` drops bytes that had bit 7 set already: exact for whether any byte is 0.
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
        var offset = 0
        while offset + 8 <= bytes.count {
            // Whether any byte matches does not depend on their order in the word.
            let word = UnsafeRawPointer(start).loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            // A byte below 0x20, by the same carry trick; bytes of 0x80 and above never count.
            if (word &- ones &* 0x20) & ~word & highs != 0 || hasZero(word ^ (ones &* 0x22))
                || hasZero(word ^ (ones &* 0x5C))
            {
                return true
            }
            offset += 8
        }
        return bytes[offset...].contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }
    }

    private mutating func escape(_ letter: UInt8) {
        put(0x5C)
        put(letter)
    }

    /// Appends `value` as a JSON string, escaped exactly as `JSONEncoder` escapes it (`/` left as it is).
    static func appendString(_ value: String, to bytes: inout [UInt8]) {
        var writer = JSONWriter(capacity: value.utf8.count + 2)
        writer.writeString(value)
        bytes.append(contentsOf: UnsafeBufferPointer(start: writer.base, count: writer.count))
    }
}
