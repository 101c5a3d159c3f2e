import CArchive
import EvidentTestSupport
import Foundation
import Testing

@testable import EvidentKit

/// Bundles the verifier must not call valid, and errors that must say what happened.
@Suite struct BundleReliabilityTests {
    /// Bytes added after a bundle's end-of-archive blocks, and whether the bundle then still verifies.
    struct Tail: Sendable, CustomTestStringConvertible {
        let name: String
        let valid: Bool
        let change: @Sendable (_ bundle: String, _ directory: URL) throws -> Void
        var testDescription: String { name }
    }

    static func append(_ bytes: [UInt8], to path: String) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(bytes))
        try handle.close()
    }

    static let tails: [Tail] = [
        Tail(name: "more zero padding", valid: true) { bundle, _ in
            try append(Array(repeating: 0, count: 20480), to: bundle)
        },
        Tail(name: "text appended", valid: false) { bundle, _ in try append(Array("garbage\n".utf8), to: bundle) },
        Tail(name: "a byte of the padding changed", valid: false) { bundle, _ in
            let handle = try FileHandle(forUpdating: URL(fileURLWithPath: bundle))
            try handle.seek(toOffset: try handle.seekToEnd() - 1)
            try handle.write(contentsOf: Data([1]))
            try handle.close()
        },
        Tail(name: "a second tar appended", valid: false) { bundle, directory in
            var second = try TarEntries(reading: bundle)
            second.entries = [("EB-SOL-1-20260601/data/EVD-9/extra.pdf", .file(Array("%PDF-1.4\n".utf8)))]
            let path = directory.appendingPathComponent("second.tar").path
            try second.write(to: path)
            try append(Array(try Data(contentsOf: URL(fileURLWithPath: path))), to: bundle)
        },
    ]

    @Test(arguments: tails)
    func onlyZeroPaddingMayFollowTheEndOfTheArchive(_ tail: Tail) throws {
        try withTemporaryDirectory { directory in
            let setup = try BundleFixture(in: directory)
            try tail.change(setup.bundle, directory)
            let result = BundleVerifier.verify(path: setup.bundle, allowedSigners: setup.trusted)
            if tail.valid {
                #expect(result.status == .valid, "\(result.problems)")
            } else {
                #expect(result.status == .invalid)
                #expect(result.problems.map(\.code) == [.trailingData], "\(result.problems)")
            }
        }
    }

    /// A document row whose size is not its object's, as after an edit with SQL.
    @Test(arguments: [1, -1])
    func aWrongStoredSizeFailsTheBundleNamingTheDocument(_ difference: Int) throws {
        try withTemporaryDirectory { directory in
            let setup = try BundleFixture(in: directory)
            let file = try setup.fixture.registry.evidence("EVD-1").files[0]
            try IntegrityTests.sql(
                setup.fixture, "UPDATE document SET size = size + \(difference) WHERE sha256 = '\(file.sha256)'")
            let out = directory.appendingPathComponent("wrong.tar").path
            let error = #expect(throws: StoreError.self) {
                try setup.fixture.registry.createBundle(
                    selection: .all, asOf: Day(parsing: "2026-06-01"), sealTime: Date(), key: setup.key,
                    organization: nil, to: out)
            }
            #expect(
                error?.description
                    == "EVD-1 '\(file.name)': the registry records \(file.size + Int64(difference)) bytes,"
                    + " but its stored document \(file.sha256) has \(file.size)")
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: directory.path).contains { $0.hasPrefix("wrong") }
                    == false)
        }
    }

    @Test func aFullDiskIsCalledAFullDisk() throws {
        // /dev/full fails every write with ENOSPC, as a full file system does.
        let writer = try TarWriter(path: "/dev/full", mtime: 0)
        let error = #expect(throws: (any Error).self) {
            try writer.addFile("bag/data/large.bin", bytes: Array(repeating: 7, count: 1 << 20))
            try writer.close()
        }
        #expect("\(error!)" == "cannot write '/dev/full': No space left on device")
    }

    @Test func libarchiveErrorsCarryTheSystemsWords() throws {
        let archive = archive_read_new()
        defer { archive_read_free(archive) }
        archive_read_support_format_tar(archive)
        #expect(archive_read_open_filename(archive, "/nonexistent/bundle.tar", 10240) != ARCHIVE_OK)
        let error = ArchiveError("open", archive)
        #expect(error.description.hasSuffix(": No such file or directory"), "\(error)")
        #expect(FileIO.words(errno: ENOSPC) == "No space left on device")
        #expect(FileIO.words(errno: EACCES) == "Permission denied")
    }
}
