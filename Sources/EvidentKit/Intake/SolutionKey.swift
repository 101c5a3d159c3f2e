/// What names a solution across the registries of different authorities: its URL, or `app:` and its app id,
/// lower-cased and without a trailing slash. Local ids (`SOL-3`) are only unique within one home.
enum SolutionKey {
    static func of(_ solution: SolutionInfo) -> String {
        if let url = solution.url {
            var text = url.lowercased()
            while text.hasSuffix("/") { text.removeLast() }
            return text
        }
        return "app:" + (solution.appId ?? solution.name).lowercased()
    }
}
