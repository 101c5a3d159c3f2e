import Foundation
import GRDB

/// A fresh directory for one test, removed when the body returns.
public func withTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("evident-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    defer {
        // Objects are read-only; make them writable so the tree can go.
        _ = try? FileManager.default.subpathsOfDirectory(atPath: url.path).forEach {
            chmod(url.appendingPathComponent($0).path, 0o700)
        }
        try? FileManager.default.removeItem(at: url)
    }
    return try body(url)
}

/// The committed test documents under `Tests/Fixtures`.
public enum Fixtures {
    public static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// Copies a fixture into `directory` (so each test owns its files) and returns the copy's path.
    public static func copy(_ name: String, into directory: URL, as newName: String? = nil) throws -> String {
        let target = directory.appendingPathComponent(newName ?? name)
        try? FileManager.default.removeItem(at: target)
        try FileManager.default.copyItem(at: self.directory.appendingPathComponent(name), to: target)
        return target.path
    }

    /// The repository root, for files such as `schema/registry.sql`.
    public static let repositoryRoot = directory.deletingLastPathComponent().deletingLastPathComponent()
}

/// Everything a home holds, as text: every row of every table and every file under `objects/`.
///
/// Two equal snapshots mean nothing was changed, which is what a refused command must leave behind.
public func snapshot(ofHome home: URL) throws -> String {
    var lines: [String] = []
    let database = home.appendingPathComponent("registry.sqlite").path
    if FileManager.default.fileExists(atPath: database) {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: database, configuration: configuration)
        try queue.read { db in
            let tables = try String.fetchAll(
                db,
                sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            for table in tables {
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1") {
                    lines.append("\(table): \(row.description)")
                }
            }
        }
    }
    let objects = home.appendingPathComponent("objects")
    if let files = FileManager.default.enumerator(atPath: objects.path) {
        for case let file as String in files {
            lines.append("objects/\(file)")
        }
    }
    return lines.sorted().joined(separator: "\n")
}

/// The paths of the stored objects (not the temp area) under a home.
public func storedObjects(inHome home: URL) -> [String] {
    let root = home.appendingPathComponent("objects/sha256").path
    return (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? [])
        .filter { $0.count == 65 }.sorted()
}
