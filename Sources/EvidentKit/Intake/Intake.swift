import Foundation
import GRDB

/// One bundle on its way in: verified as it is kept in the store's temp area, and what to record of it.
private struct Arrival: Sendable {
    enum Verdict: Sendable {
        case accepted(Accepted)
        case alreadyReceived(tagManifest: String)
        case rejected(IntakeRejection)
    }

    /// What an accepted bundle records.
    struct Accepted: Sendable {
        /// The worker whose filing staged it.
        var worker: Int
        var kept: KeptBundle
        /// The SHA-256 of its tag manifest, which names it.
        var tagManifest: String
        var identifier: String
        var signer: String
        var principals: [String]
        var sealedAt: String
        var asOf: Day
        var rulesVersion: RulesVersion
        var solutions: [ReceivedSolutionRecord]
        var verdicts: [ReceivedVerdictRecord]
    }

    var verdict: Verdict
}

/// The staging areas of the workers, one each: a worker touches only its own.
private final class Workers: @unchecked Sendable {
    let placements: [ObjectPlacement]
    private let lock = NSLock()
    private var next = 0
    private(set) var arrivals: [Arrival?]

    init(placements: [ObjectPlacement], count: Int) {
        self.placements = placements
        arrivals = Array(repeating: nil, count: count)
    }

    /// The next bundle to read, each once; nil when all are taken.
    func take() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < arrivals.count else { return nil }
        next += 1
        return next - 1
    }

    func finish(_ index: Int, _ arrival: Arrival) {
        lock.lock()
        defer { lock.unlock() }
        arrivals[index] = arrival
    }
}

