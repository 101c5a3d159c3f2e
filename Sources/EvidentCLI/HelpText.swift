import Foundation

/// Help text written so that ArgumentParser prints it well.
enum HelpText {
    /// Paragraphs written across several source lines, each joined into one line.
    ///
    /// ArgumentParser keeps every line break of a discussion and wraps each line on its own, so a paragraph broken
    /// where the source breaks it would break mid-sentence on the screen. Blank lines separate paragraphs.
    static func prose(_ text: String) -> String {
        text.components(separatedBy: "\n\n").map {
            $0.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        }
        .joined(separator: "\n\n")
    }
}
