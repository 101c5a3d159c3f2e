extension Rules {
    /// A piece of evidence's deadlines, at most three (the end of its validity, its review, the last day to give
    /// notice), held inline: the rules work them out for every piece of evidence about every usage, where an
    /// array for each cost a tenth of judging.
    struct Deadlines: RandomAccessCollection, ExpressibleByArrayLiteral, Sendable, Equatable {
        private var first: Deadline?
        private var second: Deadline?
        private var third: Deadline?
        /// How many there are.
        private(set) var count = 0

        init(arrayLiteral deadlines: Deadline...) {
            for deadline in deadlines { append(deadline) }
        }

        var startIndex: Int { 0 }
        var endIndex: Int { count }

        subscript(position: Int) -> Deadline {
            precondition((0..<count).contains(position), "no deadline at \(position)")
            return switch position {
            case 0: first!
            case 1: second!
            default: third!
            }
        }

        /// Adds a deadline after the others; there is room for three.
        mutating func append(_ deadline: Deadline) {
            switch count {
            case 0: first = deadline
            case 1: second = deadline
            case 2: third = deadline
            default: preconditionFailure("evidence has at most three deadlines")
            }
            count += 1
        }
    }
}
