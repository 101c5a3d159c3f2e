import Foundation

/// The BagIt checks (RFC 8493): bagit.txt, the manifests, bag-info.txt and the Payload-Oxum.
extension BundleVerifier {

    static func lines(_ bytes: [UInt8]) -> [String] {
        String(decoding: bytes, as: UTF8.self).split(omittingEmptySubsequences: true, whereSeparator: \.isNewline)
            .map(String.init)
    }

    /// Parses `checksum  path` lines; nil (and a problem) when a line is malformed or a path repeats.
    static func manifest(
        _ bytes: [UInt8], name: String, code: BundleProblem.Code, problem: (BundleProblem.Code, String?, String) -> Void
    ) -> [String: String]? {
        var entries: [String: String] = [:]
        for line in lines(bytes) {
            let parts = line.split(separator: " ", maxSplits: 1)
            let hash = parts.first.map(String.init) ?? ""
            let file = parts.count == 2 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
            guard hash.count == 64, hash.allSatisfy(\.isHexDigit), !file.isEmpty else {
                problem(code, name, "malformed line '\(line.prefix(80))'")
                return nil
            }
            guard entries.updateValue(hash.lowercased(), forKey: file) == nil else {
                problem(code, name, "'\(file)' is listed twice")
                return nil
            }
        }
        return entries
    }

    static func checkBag(_ contents: Contents, problem: (BundleProblem.Code, String?, String) -> Void) {
        let tags = contents.tags
        if let bagit = tags["bagit.txt"] {
            if lines(bagit) != ["BagIt-Version: 1.0", "Tag-File-Character-Encoding: UTF-8"] {
                problem(.bagitInvalid, "bagit.txt", "expected BagIt-Version 1.0 and UTF-8")
            }
        } else {
            problem(.bagitMissing, "bagit.txt", "not in the bag")
        }
        if tags["fetch.txt"] != nil {
            problem(.fetchNotAllowed, "fetch.txt", "bundles must hold every file; fetch.txt is not allowed")
        }

        if let bytes = tags["manifest-sha256.txt"] {
            if let listed = manifest(bytes, name: "manifest-sha256.txt", code: .manifestInvalid, problem: problem) {
                for (file, hash) in listed.sorted(by: { $0.key < $1.key }) {
                    if !file.hasPrefix("data/") {
                        problem(.manifestInvalid, "manifest-sha256.txt", "'\(file)' is not under data/")
                    } else if let actual = contents.payload[file] {
                        if actual.sha256 != hash {
                            problem(.payloadModified, file, "its SHA-256 is not the manifest's")
                        }
                    } else {
                        problem(.payloadMissing, file, "listed in the manifest but not in the bag")
                    }
                }
                for file in contents.payload.keys.sorted() where listed[file] == nil {
                    problem(.payloadUnlisted, file, "in the bag but not in the manifest")
                }
            }
        } else {
            problem(.manifestMissing, "manifest-sha256.txt", "not in the bag")
        }
        for name in tags.keys.sorted()
        where name.hasPrefix("manifest-") && name != "manifest-sha256.txt"
            || name.hasPrefix("tagmanifest-") && name != "tagmanifest-sha256.txt"
        {
            problem(.tagUnlisted, name, "bundles use SHA-256 manifests only")
        }

        if let bytes = tags["tagmanifest-sha256.txt"] {
            if let listed = manifest(bytes, name: "tagmanifest-sha256.txt", code: .tagManifestInvalid, problem: problem)
            {
                for (file, hash) in listed.sorted(by: { $0.key < $1.key }) {
                    if file.hasPrefix("data/") || file == "tagmanifest-sha256.txt" || file.hasPrefix("signature/") {
                        problem(.tagManifestInvalid, "tagmanifest-sha256.txt", "must not list '\(file)'")
                    } else if let actual = contents.tagHashes[file] {
                        if actual != hash {
                            problem(.tagModified, file, "its SHA-256 is not the tag manifest's")
                        }
                    } else {
                        problem(.tagMissing, file, "listed in the tag manifest but not in the bag")
                    }
                }
                for file in tags.keys.sorted() where listed[file] == nil && file != "tagmanifest-sha256.txt" {
                    if file == BundleFormat.signaturePath { continue }
                    problem(.tagUnlisted, file, "a tag file the signed tag manifest does not cover")
                }
            }
        } else {
            problem(.tagManifestMissing, "tagmanifest-sha256.txt", "not in the bag")
        }
        for file in BundleFormat.metadataFiles where tags[file] == nil {
            problem(.tagMissing, file, "not in the bag")
        }

        guard let info = tags["bag-info.txt"] else {
            problem(.bagInfoMissing, "bag-info.txt", "not in the bag")
            return
        }
        var fields: [String: [String]] = [:]
        for line in lines(info) {
            guard let colon = line.firstIndex(of: ":"), line.first?.isWhitespace == false else {
                problem(.bagInfoInvalid, "bag-info.txt", "malformed line '\(line.prefix(80))'")
                continue
            }
            fields[String(line[..<colon]), default: []].append(
                line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        for label in [
            "BagIt-Profile-Identifier", "Source-Organization", "External-Identifier", "Bagging-Date", "Payload-Oxum",
            "Bag-Software-Agent",
        ] {
            guard let values = fields[label], values.count == 1 else {
                problem(.bagInfoInvalid, "bag-info.txt", "\(label) must appear exactly once")
                continue
            }
        }
        if let profile = fields["BagIt-Profile-Identifier"]?.first, profile != BundleFormat.profileIdentifier {
            problem(.bagInfoInvalid, "bag-info.txt", "BagIt-Profile-Identifier is '\(profile)', not this profile")
        }
        if let identifier = fields["External-Identifier"]?.first, identifier != contents.topLevel.first {
            problem(.bagInfoInvalid, "bag-info.txt", "External-Identifier '\(identifier)' is not the bag's directory")
        }
        let bytes = contents.payloadBytes
        if let oxum = fields["Payload-Oxum"]?.first, oxum != "\(bytes).\(contents.payload.count)" {
            problem(
                .payloadOxumMismatch, "bag-info.txt", "says \(oxum), the payload is \(bytes).\(contents.payload.count)")
        }
    }
}
