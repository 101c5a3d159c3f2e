/// Walking a `JSONStream` by structure: members of an object, elements of an array, values skipped whole.
extension JSONStream {
    /// The value that starts with `token` is read through and dropped, however large.
    mutating func skip(startingWith token: Token) throws(ScanError) {
        guard token == .beginObject || token == .beginArray else { return }
        var depth = 1
        while depth > 0 {
            switch try next() {
            case .beginObject, .beginArray: depth += 1
            case .endObject, .endArray: depth -= 1
            default: break
            }
        }
    }

    /// Calls `body` with each member's name and first token; `body` reads the rest of the value or skips it.
    /// False when the value is not an object (it is then skipped).
    @discardableResult
    mutating func members(
        of token: Token, _ body: (inout JSONStream, String, Token) throws(ScanError) -> Void
    ) throws(ScanError) -> Bool {
        guard token == .beginObject else {
            try skip(startingWith: token)
            return false
        }
        while true {
            let token = try next()
            guard case .key(let name) = token else { return true }
            try body(&self, name, try next())
        }
    }

    /// Calls `body` with each element's first token; false when the value is not an array (it is then skipped).
    @discardableResult
    mutating func elements(
        of token: Token, _ body: (inout JSONStream, Token) throws(ScanError) -> Void
    ) throws(ScanError) -> Bool {
        guard token == .beginArray else {
            try skip(startingWith: token)
            return false
        }
        while true {
            let token = try next()
            if token == .endArray { return true }
            try body(&self, token)
        }
    }

    /// The string a value is, skipping any other value; `tooLong` when the string was longer than kept.
    mutating func string(_ token: Token, tooLong: () -> ScanError) throws(ScanError) -> String? {
        switch token {
        case .string(let value?): return value
        case .string(nil): throw tooLong()
        default:
            try skip(startingWith: token)
            return nil
        }
    }
}
