import EvidentKit
import Foundation

/// libFuzzer targets for the parsers that read outside input, chosen by `EVIDENT_FUZZ_TARGET`.
///
/// Built with `scripts/fuzz` (`--sanitize fuzzer --sanitize address`, `-DEVIDENT_FUZZING`), libFuzzer
/// supplies `main`. Built normally, `main` replays files (corpora and crash regressions) through the
/// same targets, which is how the tests keep every input that ever crashed.
enum FuzzTarget: String, CaseIterable {
    /// The bundle verifier: tar entries, manifests, bag-info, signature, registry.json and verdicts.
    case bundle
    /// Media type detection from a document's first bytes, ZIP containers through libarchive.
    case media
    /// SSH signatures and OpenSSH private keys.
    case ssh
    /// allowed_signers files.
    case signers
    /// Contract lists as CSV, imported (dry run) into a registry with one authority and one document beside them.
    case contractsCSV = "contracts-csv"
    /// Contract lists and registry exports as JSON, imported the same way.
    case contractsJSON = "contracts-json"
    /// HAR captures, streamed as `evident scan` reads them.
    case har
    /// Website Evidence Collector inspection.json files, read the same way.
    case inspection

    static let scratch = FileManager.default.temporaryDirectory
        .appendingPathComponent("evident-fuzz-\(getpid())").path

    /// Feeds one input to the target; any crash, trap or sanitizer report is a finding.
    func run(_ bytes: [UInt8]) {
        switch self {
        case .bundle:
            let path = Self.file(bytes, name: "input.tar")
            let result = BundleVerifier.verify(path: path, allowedSigners: AllowedSigners(text: ""))
            precondition(result.status == .invalid || result.problems.isEmpty)
        case .media:
            let path = Self.file(bytes, name: "input.bin")
            _ = MediaTypeDetector.detect(
                head: Array(bytes.prefix(MediaTypeDetector.headSize)), path: path, fileName: "input.yaml")
        case .ssh:
            let text = String(decoding: bytes, as: UTF8.self)
            if let signature = try? SSHSignature(armored: text) {
                _ = signature.isValid(for: bytes)
                _ = signature.armored
            }
            _ = try? SigningKey.parse(text, path: "input")
        case .signers:
            let signers = AllowedSigners(bytes: bytes)
            for entry in signers.entries {
                _ = signers.principals(
                    trusting: entry.key, namespace: SSHSignature.bundleNamespace, at: Date(timeIntervalSince1970: 0))
                _ = signers.principals(trusting: entry.key, namespace: SSHSignature.bundleNamespace, at: nil)
            }
        case .contractsCSV, .contractsJSON:
            let format: ImportFormat = self == .contractsCSV ? .csv : .json
            let path = Self.file(bytes, name: "input.\(format.rawValue)")
            let context = ChangeContext(actor: "fuzz", command: "import")
            for encoding in format == .csv ? ImportEncoding.allCases : [.utf8] {
                let options = ImportOptions(format: format, encoding: encoding, dryRun: true)
                if let summary = try? Self.registry.importFile(path, options: options, context) {
                    precondition(
                        summary.dryRun && summary.rows.count == summary.added + summary.changed + summary.unchanged
                            || summary.rows.isEmpty)
                }
            }
            precondition((try? Self.registry.evidenceList().isEmpty) == true, "a dry run wrote evidence")
        case .har, .inspection:
            let path = Self.file(bytes, name: "input.json")
            if let capture = try? CaptureReader.read(path: path) {
                for (host, activity) in capture.hosts {
                    precondition(activity.requests >= 0 && !host.isEmpty)
                    _ = RegistrableDomain.of(host)
                }
            }
        }
    }

    /// The registry contract lists are imported into: one authority (`AUT-1`, Rigspolitiet), and `docs/a.txt`
    /// and `docs/a.pdf` beside the input file.
    static let registry: Registry = {
        mkdir(scratch, 0o700)
        mkdir("\(scratch)/docs", 0o700)
        _ = FileManager.default.createFile(atPath: "\(scratch)/docs/a.txt", contents: Data("Aftale, punkt 4.\n".utf8))
        _ = FileManager.default.createFile(
            atPath: "\(scratch)/docs/a.pdf", contents: Data("%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n".utf8))
        let home = Home(path: "\(scratch)/home")
        let registry = try! (try? Registry.open(at: home)) ?? Registry.create(at: home)
        if (try? registry.authorities().isEmpty) == true {
            _ = try! registry.addAuthority(
                AuthorityDraft(name: "Rigspolitiet", cvr: "18950197", kind: .state),
                ChangeContext(actor: "fuzz", command: "authority add"))
        }
        return registry
    }()

    /// Writes an input where a file-reading parser can open it.
    static func file(_ bytes: [UInt8], name: String) -> String {
        mkdir(scratch, 0o700)
        let path = "\(scratch)/\(name)"
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    static let selected: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["EVIDENT_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTarget(rawValue: name) else {
            fatalError("set EVIDENT_FUZZ_TARGET to one of \(allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return target
    }()
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzTarget.selected.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

#if !EVIDENT_FUZZING
    /// Replays files through a target: `evident-fuzz TARGET FILE...`.
    @main
    struct Replay {
        static func main() {
            let arguments = Array(CommandLine.arguments.dropFirst())
            guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
                FileHandle.standardError.write(
                    Data(
                        "usage: evident-fuzz \(FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")) FILE...\n"
                            .utf8))
                exit(64)
            }
            for path in arguments.dropFirst() {
                guard let data = FileManager.default.contents(atPath: path) else {
                    FileHandle.standardError.write(Data("error: cannot read '\(path)'\n".utf8))
                    exit(1)
                }
                target.run(Array(data))
            }
            print("replayed \(arguments.count - 1) inputs through \(name)")
        }
    }
#endif
