/// The kinds of record the registry holds, each with the prefix of its short id.
public enum RecordKind: String, Sendable, CaseIterable, Codable {
    /// Authorities, solutions, vendors, services, usages (a solution embedding a service) and evidence.
    case authority, solution, vendor, service, usage, evidence
    /// A bundle another authority handed in, verified and recorded by the supervising authority's intake.
    case receivedBundle

    /// The prefix of the short ids users see, as in `AUT-1`.
    var prefix: String {
        switch self {
        case .authority: "AUT"
        case .solution: "SOL"
        case .vendor: "VEN"
        case .service: "SVC"
        case .usage: "USE"
        case .evidence: "EVD"
        case .receivedBundle: "RCV"
        }
    }

    /// The table that holds this kind of record.
    var table: String { rawValue }

    /// The position of the prefix in alphabetical order, so ids sort as their text does without comparing strings.
    var sortRank: Int {
        switch self {
        case .authority: 0
        case .evidence: 1
        case .receivedBundle: 2
        case .solution: 3
        case .service: 4
        case .usage: 5
        case .vendor: 6
        }
    }
}

/// A stable short id such as `SOL-3`: a kind and the row's never-reused number.
public struct RecordID: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The kind of record, which gives the id its prefix.
    public let kind: RecordKind
    /// The row's number, never reused within its kind.
    public let number: Int64

    /// The id of the record of `kind` numbered `number`.
    public init(_ kind: RecordKind, _ number: Int64) {
        self.kind = kind
        self.number = number
    }

    /// Parses `SOL-3` (any letter case); returns nil when the text is not an id.
    init?(_ text: String) {
        guard let dash = text.firstIndex(of: "-"),
            let kind = RecordKind.allCases.first(where: { $0.prefix == text[..<dash].uppercased() }),
            let number = Int64(text[text.index(after: dash)...]), number > 0
        else { return nil }
        self.init(kind, number)
    }

    /// The id as users see it, such as `SOL-3`.
    public var description: String {
        String(unsafeUninitializedCapacity: Self.maxTextCount) { write(to: $0.baseAddress!) }
    }

    /// The most bytes an id's text takes: a prefix, a dash and a number.
    static let maxTextCount = 4 + DecimalDigits.maxCount

    /// Writes the id's text, such as `SOL-3`, at `start`, which has room for `maxTextCount` bytes, and returns how
    /// many bytes it wrote: status writes a few hundred thousand ids, and building a string for each cost more.
    func write(to start: UnsafeMutablePointer<UInt8>) -> Int {
        var prefix = kind.prefix
        let length = prefix.withUTF8 { prefix in
            start.update(from: prefix.baseAddress!, count: prefix.count)
            return prefix.count
        }
        start[length] = 0x2D
        return length + 1 + DecimalDigits.write(number, to: start + length + 1)
    }

    /// Orders ids by prefix, alphabetically, then by number.
    public static func < (lhs: RecordID, rhs: RecordID) -> Bool {
        (lhs.kind.sortRank, lhs.number) < (rhs.kind.sortRank, rhs.number)
    }

    /// Decodes an id from its text, such as `SOL-3`.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let id = RecordID(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a record id"))
        }
        self = id
    }

    /// Encodes the id as its text, such as `SOL-3`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
