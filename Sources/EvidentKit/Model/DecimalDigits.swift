/// Writes integers in decimal straight into bytes, as `String(value)` spells them.
///
/// For the outputs that write hundreds of thousands of ids and counts, where building a `String` for each
/// costs more than the rest of the work.
enum DecimalDigits {
    /// The most bytes an `Int64` takes: a sign and 19 digits.
    static let maxCount = 20

    /// Writes `value` at `start`, which has room for `maxCount` bytes, and returns how many it wrote.
    static func write(_ value: Int64, to start: UnsafeMutablePointer<UInt8>) -> Int {
        var written = 0
        if value < 0 {
            start[0] = 0x2D
            written = 1
        }
        var magnitude = value.magnitude
        var digits = 1
        var probe = magnitude
        while probe >= 10 {
            probe /= 10
            digits += 1
        }
        written += digits
        var index = written
        repeat {
            index -= 1
            start[index] = 0x30 + UInt8(magnitude % 10)
            magnitude /= 10
        } while magnitude > 0
        return written
    }
}
