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
