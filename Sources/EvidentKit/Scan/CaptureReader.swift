/// Reads a capture file, HAR or inspection.json, telling which from its members, in one streaming pass.
public enum CaptureReader {
    /// The capture in the file at `path`; a file that is neither format, or malformed, or too large in a field
    /// the scan keeps, is refused naming what was wrong.
    public static func read(path: String) throws(ScanError) -> Capture {
        var stream = try JSONStream(path: path, keptStringBytes: Capture.maxFieldBytes)
        defer { stream.close() }
        let first = try stream.next()
        guard first == .beginObject else {
            throw .notACapture(path: path, reason: "it is not a JSON object")
        }
        var har = HARReading(path: path)
        var inspection = InspectionReading(path: path)
        try stream.members(of: first) { stream, name, token throws(ScanError) in
            if name == "log" {
                try har.readLog(&stream, token)
            } else if InspectionReading.members.contains(name) {
                try inspection.read(name, &stream, token)
            } else {
                try stream.skip(startingWith: token)
            }
        }
        guard try stream.next() == .end else {
            throw .malformed(path: path, offset: stream.offset, reason: "more follows")
        }
        switch (har.sawEntries, inspection.sawCapture) {
        case (true, false): return har.capture
        case (false, true): return try inspection.finished()
        case (true, true):
            throw .notACapture(path: path, reason: "it has both a HAR log and inspection.json's members")
        case (false, false):
            throw .notACapture(
                path: path,
                reason: "it has neither a HAR log with entries nor inspection.json's uri_ins and hosts")
        }
    }
}
