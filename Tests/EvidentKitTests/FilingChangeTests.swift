import EvidentTestSupport
import Foundation
import Testing

@testable import EvidentKit

/// A document that another process changes while it is being filed is refused, and nothing is kept.
@Suite struct FilingChangeTests {
    /// One way a file can change under the filing.
    struct Change: Sendable, CustomTestStringConvertible {
        let name: String
        let apply: @Sendable (String) -> Void
        var testDescription: String { name }
    }

    static let changes: [Change] = [
        Change(name: "truncated") { path in truncate(path, 16 << 20) },
        Change(name: "grown") { path in
            let handle = FileHandle(forWritingAtPath: path)!
            handle.seekToEndOfFile()
            handle.write(Data(repeating: 0x41, count: 1 << 20))
            try? handle.close()
        },
    ]

    @Test(arguments: changes)
    func aFileChangedWhileItIsFiledIsRefused(_ change: Change) throws {
        try withTemporaryDirectory { directory in
            let fixture = try Fixture(in: directory)
            try fixture.populate()
            let document = directory.appendingPathComponent("large.bin").path
            var bytes = [UInt8](repeating: 0, count: 96 << 20)
            for index in stride(from: 0, to: bytes.count, by: 4096) {
                bytes[index] = UInt8(truncatingIfNeeded: index >> 12)
            }
            try Data(bytes).write(to: URL(fileURLWithPath: document))
            let before = try snapshot(ofHome: fixture.registry.home.url)
            let temp = fixture.registry.store.tempDirectory

            // Changes the file once the filing has started copying it: its temp file holds bytes.
            let changed = SharedFlag()
            let watcher = Thread {
                let deadline = Date().addingTimeInterval(30)
                while Date() < deadline {
                    let names = (try? FileManager.default.contentsOfDirectory(atPath: temp)) ?? []
                    let started = names.contains { name in
                        let size = (try? FileManager.default.attributesOfItem(atPath: "\(temp)/\(name)")[.size]) as? Int
                        return (size ?? 0) > 0
                    }
                    if started {
                        change.apply(document)
                        changed.set()
                        return
                    }
                    usleep(200)
                }
            }
            watcher.start()
            let error = #expect(throws: StoreError.self) {
                try fixture.registry.fileEvidence(
                    EvidenceDraft(
                        kind: .other, title: "Large", covers: ["VEN-1"],
                        dates: EvidenceDates(captured: try Day(parsing: "2026-01-05")), parties: ["AUT-1"]),
                    files: [document], fixture.context)
            }
            while !watcher.isFinished { usleep(1000) }
            try #require(changed.isSet, "the filing ended before the file could be changed")
            #expect(error == .changedWhileFiled(path: document))
            #expect(
                error?.description == "file '\(document)' changed while it was being filed; nothing was filed")
            #expect(try snapshot(ofHome: fixture.registry.home.url) == before)
            #expect(try FileManager.default.contentsOfDirectory(atPath: temp).isEmpty)
        }
    }
}

/// A flag one thread sets and another reads.
final class SharedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    var isSet: Bool { lock.withLock { value } }

    func set() { lock.withLock { value = true } }
}
