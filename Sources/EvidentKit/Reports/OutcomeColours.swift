/// The colours of verdicts in charts and tables.
extension Outcome {
    var colour: String {
        switch self {
        case .compliant: "#2e7d32"
        case .expiring: "#f9a825"
        case .missingEvidence: "#ef6c00"
        case .nonCompliant: "#c62828"
        case .outOfScope: "#9e9e9e"
        }
    }

    /// The outcomes a covered solution can have, in the order charts stack them.
    static let judged: [Outcome] = [.compliant, .expiring, .missingEvidence, .nonCompliant]
}
