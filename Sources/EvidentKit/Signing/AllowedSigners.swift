import Foundation

/// An `allowed_signers` file (ssh-keygen(1) ALLOWED SIGNERS): principals, options, and keys they may sign with.
public struct AllowedSigners: Sendable {
    /// One line of the file: the principals, the namespaces they may sign in, and their key.
    package struct Entry: Sendable {
        let principals: String
        let namespaces: [String]?
        /// The key the principals sign with.
        package let key: PublicSigningKey
    }

    /// The file's Ed25519 lines, in order.
    package let entries: [Entry]

    /// Parses the file; lines that are not Ed25519 keys are skipped, as they cannot have signed a bundle.
    public init(text: String) {
        var entries: [Entry] = []
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
            let fields = Self.fields(trimmed)
            guard let typeIndex = fields.firstIndex(of: "ssh-ed25519"), typeIndex >= 1, typeIndex + 1 < fields.count,
                let blob = Data(base64Encoded: fields[typeIndex + 1]), let key = PublicSigningKey(blob: Array(blob))
            else { continue }
            var namespaces: [String]?
            for option in fields[1..<typeIndex].flatMap({ $0.split(separator: ",") }) {
                let lower = option.lowercased()
                if lower.hasPrefix("namespaces=") {
                    namespaces = option.dropFirst("namespaces=".count).trimmingCharacters(
                        in: CharacterSet(charactersIn: "\"")
                    )
                    .split(separator: ",").map(String.init)
                }
            }
            entries.append(Entry(principals: fields[0], namespaces: namespaces, key: key))
        }
        self.entries = entries
    }

    /// Splits on spaces outside double quotes.
    static func fields(_ line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        for character in line {
            if character == "\"" { quoted.toggle() }
            if character == " " && !quoted {
                if !current.isEmpty { fields.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { fields.append(current) }
        return fields
    }

    /// The principals that may sign in `namespace` with `key`; empty when the key is not trusted for it.
    package func principals(trusting key: PublicSigningKey, namespace: String) -> [String] {
        entries.filter { $0.key == key && ($0.namespaces?.contains(namespace) ?? true) }.map(\.principals)
    }
}
