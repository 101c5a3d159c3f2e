import Crypto
import Foundation

/// Hashes a bundle's payload files where they lie in the tar, several at once: each worker reads its own entries
/// with `pread` into its own buffers, so that every core hashes while the tar is read once.
///
/// The first pass over the tar skips payload data and notes where each file's data lies; the tar was opened once,
/// and a file changed meanwhile is told by the reader's `problem()` as before. Given a staging area, each file is
/// also written to a temp file of the store as it is hashed, so that keeping a bundle reads and hashes it once.
final class PayloadHashing: @unchecked Sendable {
    /// A payload file: where its data lies in the tar.
    struct Job {
        let relative: String
        let offset: Int64
        let size: Int64
    }

    /// What hashing found: each file's SHA-256 and size by its relative path, and, when kept, the bundle as kept.
    struct Hashed {
        var payload: [String: (sha256: String, size: Int64)]
        var kept: KeptBundle?
    }

    /// Why hashing did not finish: the tar could not be read, or a copy could not be written.
    enum Failure: Error {
        case region(TarSource.RegionError)
        case notKept(StoreError)
    }

    private let descriptor: Int32
    /// The tar's path, for messages.
    private let sourcePath: String
    private let jobs: [Job]
    private let area: StagingArea?
    /// Whether every core has a worker, so that a worker reads and hashes on its own thread.
    private let coresBusy: Bool
    /// The size of every job together.
    private let totalSize: Int64
    private let lock = NSLock()
    private let order: [Int]
    private var next = 0
    private var hashes: [String?]
    private var kept: [DocumentStore.Staged?]
    private var failure: Failure?

    private init(descriptor: Int32, sourcePath: String, jobs: [Job], area: StagingArea?, workers: Int) {
        self.descriptor = descriptor
        self.sourcePath = sourcePath
        self.jobs = jobs
        self.area = area
        coresBusy = workers >= ProcessInfo.processInfo.activeProcessorCount
        totalSize = jobs.reduce(0) { $0 + $1.size }
        hashes = Array(repeating: nil, count: jobs.count)
        kept = Array(repeating: nil, count: jobs.count)
        // The largest first, so that the workers finish close together.
        order = jobs.indices.sorted { jobs[$0].size > jobs[$1].size }
    }

    /// Hashes every job, and with `area` keeps the bundle there (`KeptBundle`: a copy of each job and the rest of
    /// the tar, of `tarSize` bytes, as its frame); a failure leaves no copy behind.
    static func hash(
        _ jobs: [Job], descriptor: Int32, sourcePath: String, tarSize: Int64, keepingIn area: StagingArea?,
        workers: Int
    ) -> Result<Hashed, Failure> {
        let workers = min(jobs.count, max(1, workers))
        let work = PayloadHashing(
            descriptor: descriptor, sourcePath: sourcePath, jobs: jobs, area: area, workers: workers)
        if workers > 1 {
            DispatchQueue.concurrentPerform(iterations: workers) { _ in work.run() }
        } else {
            work.run()
        }
        if let failure = work.failure {
            work.kept.compactMap(\.self).forEach { area?.store.discard($0) }
            return .failure(failure)
        }
        var payload: [String: (sha256: String, size: Int64)] = [:]
        // In the tar's order, so that of two entries with one name the last counts, as in one pass.
        for (job, hash) in zip(work.jobs, work.hashes) { payload[job.relative] = (hash!, job.size) }
        guard let area else { return .success(Hashed(payload: payload, kept: nil)) }
        let parts = zip(jobs, work.kept).compactMap { job, staged in
            staged.map { KeptBundle.Part(offset: job.offset, staged: $0) }
        }
        return Result { () throws(Failure) in
            Hashed(
                payload: payload,
                kept: try KeptBundle.keep(
                    descriptor: descriptor, size: tarSize, parts: parts, area: area,
                    fileName: URL(fileURLWithPath: sourcePath).lastPathComponent))
        }
    }

    private func run() {
        while true {
            let index: Int? = lock.withLock {
                guard next < jobs.count, failure == nil else { return nil }
                next += 1
                return order[next - 1]
            }
            guard let index else { return }
            do {
                let (hash, copy) = try hash(jobs[index])
                lock.withLock {
                    hashes[index] = hash
                    kept[index] = copy
                }
            } catch {
                lock.withLock { failure = failure ?? error }
            }
        }
    }

    /// One job's SHA-256, and its staged copy when keeping.
    private func hash(_ job: Job) throws(Failure) -> (String, DocumentStore.Staged?) {
        var copy: StagingFile?
        if let area, job.size > 0 {
            do {
                copy = try area.newFile()
            } catch {
                throw .notKept(error)
            }
        }
        var head: [UInt8] = []
        let digest: SHA256.Digest
        do {
            if let copy {
                // Hashed as the copy holds them: the bytes kept are the bytes hashed.
                var hasher = SHA256()
                let copied = try copy.append(
                    from: descriptor, sourcePath: sourcePath, at: job.offset, count: job.size
                ) { window in
                    if head.count < MediaTypeDetector.headSize {
                        head.append(contentsOf: window.prefix(MediaTypeDetector.headSize - head.count))
                    }
                    hasher.update(bufferPointer: window)
                }
                guard copied == job.size else { throw TarSource.RegionError.endedEarly }
                digest = hasher.finalize()
            } else {
                var position = job.offset
                let end = job.offset + job.size
                // While every core has a worker, each reads and hashes its file on one thread, so that the bytes read
                // stay in that core's cache for the hash; a file larger than all the others together would end
                // alone on one core, and is read and hashed on two threads.
                let inline = coresBusy && job.size <= totalSize - job.size
                digest = try HashingReader.stream(expectedSize: job.size, onThisThread: inline, { _ in }) { buffer in
                    let count = try TarSource.readBlock(descriptor, at: position, limit: end - position, into: buffer)
                    position += Int64(count)
                    return count
                }
            }
        } catch let error as TarSource.RegionError {
            throw .region(error)
        } catch let error as StoreError {
            throw .notKept(error)
        } catch {
            throw .region(.unreadable("\(error)"))
        }
        let sha256 = Hashing.hex(digest)
        guard let copy else { return (sha256, nil) }
        let fileName = String(job.relative.split(separator: "/").last ?? "")
        do {
            return (
                sha256,
                try copy.stage(
                    fileName: fileName, sha256: sha256,
                    mediaType: MediaTypeDetector.detect(head: head, path: copy.path, fileName: fileName),
                    durable: false)
            )
        } catch {
            throw .notKept(error)
        }
    }
}
