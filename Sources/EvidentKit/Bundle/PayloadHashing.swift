import Crypto
import Foundation

/// Hashes a bundle's payload files where they lie in the tar, several at once: each worker reads its own entries
/// with `pread` into its own buffers, so that every core hashes while the tar is read once.
///
/// The first pass over the tar skips payload data and notes where each file's data lies; the tar was opened once,
/// and a file changed meanwhile is told by the reader's `problem()` as before.
final class PayloadHashing: @unchecked Sendable {
    /// A payload file: where its data lies in the tar.
    struct Job {
        let relative: String
        let offset: Int64
        let size: Int64
    }

    private let descriptor: Int32
    private let jobs: [Job]
    private let lock = NSLock()
    private let order: [Int]
    private var next = 0
    private var hashes: [String?]
    private var failure: TarSource.RegionError?

    private init(descriptor: Int32, jobs: [Job]) {
        self.descriptor = descriptor
        self.jobs = jobs
        hashes = Array(repeating: nil, count: jobs.count)
        // The largest first, so that the workers finish close together.
        order = jobs.indices.sorted { jobs[$0].size > jobs[$1].size }
    }

    /// Each job's SHA-256 and size by its relative path; or why reading one failed.
    static func hash(_ jobs: [Job], descriptor: Int32) -> Result<
        [String: (sha256: String, size: Int64)], TarSource.RegionError
    > {
        let work = PayloadHashing(descriptor: descriptor, jobs: jobs)
        let workers = min(jobs.count, max(1, min(ProcessInfo.processInfo.activeProcessorCount, 4)))
        if workers > 1 {
            DispatchQueue.concurrentPerform(iterations: workers) { _ in work.run() }
        } else {
            work.run()
        }
        if let failure = work.failure { return .failure(failure) }
        var payload: [String: (sha256: String, size: Int64)] = [:]
        // In the tar's order, so that of two entries with one name the last counts, as in one pass.
        for (job, hash) in zip(work.jobs, work.hashes) { payload[job.relative] = (hash!, job.size) }
        return .success(payload)
    }

    private func run() {
        while true {
            let index: Int? = lock.withLock {
                guard next < jobs.count, failure == nil else { return nil }
                next += 1
                return order[next - 1]
            }
            guard let index else { return }
            let job = jobs[index]
            var position = job.offset
            let end = job.offset + job.size
            do {
                let digest = try HashingReader.stream(expectedSize: job.size, { _ in }) { buffer in
                    let count = try TarSource.readBlock(descriptor, at: position, limit: end - position, into: buffer)
                    position += Int64(count)
                    return count
                }
                lock.withLock { hashes[index] = Hashing.hex(digest) }
            } catch let error as TarSource.RegionError {
                lock.withLock { failure = failure ?? error }
            } catch {
                lock.withLock { failure = failure ?? .unreadable("\(error)") }
            }
        }
    }
}
