/// A number with its noun, singular for one: `1 document`, `2 documents`.
public struct Counted: Sendable, Equatable, CustomStringConvertible {
    public let count: Int64
    public let singular: String
    public let plural: String

    /// `plural` defaults to the singular with an s.
    public init(_ count: some BinaryInteger, _ singular: String, plural: String? = nil) {
        self.count = Int64(count)
        self.singular = singular
        self.plural = plural ?? singular + "s"
    }

    public var description: String { "\(count) \(count == 1 ? singular : plural)" }
}
