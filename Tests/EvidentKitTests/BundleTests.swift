import CArchive
import Crypto
import EvidentTestSupport
import Foundation
import Testing

@testable import EvidentKit

/// Reads and writes tar entries of any kind, so tests can build the hostile bundles a verifier must refuse.
struct TarEntries {
    enum Kind: Equatable {
        case file([UInt8])
        case directory
        case symlink(String)
        case hardlink(String)
        case fifo
        case characterDevice
    }

    var entries: [(path: String, kind: Kind)]

    /// Every entry of a tar, with file contents.
    init(reading path: String) throws {
        let descriptor = open(path, O_RDONLY)
        defer { close(descriptor) }
        let reader = try TarReader(descriptor: descriptor)
        var entries: [(String, Kind)] = []
        while let entry = try reader.next() {
            var bytes: [UInt8] = []
            try reader.readData { bytes += $0 }
            if case .directory = entry.kind {
                entries.append((entry.path!, .directory))
            } else {
                entries.append((entry.path!, .file(bytes)))
            }
        }
        self.entries = entries
    }

    /// The bag directory, as the first entry names it.
    var bag: String { entries[0].path.trimmingCharacters(in: CharacterSet(charactersIn: "/")) }

    func bytes(_ relative: String) -> [UInt8]? {
        for (path, kind) in entries where path == "\(bag)/\(relative)" {
            if case .file(let bytes) = kind { return bytes }
        }
        return nil
    }

    mutating func set(_ relative: String, _ bytes: [UInt8]) {
        let path = "\(bag)/\(relative)"
        if let index = entries.firstIndex(where: { $0.path == path }) {
            entries[index].kind = .file(bytes)
        } else {
            entries.append((path, .file(bytes)))
        }
    }

    mutating func remove(_ relative: String) {
        let path = "\(bag)/\(relative)"
        entries.removeAll { $0.path == path }
    }

    /// Recomputes both manifests from the entries, as a forger without the key would.
    mutating func reseal() {
        var payload: [(path: String, sha256: String)] = []
        var tags: [(path: String, sha256: String)] = []
        for (path, kind) in entries {
            guard case .file(let bytes) = kind else { continue }
            let relative = String(path.dropFirst(bag.count + 1))
            if relative.hasPrefix("data/") {
                payload.append((relative, Hashing.sha256(bytes)))
            } else if !relative.hasPrefix("signature/") && relative != "tagmanifest-sha256.txt"
                && relative != "manifest-sha256.txt"
            {
                tags.append((relative, Hashing.sha256(bytes)))
            }
        }
        let manifest = BundleFormat.manifest(payload)
        set("manifest-sha256.txt", manifest)
        set("tagmanifest-sha256.txt", BundleFormat.manifest(tags + [("manifest-sha256.txt", Hashing.sha256(manifest))]))
    }

    /// Signs the tag manifest again.
    mutating func resign(with key: SigningKey, namespace: String = SSHSignature.bundleNamespace) throws {
        let signature = try SSHSignature.sign(bytes("tagmanifest-sha256.txt") ?? [], namespace: namespace, with: key)
        set(BundleFormat.signaturePath, Array(signature.armored.utf8))
    }

    /// Writes the entries as a pax tar, under the UTF-8 locale evident's own writer uses.
    func write(to path: String) throws {
        try ArchiveLocale.run { () throws -> Void in try writeEntries(to: path) }
    }

    private func writeEntries(to path: String) throws {
        let archive = archive_write_new()
        defer { archive_write_free(archive) }
        archive_write_set_format_pax(archive)
        archive_write_add_filter_none(archive)
        try #require(archive_write_open_filename(archive, path) == ARCHIVE_OK)
        for (name, kind) in entries {
            let entry = archive_entry_new()
            defer { archive_entry_free(entry) }
            archive_entry_set_pathname_utf8(entry, name)
            archive_entry_set_perm(entry, 0o644)
            var data: [UInt8] = []
            switch kind {
            case .file(let bytes):
                archive_entry_set_filetype(entry, CARCHIVE_AE_IFREG)
                archive_entry_set_size(entry, Int64(bytes.count))
                data = bytes
            case .directory: archive_entry_set_filetype(entry, CARCHIVE_AE_IFDIR)
            case .symlink(let target):
                archive_entry_set_filetype(entry, CARCHIVE_AE_IFLNK)
                archive_entry_set_symlink(entry, target)
            case .hardlink(let target):
                archive_entry_set_filetype(entry, CARCHIVE_AE_IFREG)
                archive_entry_set_hardlink(entry, target)
            case .fifo: archive_entry_set_filetype(entry, CARCHIVE_AE_IFIFO)
            case .characterDevice:
                archive_entry_set_filetype(entry, CARCHIVE_AE_IFCHR)
                archive_entry_set_rdev(entry, 0x0103)
            }
            try #require(archive_write_header(archive, entry) == ARCHIVE_OK)
            if !data.isEmpty { _ = data.withUnsafeBytes { archive_write_data(archive, $0.baseAddress, $0.count) } }
        }
        archive_write_close(archive)
    }
}

