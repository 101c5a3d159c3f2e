import Foundation

/// How names compare when a user types them: without case or accents, and with Danish letters spelled out.
///
/// `Ansog`, `ansoeg` and `Ansøg` fold alike: æ, ø and å become a, o and a, as do their ASCII spellings ae, oe and
/// aa, so a name typed on a keyboard without Danish letters still finds its record.
public enum NameFolding {
    /// The form two names share when they are the same to a user.
    public static func key(_ name: String) -> String {
        // Most names are ASCII, and an import folds every name of every row: skip Unicode's tables for them.
        if name.utf8.allSatisfy({ $0 < 0x80 }) { return fold(name.utf8) }
        var spelled = ""
        for character in name.lowercased() {
            switch character {
            case "æ": spelled += "ae"
            case "ø": spelled += "oe"
            case "å": spelled += "aa"
            default: spelled.append(character)
            }
        }
        // Canonical decomposition splits é into e and a combining accent, which is then dropped.
        let letters = spelled.decomposedStringWithCanonicalMapping.unicodeScalars.filter {
            $0.properties.generalCategory != .nonspacingMark
        }
        return fold(String(String.UnicodeScalarView(letters)).utf8)
    }

    /// Lower-cases ASCII letters and folds ae, oe and aa to a, o and a, in one pass over UTF-8 (whose multi-byte
    /// sequences hold no ASCII bytes, so only ASCII letters are touched).
    private static func fold(_ bytes: String.UTF8View) -> String {
        var folded: [UInt8] = []
        folded.reserveCapacity(bytes.count)
        for byte in bytes {
            let lower = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
            if let last = folded.last,
                (last == UInt8(ascii: "a") || last == UInt8(ascii: "o")) && lower == UInt8(ascii: "e")
                    || last == UInt8(ascii: "a") && lower == UInt8(ascii: "a")
            {
                continue
            }
            folded.append(lower)
        }
        return String(decoding: folded, as: UTF8.self)
    }
}
