import Foundation

/// Canonical JSON: sorted keys, no insignificant white space, `/` unescaped.
enum CanonicalJSON {
    static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    static func sha256(_ value: some Encodable) throws -> String {
        Hashing.sha256(try encode(value))
    }
}