/// A registry with evidence, a key, and a bundle of TastSelv as of 2026-06-01.
struct BundleFixture {
    let fixture: Fixture
    let key: SigningKey
    let bundle: String
    let trusted: AllowedSigners

    init(in directory: URL) throws {
        fixture = try Fixture(in: directory)
        try fixture.populate()
        _ = try fixture.file(["agreement.pdf", "contract.docx"], kind: .agreement, covers: ["USE-1", "VEN-1"])
        _ = try fixture.file(["screenshot.png"], kind: .optOutScreenshot, covers: ["SVC-1"])
        key = SigningKey(comment: "ops@skat.dk")
        trusted = AllowedSigners(text: key.publicKey.allowedSignersLine(identity: "ops@skat.dk") + "\n")
        bundle = directory.appendingPathComponent("bundle.tar").path
        _ = try fixture.registry.createBundle(
            selection: .solution("TastSelv"), asOf: Day(parsing: "2026-06-01"),
            sealTime: Date(timeIntervalSince1970: 1_782_820_800),
            key: key, organization: nil, to: bundle)
    }

    func verify(_ entries: TarEntries, name: String = "changed.tar") throws -> BundleVerification {
        let path = fixture.directory.appendingPathComponent(name).path
        try entries.write(to: path)
        return BundleVerifier.verify(path: path, allowedSigners: trusted)
    }
}

@Suite struct BundleTests {
    @Test func aFreshBundleIsValidAndReproducible() throws {
        try withTemporaryDirectory { directory in
            let setup = try BundleFixture(in: directory)
            let result = BundleVerifier.verify(path: setup.bundle, allowedSigners: setup.trusted)
            #expect(result.status == .valid, "\(result.problems)")
            #expect(result.exitCode == 0)
            #expect(result.payloadFiles == 3)
            #expect(result.signature?.trustedPrincipals == ["ops@skat.dk"])
            #expect(BundleVerifier.verify(path: setup.bundle, allowedSigners: nil).status == .unverified)
            let again = directory.appendingPathComponent("again.tar").path
            _ = try setup.fixture.registry.createBundle(
                selection: .solution("SOL-1"), asOf: Day(parsing: "2026-06-01"),
                sealTime: Date(timeIntervalSince1970: 1_782_820_800), key: setup.key, organization: nil, to: again)
            #expect(FileManager.default.contentsEqual(atPath: setup.bundle, andPath: again))
        }
    }

    @Test func payloadNamesAreSafeAndUniqueIgnoringCase() {
        let files = [
            "Aftale (2025).PDF", "aftale (2025).pdf", "../../etc/passwd", ".hidden", "æøå.txt",
            String(repeating: "x", count: 300) + ".pdf", "%0A.txt",
        ]
        let evidence = EvidenceInfo(
            id: RecordID(.evidence, 9), kind: .other, title: "t", status: .active, dates: EvidenceDates(),
            parties: [], allState: false, supersededBy: [], covers: [],
            files: files.map { EvidenceInfo.File(name: $0, sha256: "", size: 1, mediaType: "") }, filedAt: "",
            filedBy: "")
        let paths = BundleFormat.payloadPaths(for: evidence)
        #expect(paths[0] == "data/EVD-9/Aftale__2025_.PDF")
        #expect(paths[1] == "data/EVD-9/aftale__2025_-2.pdf")
        #expect(Set(paths.map { $0.lowercased() }).count == paths.count)
        for path in paths {
            let name = path.split(separator: "/").last!
            #expect(name.utf8.count <= 120)
            #expect(name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) })
            #expect(!name.hasPrefix("."))
        }
    }

