/// The objects one write transaction places in the store, noted durably first so that recovery removes them if
/// the transaction never commits.
///
/// Objects are placed inside the write lock, so no other filing of the same bytes interleaves; after the
/// transaction, `committed()` or `failed()` settles them.
final class ObjectPlacement {
    private let store: DocumentStore
    private var intent: String?
    private var placed: [String] = []

    init(store: DocumentStore) {
        self.store = store
    }

    /// Notes the staged files as pending, then moves each into place (the store keeps bytes it already has).
    ///
    /// `batch` is for files staged without flushing: they are renamed without syncing each directory, and one
    /// flush of the file system then makes contents and names durable together, before the commit.
    func place(_ staged: [DocumentStore.Staged], batch: Bool = false) throws {
        guard !staged.isEmpty else { return }
        intent = try store.writeIntent(staged.map(\.sha256))
        for file in staged where try store.place(file, durable: !batch) { placed.append(file.sha256) }
        if batch { try store.syncFileSystem() }
    }

    /// The transaction committed: the objects stay.
    func committed() {
        intent.map(store.clearIntent)
    }

    /// The transaction failed: the objects this write placed go again.
    func failed() {
        placed.forEach { store.removeObject(sha256: $0) }
        intent.map(store.clearIntent)
    }
}
