import Foundation

/// One filing's documents on their way into the store: staged into temp files named after the filing's locked
/// intent, noted in it durably, placed inside the write transaction, and settled after it.
///
/// Objects are placed inside the write lock, so no other filing of the same bytes interleaves; the locked
/// intent lets `check` and the next filing tell this filing's objects and temp files from a dead one's, and
/// remove them only if this process dies before the commit.
final class ObjectPlacement {
    private let store: DocumentStore
    private let filing: Filing
    private var staged: [DocumentStore.Staged] = []
    private var placed: [String] = []

    /// Starts a filing; `end()` must follow, however it goes.
    init(store: DocumentStore) throws(StoreError) {
        self.store = store
        filing = try store.beginFiling()
    }

    /// Streams `path` into a temp file of this filing. `durable: false` is for many files at once: one flush of
    /// the file system in `place(_:batch:)` then makes them durable together.
    func stage(path: String, durable: Bool = true) throws(StoreError) -> DocumentStore.Staged {
        let file = try store.stage(path: path, for: filing, durable: durable)
        staged.append(file)
        return file
    }

    /// Where this filing's temp files go, for files written by whoever reads and hashes them.
    var area: StagingArea { StagingArea(store: store, filingID: filing.id) }

    /// Takes files staged in `area` as this filing's own: placed by `place`, or discarded by `end`.
    func adopt(_ files: [DocumentStore.Staged]) {
        staged += files
    }

    /// Streams each of `paths` into a temp file of this filing, several at once on a machine with several cores;
    /// per path, in order, what it was staged as or why it could not be.
    func stage(paths: [String], durable: Bool = true) -> [Result<DocumentStore.Staged, StoreError>] {
        let work = ConcurrentStaging(store: store, filing: filing, paths: paths, durable: durable)
        let workers = min(paths.count, max(1, min(ProcessInfo.processInfo.activeProcessorCount, 4)))
        if workers > 1 {
            DispatchQueue.concurrentPerform(iterations: workers) { _ in work.run() }
        } else {
            work.run()
        }
        for case .success(let file) in work.results { staged.append(file) }
        return work.results.map { $0! }
    }

    /// Notes the staged files as pending, then moves each into place (the store keeps bytes it already has).
    ///
    /// `batch` is for files staged without flushing: they are renamed without syncing each directory, and one
    /// flush of the file system then makes contents and names durable together, before the commit.
    func place(_ files: [DocumentStore.Staged], batch: Bool = false) throws {
        guard !files.isEmpty else { return }
        try filing.note(files.map(\.sha256))
        for file in files where try store.place(file, durable: !batch) { placed.append(file.sha256) }
        if batch { try store.syncFileSystem() }
    }

    /// The transaction failed: the objects this filing placed go again.
    func undo() {
        placed.forEach { store.removeObject(sha256: $0) }
        placed = []
    }

    /// Ends the filing, committed or undone: its temp files go, then its intent.
    func end() {
        staged.forEach(store.discard)
        filing.finish()
    }
}

/// Workers taking the next path to stage until none is left; each result lands at its path's index.
private final class ConcurrentStaging: @unchecked Sendable {
    let store: DocumentStore
    let filing: Filing
    let paths: [String]
    let durable: Bool
    private let lock = NSLock()
    private var next = 0
    private(set) var results: [Result<DocumentStore.Staged, StoreError>?]

    init(store: DocumentStore, filing: Filing, paths: [String], durable: Bool) {
        self.store = store
        self.filing = filing
        self.paths = paths
        self.durable = durable
        results = Array(repeating: nil, count: paths.count)
    }

    func run() {
        while true {
            let index: Int? = lock.withLock {
                defer { next += 1 }
                return next < paths.count ? next : nil
            }
            guard let index else { return }
            let result = Result { () throws(StoreError) in
                try store.stage(path: paths[index], for: filing, durable: durable)
            }
            lock.withLock { results[index] = result }
        }
    }
}
