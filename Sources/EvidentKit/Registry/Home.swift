import Foundation

/// The directory that holds one registry: its database and its document store.
public struct Home: Sendable, Equatable {
    /// The directory, as an absolute file URL.
    public let url: URL

    /// The home at `path`, relative to the current directory unless absolute.
    public init(path: String) {
        self.url = URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
    }

    /// The home the caller chose (`option`), else `$EVIDENT_HOME`, else `./.evident`.
    public static func resolve(option: String?, environment: [String: String]) -> Home {
        if let option, !option.isEmpty { return Home(path: option) }
        if let path = environment["EVIDENT_HOME"], !path.isEmpty { return Home(path: path) }
        return Home(path: ".evident")
    }

    /// The directory's path.
    public var path: String { url.path }
    var databasePath: String { url.appendingPathComponent("registry.sqlite").path }
    var objectsPath: String { url.appendingPathComponent("objects").path }
}