    @Test func aCorruptedObjectFailsTheBundleInsteadOfShipping() throws {
        try withTemporaryDirectory { directory in
            let setup = try BundleFixture(in: directory)
            let sha = try setup.fixture.registry.evidence("EVD-1").files[0].sha256
            let object = setup.fixture.registry.store.objectPath(sha256: sha)
            chmod(object, 0o644)
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: object))
            try handle.seek(toOffset: 5)
            try handle.write(contentsOf: Data("X".utf8))
            try handle.close()
            let out = directory.appendingPathComponent("broken.tar").path
            #expect(throws: StoreError.self) {
                try setup.fixture.registry.createBundle(
                    selection: .all, asOf: Day(parsing: "2026-06-01"), sealTime: Date(), key: setup.key,
                    organization: nil,
                    to: out)
            }
            // Neither the bundle nor its temp file is left.
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix("broken") }
                    == [])
        }
    }

    /// One way to spoil a bundle and the code the verifier must report for it.
    struct Tampering: Sendable, CustomTestStringConvertible {
        let name: String
        let code: BundleProblem.Code
        let change: @Sendable (inout TarEntries, BundleFixture) throws -> Void
        var testDescription: String { name }
    }

    static let tamperings: [Tampering] = [
        Tampering(name: "payload byte changed", code: .payloadModified) { tar, _ in
            var bytes = tar.bytes("data/EVD-1/agreement.pdf")!
            bytes[3] ^= 1
            tar.set("data/EVD-1/agreement.pdf", bytes)
        },
        Tampering(name: "payload file missing", code: .payloadMissing) { tar, _ in
            tar.remove("data/EVD-1/agreement.pdf")
        },
        Tampering(name: "payload file added", code: .payloadUnlisted) { tar, _ in
            tar.set("data/EVD-1/extra.txt", Array("extra".utf8))
        },
        Tampering(name: "tag file changed", code: .tagModified) { tar, _ in
            tar.set("metadata/report.html", Array("<p>all fine</p>".utf8))
        },
        Tampering(name: "tag file missing", code: .tagMissing) { tar, _ in tar.remove("metadata/report.html") },
        Tampering(name: "tag file added outside the signed tag manifest", code: .tagUnlisted) { tar, _ in
            tar.set("notes.txt", Array("trust me".utf8))
        },
        Tampering(name: "manifest edited", code: .tagModified) { tar, _ in
            var manifest = String(decoding: tar.bytes("manifest-sha256.txt")!, as: UTF8.self)
            manifest = "0000000000000000000000000000000000000000000000000000000000000000" + manifest.dropFirst(64)
            tar.set("manifest-sha256.txt", Array(manifest.utf8))
        },
        Tampering(name: "bag-info edited", code: .tagModified) { tar, _ in
            let info = String(decoding: tar.bytes("bag-info.txt")!, as: UTF8.self)
            tar.set("bag-info.txt", Array(info.replacingOccurrences(of: "Skattestyrelsen", with: "Someone").utf8))
        },
        Tampering(name: "manifests resealed without the key", code: .signatureInvalid) { tar, _ in
            var bytes = tar.bytes("data/EVD-1/agreement.pdf")!
            bytes[3] ^= 1
            tar.set("data/EVD-1/agreement.pdf", bytes)
            tar.reseal()
        },
        Tampering(name: "signed by an untrusted key", code: .signatureUntrusted) { tar, _ in
            try tar.resign(with: SigningKey(comment: "intruder"))
        },
        Tampering(name: "signed in another namespace", code: .signatureNamespace) { tar, setup in
            try tar.resign(with: setup.key, namespace: "file")
        },
        Tampering(name: "signature missing", code: .signatureMissing) { tar, _ in tar.remove(BundleFormat.signaturePath)
        },
        Tampering(name: "tag manifest missing", code: .tagManifestMissing) { tar, _ in
            tar.remove("tagmanifest-sha256.txt")
        },
        Tampering(name: "fetch.txt", code: .fetchNotAllowed) { tar, setup in
            tar.set("fetch.txt", Array("https://example.com/x 10 data/x\n".utf8))
            tar.reseal()
            try tar.resign(with: setup.key)
        },
        Tampering(name: "symbolic link", code: .notRegular) { tar, _ in
            tar.entries.append(("\(tar.bag)/data/EVD-1/link", .symlink("/etc/passwd")))
        },
        Tampering(name: "hard link", code: .notRegular) { tar, _ in
            tar.entries.append(("\(tar.bag)/data/EVD-1/hard", .hardlink("\(tar.bag)/bagit.txt")))
        },
        Tampering(name: "device", code: .notRegular) { tar, _ in
            tar.entries.append(("\(tar.bag)/data/EVD-1/null", .characterDevice))
        },
        Tampering(name: "FIFO", code: .notRegular) { tar, _ in tar.entries.append(("\(tar.bag)/data/EVD-1/pipe", .fifo))
        },
        Tampering(name: "absolute path", code: .unsafePath) { tar, _ in tar.entries.append(("/tmp/evil", .file([1]))) },
        Tampering(name: "dot-dot component", code: .unsafePath) { tar, _ in
            tar.entries.append(("\(tar.bag)/data/../../evil", .file([1])))
        },
        Tampering(name: "dot component", code: .unsafePath) { tar, _ in
            tar.entries.append(("\(tar.bag)/./data/x", .file([1])))
        },
        Tampering(name: "backslash", code: .unsafePath) { tar, _ in
            tar.entries.append(("\(tar.bag)/data\\EVD-1\\x", .file([1])))
        },
        Tampering(name: "control character", code: .unsafePath) { tar, _ in
            tar.entries.append(("\(tar.bag)/data/EVD-1/a\u{07}b", .file([1])))
        },
        Tampering(name: "duplicate entry", code: .duplicateEntry) { tar, _ in
            tar.entries.append(("\(tar.bag)/bagit.txt", .file(tar.bytes("bagit.txt")!)))
        },
        Tampering(name: "names equal ignoring case", code: .nameCollision) { tar, _ in
            tar.entries.append(("\(tar.bag)/data/EVD-1/AGREEMENT.pdf", .file([1])))
        },
        // libarchive hands both names over in NFC, so the pair arrives as one path twice.
        Tampering(name: "names equal after Unicode normalisation", code: .duplicateEntry) { tar, _ in
            tar.entries.append(("\(tar.bag)/data/EVD-1/caf\u{E9}.txt", .file([1])))
            tar.entries.append(("\(tar.bag)/data/EVD-1/cafe\u{301}.txt", .file([1])))
        },
        Tampering(name: "two top-level directories", code: .multipleTopLevel) { tar, _ in
            tar.entries.append(("other/readme.txt", .file([1])))
        },
        Tampering(name: "evaluation.json differs from the recomputed verdicts", code: .evaluationMismatch) {
            tar, setup in
            let evaluation = String(decoding: tar.bytes("metadata/evaluation.json")!, as: UTF8.self)
            tar.set(
                "metadata/evaluation.json",
                Array(evaluation.replacingOccurrences(of: "\"missing-evidence\"", with: "\"compliant\"").utf8))
            tar.reseal()
            try tar.resign(with: setup.key)
        },
        Tampering(name: "registry.json edited behind evaluation.json", code: .evaluationMismatch) { tar, setup in
            let registry = String(decoding: tar.bytes("metadata/registry.json")!, as: UTF8.self)
            tar.set(
                "metadata/registry.json",
                Array(registry.replacingOccurrences(of: "\"route\":\"opt-out\"", with: "\"route\":\"none\"").utf8))
            tar.reseal()
            try tar.resign(with: setup.key)
        },
    ]

    @Test(arguments: tamperings)
    func rejects(_ tampering: Tampering) throws {
        try withTemporaryDirectory { directory in
            let setup = try BundleFixture(in: directory)
            var tar = try TarEntries(reading: setup.bundle)
            // Written back untouched, the entries still verify: the change alone makes the difference.
            #expect(try setup.verify(tar, name: "copy.tar").status == .valid)
            try tampering.change(&tar, setup)
            let result = try setup.verify(tar)
            #expect(result.status == .invalid)
            #expect(result.exitCode == 1)
            #expect(result.problems.map(\.code).contains(tampering.code), "\(result.problems)")
        }
    }

    @Test func compressedInputIsRefused() throws {
        try withTemporaryDirectory { directory in
            let setup = try BundleFixture(in: directory)
            let gzip = Process()
            gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
            gzip.arguments = ["-k", setup.bundle]
            try gzip.run()
            gzip.waitUntilExit()
            let result = BundleVerifier.verify(path: setup.bundle + ".gz", allowedSigners: setup.trusted)
            #expect(result.problems.map(\.code) == [.compressedInput])
        }
    }

    @Test func extractWritesOnlyTheVerifiedFiles() throws {
        try withTemporaryDirectory { directory in
            let setup = try BundleFixture(in: directory)
            let target = directory.appendingPathComponent("out").path
            let result = try BundleVerifier.extract(path: setup.bundle, to: target, allowedSigners: setup.trusted)
            #expect(result.status == .valid)
            let bag = "\(target)/\(result.identifier!)"
            let original = try Data(contentsOf: Fixtures.directory.appendingPathComponent("agreement.pdf"))
            #expect(try Data(contentsOf: URL(fileURLWithPath: "\(bag)/data/EVD-1/agreement.pdf")) == original)
            // Extracting again into the same place is refused rather than overwriting.
            #expect(throws: BundleVerifier.ExtractionError.self) {
                try BundleVerifier.extract(path: setup.bundle, to: target, allowedSigners: setup.trusted)
            }

            var tar = try TarEntries(reading: setup.bundle)
            tar.entries.append(("\(tar.bag)/data/EVD-1/link", .symlink("/etc/passwd")))
            let hostile = directory.appendingPathComponent("hostile.tar").path
            try tar.write(to: hostile)
            let elsewhere = directory.appendingPathComponent("elsewhere").path
            #expect(
                try BundleVerifier.extract(path: hostile, to: elsewhere, allowedSigners: setup.trusted).status
                    == .invalid)
            #expect(!FileManager.default.fileExists(atPath: elsewhere))
        }
    }

    @Test func keysMadeBySSHKeygenWorkAndEncryptedOnesAreExplained() throws {
        try withTemporaryDirectory { directory in
            func keygen(_ arguments: [String]) throws {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/usr/bin/ssh-keygen")
                process.arguments = arguments
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                process.waitUntilExit()
                try #require(process.terminationStatus == 0)
            }
            let plain = directory.appendingPathComponent("plain").path
            try keygen(["-q", "-t", "ed25519", "-N", "", "-C", "made-by-ssh-keygen", "-f", plain])
            let key = try SigningKey.load(path: plain)
            let publicLine = try String(contentsOfFile: plain + ".pub", encoding: .utf8)
            #expect(publicLine.hasPrefix(key.publicKey.openSSHLine()))
            #expect(key.comment == "made-by-ssh-keygen")

            let locked = directory.appendingPathComponent("locked").path
            try keygen(["-q", "-t", "ed25519", "-N", "secret phrase", "-f", locked])
            #expect(throws: KeyError.encrypted(path: locked)) { try SigningKey.load(path: locked) }
            let rsa = directory.appendingPathComponent("rsa").path
            try keygen(["-q", "-t", "rsa", "-b", "2048", "-N", "", "-f", rsa])
            #expect(throws: KeyError.unsupportedKeyType(path: rsa, type: "ssh-rsa")) { try SigningKey.load(path: rsa) }
        }
    }

    @Test func sshKeygenAcceptsOurKeysAndSignatures() throws {
        try withTemporaryDirectory { directory in
            let key = SigningKey(comment: "ops@skat.dk")
            let path = directory.appendingPathComponent("key").path
            try key.write(to: path)
            let message = directory.appendingPathComponent("message")
            try Data("tag manifest bytes\n".utf8).write(to: message)
            let signature = try SSHSignature.sign(
                Array("tag manifest bytes\n".utf8), namespace: "evident-bundle", with: key)
            try signature.armored.write(toFile: message.path + ".sig", atomically: true, encoding: .utf8)
            let signers = directory.appendingPathComponent("allowed_signers").path
            try (key.publicKey.allowedSignersLine(identity: "ops@skat.dk") + "\n").write(
                toFile: signers, atomically: true, encoding: .utf8)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/ssh-keygen")
            process.arguments = [
                "-Y", "verify", "-f", signers, "-I", "ops@skat.dk", "-n", "evident-bundle", "-s", message.path + ".sig",
            ]
            process.standardInput = try FileHandle(forReadingFrom: message)
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            // And a signature ssh-keygen makes with our key verifies here.
            let sign = Process()
            sign.executableURL = URL(fileURLWithPath: "/usr/bin/ssh-keygen")
            sign.arguments = ["-Y", "sign", "-f", path, "-n", "evident-bundle", message.path]
            sign.standardError = FileHandle.nullDevice
            try? FileManager.default.removeItem(atPath: message.path + ".sig")
            try sign.run()
            sign.waitUntilExit()
            let theirs = try SSHSignature(armored: String(contentsOfFile: message.path + ".sig", encoding: .utf8))
            #expect(theirs.isValid(for: Array("tag manifest bytes\n".utf8)))
            #expect(!theirs.isValid(for: Array("other bytes\n".utf8)))
        }
    }
}
