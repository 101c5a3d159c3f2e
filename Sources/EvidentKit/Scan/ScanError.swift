/// Why a capture cannot be scanned or recorded, worded for the user.
public enum ScanError: UserFacingError, Sendable, Equatable {
    /// The file cannot be opened or read.
    case unreadable(path: String, reason: String)
    /// The file is not well-formed JSON at this byte offset.
    case malformed(path: String, offset: Int, reason: String)
    /// The JSON is neither a HAR capture nor a Website Evidence Collector inspection.json.
    case notACapture(path: String, reason: String)
    /// A field the scan needs is larger than it accepts, or the capture holds more of something than it accepts.
    case tooLarge(path: String, what: String, limit: Int)
    /// Recording a scan needs something to cover: the solution has no usages and none are added.
    case nothingToCover(solution: String)
    /// The solution is an app: a capture of web requests cannot be matched against it.
    case notAWebSolution(solution: String)
    /// A service named in `catalog add` is not in the catalogue.
    case unknownCatalogEntry(String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "cannot read '\(path)': \(reason)"
        case .malformed(let path, let offset, let reason):
            return "'\(path)' is not valid JSON at byte \(offset): \(reason)"
        case .notACapture(let path, let reason):
            return "'\(path)' is neither a HAR capture nor a Website Evidence Collector inspection.json: \(reason)"
        case .tooLarge(let path, let what, let limit):
            return "'\(path)' is refused: \(what) (at most \(limit) accepted)"
        case .nothingToCover(let solution):
            return """
                \(solution) has no usages for the scan to cover; add its services as usages first, \
                or record the scan with its matched services added as usages
                """
        case .notAWebSolution(let solution):
            return "\(solution) is an app; a scan matches a web solution's requests"
        case .unknownCatalogEntry(let name):
            return "'\(name)' is not in the catalogue of third-party services"
        }
    }
}
