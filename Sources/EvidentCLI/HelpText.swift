/// Help text written so that ArgumentParser prints it well.
enum HelpText {
    /// Paragraphs written across several source lines, each joined into one line.
    ///
    /// ArgumentParser keeps every line break of a discussion and wraps each line on its own, so a paragraph broken
    /// where the source breaks it would break mid-sentence on the screen. Blank lines separate paragraphs.
    static func prose(_ text: String) -> String {
        // On the bytes: ArgumentParser reads every command's discussion on every start, and Foundation's splitting
        // and trimming of them was a fifth of starting up.
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var start = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count && !(bytes[end] == 0x0A && end + 1 < bytes.count && bytes[end + 1] == 0x0A) {
                end += 1
            }
            if start > 0 { output += [0x0A, 0x0A] }
            for (index, line) in bytes[start..<end].split(separator: 0x0A).enumerated() {
                if index > 0 { output.append(0x20) }
                output += trimmed(line)
            }
            start = end + 2
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// A line without the spaces and tabs at its ends.
    private static func trimmed(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let blank = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
        let start = line.firstIndex { !blank($0) } ?? line.endIndex
        let end = line.lastIndex { !blank($0) }.map { $0 + 1 } ?? start
        return line[start..<end]
    }
}
