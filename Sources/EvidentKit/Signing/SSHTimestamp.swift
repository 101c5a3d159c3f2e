import Foundation

/// The times OpenSSH takes in allowed_signers options and `-Overify-time`: `YYYYMMDD`, `YYYYMMDDHHMM` or
/// `YYYYMMDDHHMMSS`, followed by `Z` or `UTC` for UTC, else in the machine's time zone.
///
/// Read as OpenSSH's `parse_absolute_time` reads them through glibc's `strptime` and `mktime`: each field may start
/// with spaces and stops at the largest value its range allows, days past a month's end roll into the next
/// month, and a time zone's daylight saving is not applied (`tm_isdst` is 0).
enum SSHTimestamp {
    /// Seconds since 1970, or nil when `text` is not such a time or lies before 1970.
    static func parse(_ text: [UInt8]) -> Int64? {
        var text = text[...]
        var utc = false
        if text.count > 1, text.last.map(AllowedSigners.Options.lowercased) == UInt8(ascii: "z") {
            (utc, text) = (true, text.dropLast())
        } else if text.count > 3, AllowedSigners.Options.hasPrefix(text.suffix(3), "utc") {
            (utc, text) = (true, text.dropLast(3))
        }
        guard [8, 12, 14].contains(text.count) else { return nil }
        // Field widths and the largest value of each, as strptime's %Y %m %d %H %M %S take them.
        let fields: [(width: Int, range: ClosedRange<Int>)] = [
            (4, 0...9999), (2, 1...12), (2, 1...31), (2, 0...23), (2, 0...59), (2, 0...61),
        ]
        var values: [Int] = []
        var start = text.startIndex
        for field in fields where start < text.endIndex {
            guard let value = number(text[start..<(start + field.width)], range: field.range) else { return nil }
            values.append(value)
            start += field.width
        }
        while values.count < 6 { values.append(0) }
        let days = Day.ordinal(year: values[0], month: values[1], day: 1) + values[2] - 1
        var seconds = Int64(days) * 86_400 + Int64(values[3] * 3600 + values[4] * 60 + values[5])
        if !utc {
            let zone = TimeZone.current
            let near = Date(timeIntervalSince1970: TimeInterval(seconds))
            seconds -= Int64(zone.secondsFromGMT(for: near)) - Int64(zone.daylightSavingTimeOffset(for: near))
        }
        return seconds >= 0 ? seconds : nil
    }

    /// One field as glibc's `get_number` reads it: spaces, then digits while the value can still grow within range.
    static func number(_ field: ArraySlice<UInt8>, range: ClosedRange<Int>) -> Int? {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || (0x09...0x0D).contains($0) }
        var index = field.firstIndex { !isSpace($0) } ?? field.endIndex
        var value = 0
        var digits = 0
        while index < field.endIndex, (0x30...0x39).contains(field[index]), digits < field.count,
            digits == 0 || value * 10 <= range.upperBound
        {
            value = value * 10 + Int(field[index] - 0x30)
            digits += 1
            index += 1
        }
        return digits > 0 && index == field.endIndex && range.contains(value) ? value : nil
    }
}
