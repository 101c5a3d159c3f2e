import Foundation

extension AnnualReport {
    /// Writes `report.html`, `report.json` and `report.csv` in `language` into `directory` and returns their paths.
    ///
    /// The directory is created when missing; each file is written atomically.
    public func write(to directory: String, language: ReportLanguage) throws -> [String] {
        let files: [(String, Data)] = [
            ("report.html", Data(html(language: language).utf8)),
            ("report.json", try json(language: language)),
            ("report.csv", Data(csv(language: language).utf8)),
        ]
        return try ReportDirectory.write(files, into: directory)
    }
}

/// The directory a report's files are written into.
enum ReportDirectory {
    /// Writes each named file into `directory` (created when missing), each atomically; returns their paths.
    static func write(_ files: [(name: String, data: Data)], into directory: String) throws -> [String] {
        try prepare(directory)
        return try files.map { name, data in
            let path = URL(fileURLWithPath: directory).appendingPathComponent(name).path
            do {
                try data.write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                throw StoreError.writeFailed(path: path, reason: error.localizedDescription)
            }
            return path
        }
    }

    /// Creates the directory when missing; refuses a file in its place.
    private static func prepare(_ directory: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw InputError(field: .destination, value: directory, reason: "is a file, not a directory")
            }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw StoreError.writeFailed(path: directory, reason: error.localizedDescription)
            }
        }
    }
}