extension Registry {
    /// How many bundles intake reads at once: the machine's cores, at most.
    static var intakeWorkers: Int { max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8)) }

    /// Verifies each bundle fully, as `bundle verify` does, and records those that are valid, signed by a key the
    /// allowed signers trust, and tied to the authorities they speak for (`SignerAuthority`); all in one
    /// transaction with one audit event.
    ///
    /// Each bundle is read and hashed once: verification keeps it in the store's temp area as it reads it
    /// (`KeptBundle`), so the bytes recorded are the bytes verified. Bundles are read concurrently, one per core.
    /// A bundle the home already holds (the same tag manifest) changes nothing; a refused one leaves nothing
    /// behind.
    public func receiveBundles(
        _ paths: [String], allowedSigners: AllowedSigners, _ context: ChangeContext
    ) throws -> IntakeReport {
        try recoverInterruptedFilings()
        let store = self.store
        // The bundles held, by the tag manifest that names them.
        let known = try read { db in
            Dictionary(try ReceivedBundleRecord.fetchAll(db).map { ($0.tagManifest(in: store), $0.id!) }) { first, _ in
                first
            }
        }
        let workerCount = min(Self.intakeWorkers, max(1, paths.count))
        var placements: [ObjectPlacement] = []
        for _ in 0..<workerCount { placements.append(try ObjectPlacement(store: store)) }
        defer { placements.forEach { $0.end() } }
        let workers = Workers(placements: placements, count: paths.count)
        // The cores left over for each bundle's payload files, when there are fewer bundles than cores.
        let hashers = max(1, Self.intakeWorkers / workerCount)
        DispatchQueue.concurrentPerform(iterations: workerCount) { worker in
            while let index = workers.take() {
                let arrival = Self.arrive(
                    paths[index], worker: worker, area: workers.placements[worker].area, hashers: hashers,
                    store: store, known: known, allowedSigners: allowedSigners)
                if case .accepted(let bundle) = arrival.verdict {
                    workers.placements[worker].adopt(bundle.kept.staged)
                }
                workers.finish(index, arrival)
            }
        }

        var report = IntakeReport(accepted: [], alreadyReceived: [], rejected: [])
        var accepted: [Arrival.Accepted] = []
        var existing: [String] = []
        var seen: Set<String> = []
        for arrival in workers.arrivals.compactMap(\.self) {
            switch arrival.verdict {
            case .rejected(let rejection): report.rejected.append(rejection)
            case .alreadyReceived(let tagManifest): existing.append(tagManifest)
            case .accepted(let bundle):
                // The same bundle given twice in one run is recorded once.
                if seen.insert(bundle.tagManifest).inserted {
                    accepted.append(bundle)
                } else {
                    existing.append(bundle.tagManifest)
                }
            }
        }
        var recorded: [String: Int64] = [:]
        if !accepted.isEmpty {
            let stagedBy = Dictionary(grouping: accepted, by: \.worker).mapValues { $0.flatMap(\.kept.staged) }
            do {
                let ids = try write(context) { db in
                    var ids: [Int64] = []
                    for bundle in accepted {
                        ids.append(try record(bundle, context, db))
                    }
                    for (index, staged) in stagedBy { try placements[index].place(staged, batch: true) }
                    return (ids, ids.map { RecordID(.receivedBundle, $0) })
                }
                recorded = Dictionary(uniqueKeysWithValues: zip(accepted.map(\.tagManifest), ids))
                report.accepted = try read { db in try ReceivedBundleInfo.load(db, ids: ids, store: store) }
            } catch {
                placements.forEach { $0.undo() }
                throw error
            }
        }
        if !existing.isEmpty {
            let held = existing.compactMap { known[$0] ?? recorded[$0] }
            report.alreadyReceived = try read { db in try ReceivedBundleInfo.load(db, ids: held, store: store) }
        }
        return report
    }

    /// Inserts one accepted bundle: its documents' rows, its row, its parts, solutions and verdicts; returns its
    /// id.
    private func record(_ bundle: Arrival.Accepted, _ context: ChangeContext, _ db: Database) throws -> Int64 {
        for staged in bundle.kept.staged {
            try DocumentRecord(sha256: staged.sha256, size: staged.size, mediaType: staged.mediaType.rawValue)
                .insert(db, onConflict: .ignore)
        }
        var row = ReceivedBundleRecord(
            id: nil, sha256: bundle.kept.frame.sha256, tagManifest: bundle.tagManifest,
            identifier: bundle.identifier, signer: bundle.signer,
            principals: bundle.principals.joined(separator: "\n"), sealedAt: bundle.sealedAt, asOf: bundle.asOf,
            rulesVersion: bundle.rulesVersion.rawValue, receivedAt: timestamp(), receivedBy: context.actor)
        try row.insert(db)
        let id = row.id!
        for part in bundle.kept.parts {
            try ReceivedPartRecord(
                bundleId: id, dataOffset: part.offset, size: part.staged.size, sha256: part.staged.sha256
            ).insert(db)
        }
        for var solution in bundle.solutions {
            solution.bundleId = id
            try solution.insert(db)
        }
        for var verdict in bundle.verdicts {
            verdict.bundleId = id
            try verdict.insert(db)
        }
        return id
    }

    /// Verifies, keeps and judges one bundle; runs on a worker, with `hashers` hashing its payload files.
    private static func arrive(
        _ path: String, worker: Int, area: StagingArea, hashers: Int, store: DocumentStore, known: [String: Int64],
        allowedSigners: AllowedSigners
    ) -> Arrival {
        func rejected(_ problems: [IntakeProblem], identifier: String? = nil, status: BundleVerification.Status)
            -> Arrival
        {
            Arrival(
                verdict: .rejected(
                    IntakeRejection(path: path, identifier: identifier, status: status, problems: problems)))
        }
        let (verification, contents, rederived) = BundleVerifier.check(
            path: path, allowedSigners: allowedSigners, keepingIn: area, workers: hashers)
        let kept = contents?.kept
        func discard() { kept?.staged.forEach(store.discard) }
        if let failure = contents?.keepFailure {
            return rejected(
                [IntakeProblem(BundleProblem(code: .notReadable, path: nil, detail: failure.description))],
                status: .invalid)
        }
        var problems = verification.problems.map(IntakeProblem.init)
        guard verification.status == .valid, let contents, let kept,
            let tagManifest = contents.tagHashes["tagmanifest-sha256.txt"], let rederived,
            let signature = verification.signature, let principals = signature.trustedPrincipals
        else {
            discard()
            if verification.status == .unverified {
                problems.append(IntakeProblem(.notTrusted, nil, "no allowed signer vouches for the signing key"))
            }
            return rejected(problems, identifier: verification.identifier, status: verification.status)
        }
        if known[tagManifest] != nil {
            discard()
            return Arrival(verdict: .alreadyReceived(tagManifest: tagManifest))
        }
        let snapshot = rederived.snapshot
        let tie = SignerAuthority.problems(principals: principals, snapshot: snapshot)
        guard tie.isEmpty else {
            discard()
            return rejected(tie, identifier: verification.identifier, status: verification.status)
        }

        // The verdicts under the bundle's own rules version, as the verifier re-derived them.
        let evaluation = rederived.evaluation
        let files = Dictionary(snapshot.evidence.map { ($0.id, $0.files.map(\.sha256)) }) { first, _ in first }
        let covered = Dictionary(evaluation.solutions.map { ($0.id, $0.covered) }) { first, _ in first }
        let solutions = snapshot.solutions.map { solution in
            let authority = SignerAuthority.responsible(for: solution, in: snapshot).first
            return ReceivedSolutionRecord(
                bundleId: 0, solution: solution.id.description, key: SolutionKey.of(solution), name: solution.name,
                cvr: authority?.cvr ?? "", authorityName: authority?.name ?? "",
                covered: covered[solution.id] ?? solution.scope.covered)
        }
        let verdicts = evaluation.verdicts.map { verdict in
            let evidence = verdict.evidence.map { id in
                "{\"id\":\"\(id)\",\"sha256\":[" + (files[id] ?? []).map { "\"\($0)\"" }.joined(separator: ",") + "]}"
            }
            return ReceivedVerdictRecord(
                bundleId: 0, usage: verdict.usage.description, solution: verdict.solution.description,
                service: verdict.serviceName, vendor: verdict.vendorName, outcome: verdict.outcome, rule: verdict.rule,
                reasonDa: verdict.reason(in: .da), reasonEn: verdict.reason(in: .en),
                evidence: "[" + evidence.joined(separator: ",") + "]")
        }
        let sealTime =
            BundleVerifier.lines(contents.tags["bag-info.txt"] ?? []).first { $0.hasPrefix("Evident-Seal-Time:") }
            .map { String($0.dropFirst(18)).trimmingCharacters(in: .whitespaces) } ?? ""
        return Arrival(
            verdict: .accepted(
                Arrival.Accepted(
                    worker: worker, kept: kept, tagManifest: tagManifest,
                    identifier: verification.identifier ?? "",
                    signer: signature.fingerprint,
                    principals: principals, sealedAt: sealTime, asOf: evaluation.asOf, rulesVersion: rederived.rules,
                    solutions: solutions, verdicts: verdicts)))
    }
}
