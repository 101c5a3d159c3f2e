import Foundation

/// How names compare when a user types them: without case or accents, and with Danish letters spelled out.
///
/// `Ansog`, `ansoeg` and `Ansøg` fold alike: æ, ø and å become a, o and a, as do their ASCII spellings ae, oe and
/// aa, so a name typed on a keyboard without Danish letters still finds its record.
public enum NameFolding {
    /// The form two names share when they are the same to a user.
    public static func key(_ name: String) -> String {
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
        return String(String.UnicodeScalarView(letters))
            .replacingOccurrences(of: "ae", with: "a")
            .replacingOccurrences(of: "oe", with: "o")
            .replacingOccurrences(of: "aa", with: "a")
    }
}
