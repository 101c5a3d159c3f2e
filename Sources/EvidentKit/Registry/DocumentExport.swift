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
    /// only a directory can take. In a directory each document is named as in a bundle: only `[A-Za-z0-9._-]`,
    /// at most 120 bytes keeping the extension, and numbered when two would be alike (`scan.pdf`, `scan-2.pdf`).
    /// An existing file is refused before anything is written, unless `overwrite`; so is a path ending in `/` that
    /// is no directory, or a file in a directory that does not exist. Each path is passed to `wrote` once it is
    /// written, as the directory given and the name.
    public func exportDocuments(
        of reference: String, document: String?, to destination: DocumentDestination, overwrite: Bool = false,
        wrote: (String) -> Void = { _ in }
    ) throws {
        let info = try evidence(reference)
        let chosen = try Self.choose(document, from: info)
        if case .path(let path) = destination, let directory = try Self.directory(named: path) {
            let names = BundleFormat.safeNames(info.files.map(\.name))
            let targets = chosen.map { (directory.hasSuffix("/") ? directory : directory + "/") + names[$0.index] }
            if !overwrite, let existing = targets.first(where: { FileManager.default.fileExists(atPath: $0) }) {
                throw StoreError.alreadyExists(path: existing)
            }
            for (chosen, target) in zip(chosen, targets) {
                try store.exportObject(sha256: chosen.file.sha256, to: target, replace: overwrite)
                wrote(target)
            }
            return
        }
        guard chosen.count == 1, let only = chosen.first?.file else {
            let count = info.files.count
            throw InputError(
                field: .document, value: "",
                reason: "\(info.id) has \(count) files: choose one or give a directory to \(Field.destination)")
        }
        switch destination {
        case .path(let path):
            try store.exportObject(sha256: only.sha256, to: path, replace: overwrite)
            wrote(path)
        case .descriptor(let descriptor, let name):
            // Binary bytes garble a terminal; text is meant to be read there.
            if isatty(descriptor) == 1 && !only.mediaType.hasPrefix("text/") {
                throw StoreError.binaryToTerminal(mediaType: only.mediaType)
            }
            try store.copyObject(sha256: only.sha256, to: descriptor, outputPath: name)
        }
    }

    /// `path` when it names a directory to write into: one that exists, or a path ending in `/`, which must exist;
    /// nil when it names a file, whose directory must exist.
    private static func directory(named path: String) throws(StoreError) -> String? {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            return path
        }
        guard !path.hasSuffix("/") else { throw .missingDirectory(path: path) }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty,
            !FileManager.default.fileExists(atPath: parent, isDirectory: &isDirectory) || !isDirectory.boolValue
        {
            throw .missingDirectory(path: parent)
        }
        return nil
    }

    /// The documents `document` names, by number or by name, with their place in the evidence; all of them when
    /// it is nil.
    private static func choose(
        _ document: String?, from info: EvidenceInfo
    ) throws(InputError) -> [(index: Int, file: EvidenceInfo.File)] {
        let files = info.files.enumerated().map { (index: $0.offset, file: $0.element) }
        guard let document else { return files }
        if let number = Int(document), number >= 1, number <= info.files.count { return [files[number - 1]] }
        if let named = info.files.firstIndex(where: { $0.name == document }) { return [files[named]] }
        throw InputError(
            field: .document, value: document, reason: "\(info.id) has no such file (it has \(info.files.count))")
    }
}
