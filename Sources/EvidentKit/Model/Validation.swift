import Foundation

/// Field checks shared by the drafts of every record kind.
enum Validate {
    /// A required text field, trimmed, not empty, and no longer than the field allows.
    static func text(_ value: String, field: Field) throws(InputError) -> String {
        let trimmed = trimmed(value)
        guard !trimmed.isEmpty else { throw InputError(field: field, value: value, reason: "must not be empty") }
        // ASCII text (most of it) has its control characters below 0x20 and at 0x7F; only other text needs the
        // Unicode properties, which are slow enough to matter for an import of ten thousand rows.
        let hasControl =
            trimmed.utf8.allSatisfy { $0 < 0x80 }
            ? trimmed.utf8.contains { $0 < 0x20 || $0 == 0x7F }
            : trimmed.unicodeScalars.contains { $0.properties.generalCategory == .control }
        guard !hasControl else {
            throw InputError(field: field, value: value, reason: "must not contain control characters")
        }
        let limit = maximumLength(of: field)
        guard trimmed.count <= limit else {
            // The whole value would drown the line; its start is enough to recognise it.
            throw InputError(
                field: field, value: String(trimmed.prefix(40)) + "…",
                reason: "is \(trimmed.count) characters long; at most \(limit) are allowed")
        }
        return trimmed
    }

    /// The most characters a text field takes.
    static func maximumLength(of field: Field) -> Int {
        switch field {
        case .name: Limits.nameLength
        case .title: Limits.titleLength
        default: Limits.textLength
        }
    }

    /// `value` without white space or line breaks at either end; a value that starts and ends with visible ASCII
    /// is returned as it is, without Foundation's slower trimming.
    static func trimmed(_ value: String) -> String {
        guard let first = value.utf8.first, let last = value.utf8.last else { return value }
        let visible = { (byte: UInt8) in byte > 0x20 && byte < 0x7F }
        return visible(first) && visible(last) ? value : value.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// An optional text field: empty means absent.
    static func optionalText(_ value: String?, field: Field) throws(InputError) -> String? {
        guard let value, !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        return try text(value, field: field)
    }

    /// An http or https URL with a host.
    static func url(_ value: String, field: Field) throws(InputError) -> String {
        guard let url = URL(string: value), let scheme = url.scheme?.lowercased(),
            scheme == "https" || scheme == "http", let host = url.host, !host.isEmpty
        else {
            throw InputError(
                field: field, value: value, reason: "expected an http or https URL such as https://www.skat.dk")
        }
        return value
    }

    /// A host pattern: a host name, optionally starting with `*.` for any subdomain.
    static func hostPattern(_ value: String, field: Field) throws(InputError) -> String {
        let pattern = value.lowercased()
        let host = pattern.hasPrefix("*.") ? String(pattern.dropFirst(2)) : pattern
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        let valid =
            labels.count >= 2
            && labels.allSatisfy { label in
                !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                    && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
            }
        guard valid else {
            throw InputError(
                field: field, value: value,
                reason: "expected a host name such as fonts.googleapis.com or *.google-analytics.com")
        }
        return pattern
    }

    /// A cookie name as RFC 6265 allows it (a token: no spaces, separators or controls).
    static func cookieName(_ value: String, field: Field) throws(InputError) -> String {
        let separators = Set("()<>@,;:\\\"/[]?={} \t")
        guard !value.isEmpty, value.allSatisfy({ $0.isASCII && !separators.contains($0) && !$0.isWhitespace }),
            !value.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
        else {
            throw InputError(field: field, value: value, reason: "not a valid cookie name")
        }
        return value
    }

    /// A date range where the end, when given, is not before the start.
    static func range(
        from start: Day?, _ startField: Field, until end: Day?, _ endField: Field
    ) throws(InputError) {
        if let start, let end, end < start {
            throw InputError(
                field: endField, value: end.description, reason: "is before \(startField) \(start)")
        }
    }

    /// A whole number within `range` of `unit`s.
    static func number(_ value: Int, field: Field, in range: ClosedRange<Int>, unit: String) throws(InputError) {
        guard range.contains(value) else {
            throw InputError(
                field: field, value: String(value),
                reason: Limits.outside(range, below: value < range.lowerBound, unit: unit))
        }
    }

    /// A day that must not be after today (a capture or signature cannot happen in the future).
    static func notFuture(_ day: Day?, field: Field, today: Day) throws(InputError) {
        if let day, day > today {
            throw InputError(field: field, value: day.description, reason: "is in the future (today is \(today))")
        }
    }
}
