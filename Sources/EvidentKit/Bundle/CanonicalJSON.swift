import Foundation

/// Canonical JSON for `metadata/registry.json`: sorted keys, no insignificant white space, `/` unescaped.
enum CanonicalJSON {
    static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }
}
