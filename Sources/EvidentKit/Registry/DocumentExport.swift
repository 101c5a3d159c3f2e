import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where filed documents are written back out to.
public enum DocumentDestination: Sendable, Equatable {
    /// A file to write, or an existing directory to write each document into under its filed name.
    case path(String)
    /// An open descriptor such as standard output, called `name` in errors; a terminal takes text only.
    case descriptor(Int32, name: String)
}

extension Registry {
    /// Writes filed documents of evidence back out, checking their bytes against their hash on the way.
    ///
    /// `document` picks one by number (1, 2, …) or by name; without it every document is written, which
    /// only a directory can take. Each path is passed to `wrote` once it is written.
    public func exportDocuments(
        of reference: String, document: String?, to destination: DocumentDestination,
        wrote: (String) -> Void = { _ in }
    ) throws {
        let info = try evidence(reference)
        let chosen = try Self.choose(document, from: info)
        var isDirectory: ObjCBool = false
        if case .path(let directory) = destination,
            FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue
        {
            for file in chosen {
                let target = URL(fileURLWithPath: directory).appendingPathComponent(file.name).path
                try store.exportObject(sha256: file.sha256, to: target)
                wrote(target)
            }
            return
        }
        guard chosen.count == 1, let only = chosen.first else {
            let count = info.files.count
            throw InputError(
                field: .document, value: "",
                reason: "\(info.id) has \(count) files: choose one or give a directory to \(Field.destination)")
        }
        switch destination {
        case .path(let path):
            try store.exportObject(sha256: only.sha256, to: path)
            wrote(path)
        case .descriptor(let descriptor, let name):
            // Binary bytes garble a terminal; text is meant to be read there.
            if isatty(descriptor) == 1 && !only.mediaType.hasPrefix("text/") {
                throw InputError(
                    field: .destination, value: "",
                    reason: "refusing to write \(only.mediaType) to a terminal: give a file")
            }
            try store.copyObject(sha256: only.sha256, to: descriptor, outputPath: name)
        }
    }

    /// The documents `document` names, by number or by name; all of them when it is nil.
    private static func choose(
        _ document: String?, from info: EvidenceInfo
    ) throws(InputError) -> [EvidenceInfo.File] {
        guard let document else { return info.files }
        if let number = Int(document), number >= 1, number <= info.files.count { return [info.files[number - 1]] }
        if let named = info.files.first(where: { $0.name == document }) { return [named] }
        throw InputError(
            field: .document, value: document, reason: "\(info.id) has no such file (it has \(info.files.count))")
    }
}
