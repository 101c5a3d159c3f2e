/// Words for a person that may name input fields, leaving each field for whoever prints them to spell.
///
/// Written as a string with fields interpolated: `"is before \(Field.validFrom) \(day)"`. The registry's own
/// descriptions write a field as its name; a command line writes its option.
public struct UserMessage: Sendable, Equatable, CustomStringConvertible, ExpressibleByStringInterpolation {
    enum Part: Sendable, Equatable {
        case text(String)
        case field(Field)
    }

    /// Text and fields in order; adjacent text is merged, so equal words compare equal.
    private(set) var parts: [Part] = []

    /// Words with no field in them.
    public init(stringLiteral value: String) {
        append(value)
    }

    /// Words with fields interpolated.
    public init(stringInterpolation: Interpolation) {
        self = stringInterpolation.message
    }

    /// Builds a message from literal text, fields and other values.
    public struct Interpolation: StringInterpolationProtocol {
        var message = UserMessage(stringLiteral: "")

        /// Starts an empty message.
        public init(literalCapacity: Int, interpolationCount: Int) {}

        /// Appends literal text.
        public mutating func appendLiteral(_ literal: String) {
            message.append(literal)
        }

        /// Appends a field, for the printer to spell.
        public mutating func appendInterpolation(_ field: Field) {
            message.parts.append(.field(field))
        }

        /// Appends another message, its fields still for the printer to spell.
        public mutating func appendInterpolation(_ other: UserMessage) {
            for part in other.parts {
                switch part {
                case .text(let text): message.append(text)
                case .field: message.parts.append(part)
                }
            }
        }

        /// Appends a value's description as text.
        public mutating func appendInterpolation(_ value: some CustomStringConvertible) {
            message.append(value.description)
        }
    }

    private mutating func append(_ text: String) {
        guard !text.isEmpty else { return }
        if case .text(let previous) = parts.last {
            parts[parts.count - 1] = .text(previous + text)
        } else {
            parts.append(.text(text))
        }
    }

    /// The words with each field written by `spell`.
    public func text(spelling spell: (Field) -> String) -> String {
        parts.map { part in
            switch part {
            case .text(let text): text
            case .field(let field): spell(field)
            }
        }.joined()
    }

    /// The words with each field written as its name.
    public var description: String {
        text(spelling: \.rawValue)
    }
}
