import Foundation
import GRDB

extension Registry {
    /// The national evaluation of `year` from the bundles this home received, as of `asOf` (default: the year's
    /// last day, or today when that is earlier); `expected` lists who should have handed in.
    public func nationalEvaluation(
        year: Int, asOf: Day? = nil, expected: ExpectedList? = nil, language: ReportLanguage = .da
    ) throws -> NationalEvaluation {
        guard let first = Day(year: year, month: 1, day: 1), let last = Day(year: year, month: 12, day: 31) else {
            throw InputError(field: .year, value: "\(year)", reason: "not a year evident can evaluate")
        }
        let end = asOf ?? min(last, max(first, today))
        guard first <= end, end <= last else {
            throw InputError(
                field: .asOf, value: end.description, reason: "must fall in \(year), the year evaluated")
        }
        let rows = try read { db in try NationalRows(db, store: store) }
        var evaluation = rows.evaluate(from: first, to: end, expected: expected, language: language, year: year)
        if let previousLast = Day(year: year - 1, month: 12, day: 31),
            let previousFirst = Day(year: year - 1, month: 1, day: 1)
        {
            let previous = rows.evaluate(
                from: previousFirst, to: previousLast, expected: nil, language: language, year: year - 1)
            if !previous.authorities.isEmpty { evaluation.change = NationalRows.change(from: previous, to: evaluation) }
        }
        return evaluation
    }
}

/// The received bundles, their solutions and verdicts, read once.
struct NationalRows {
    let bundles: [Int64: ReceivedBundleRecord]
    let solutions: [ReceivedSolutionRecord]
    let verdicts: [Int64: [String: [ReceivedVerdictRecord]]]
    /// The SHA-256 of each bundle's tag manifest, which names it.
    let tagManifests: [Int64: String]

    init(_ db: Database, store: DocumentStore) throws {
        bundles = Dictionary(uniqueKeysWithValues: try ReceivedBundleRecord.fetchAll(db).map { ($0.id!, $0) })
        tagManifests = bundles.mapValues { $0.tagManifest(in: store) }
        solutions = try ReceivedSolutionRecord.fetchAll(db)
        var verdicts: [Int64: [String: [ReceivedVerdictRecord]]] = [:]
        for verdict in try ReceivedVerdictRecord.order(Column("bundleId"), Column("usage")).fetchAll(db) {
            verdicts[verdict.bundleId, default: [:]][verdict.solution, default: []].append(verdict)
        }
        self.verdicts = verdicts
    }

    typealias Candidate = (bundle: ReceivedBundleRecord, solution: ReceivedSolutionRecord)

    /// Newest first: by reference date, then seal time, then the order received.
    static func newer(_ left: Candidate, _ right: Candidate) -> Bool {
        (left.bundle.asOf, left.bundle.sealedAt, left.bundle.id!) > (
            right.bundle.asOf, right.bundle.sealedAt, right.bundle.id!
        )
    }

    func source(_ bundle: ReceivedBundleRecord) -> NationalEvaluation.Source {
        NationalEvaluation.Source(
            received: RecordID(.receivedBundle, bundle.id!), identifier: bundle.identifier,
            tagManifestSha256: tagManifests[bundle.id!] ?? "",
            asOf: bundle.asOf, sealedAt: bundle.sealedAt, rulesVersion: bundle.rulesVersion, signer: bundle.signer)
    }

    func evaluate(
        from: Day, to: Day, expected: ExpectedList?, language: ReportLanguage, year: Int
    ) -> NationalEvaluation {
        let candidates: [Candidate] = solutions.compactMap { solution in
            bundles[solution.bundleId].map { (bundle: $0, solution: solution) }
        }
        let byKey = Dictionary(grouping: candidates) { $0.solution.key }
        var chosen: [Candidate] = []
        var stale: [NationalEvaluation.Stale] = []
        var conflicts: [NationalEvaluation.Conflict] = []
        for key in byKey.keys.sorted() {
            let all = byKey[key]!.sorted(by: Self.newer)
            let inWindow = all.filter { from <= $0.bundle.asOf && $0.bundle.asOf <= to }
            guard let newest = inWindow.first else {
                if let older = all.first(where: { $0.bundle.asOf < from }) {
                    stale.append(
                        NationalEvaluation.Stale(
                            cvr: older.solution.cvr, authorityName: older.solution.authorityName,
                            solution: older.solution.name, source: source(older.bundle)))
                }
                continue
            }
            chosen.append(newest)
            var names: [String] = []
            for candidate in inWindow {
                let name = "\(candidate.solution.authorityName) (CVR \(candidate.solution.cvr))"
                if !names.contains(name) { names.append(name) }
            }
            if Set(inWindow.map { $0.solution.cvr }).count > 1 {
                let involved = [newest] + inWindow.filter { $0.solution.cvr != newest.solution.cvr }
                conflicts.append(
                    NationalEvaluation.Conflict(
                        kind: .twoAuthorities, solution: key,
                        bundles: involved.map { RecordID(.receivedBundle, $0.bundle.id!) },
                        detail: language.pick(
                            "\(newest.solution.name) er indleveret af flere myndigheder: ",
                            "\(newest.solution.name) was handed in by several authorities: ")
                            + names.joined(separator: ", ")))
            }
            for older in inWindow.dropFirst()
            where older.bundle.asOf < newest.bundle.asOf && older.bundle.sealedAt > newest.bundle.sealedAt {
                conflicts.append(
                    NationalEvaluation.Conflict(
                        kind: .olderAfterNewer, solution: key,
                        bundles: [newest, older].map { RecordID(.receivedBundle, $0.bundle.id!) },
                        detail: language.pick(
                            "\(older.bundle.identifier) (pr. \(older.bundle.asOf)) blev forseglet efter"
                                + " \(newest.bundle.identifier) (pr. \(newest.bundle.asOf)); den nyeste bruges",
                            "\(older.bundle.identifier) (as of \(older.bundle.asOf)) was sealed after"
                                + " \(newest.bundle.identifier) (as of \(newest.bundle.asOf)); the newer one counts")))
            }
        }

        let ministries = Dictionary(
            (expected?.entries ?? []).compactMap { entry in entry.ministry.map { (entry.cvr, $0) } }
        ) { first, _ in first }
        var authorities: [String: NationalEvaluation.AuthorityResult] = [:]
        for (bundle, solution) in chosen {
            let verdicts = self.verdicts[bundle.id!]?[solution.solution] ?? []
            let findings = verdicts.filter { $0.outcome == .nonCompliant || $0.outcome == .missingEvidence }.map {
                verdict in
                NationalEvaluation.Finding(
                    usage: verdict.usage, service: verdict.service, vendor: verdict.vendor, outcome: verdict.outcome,
                    rule: verdict.rule, reason: language == .da ? verdict.reasonDa : verdict.reasonEn,
                    evidence: (try? JSONDecoder().decode(
                        [NationalEvaluation.Finding.EvidenceRef].self, from: Data(verdict.evidence.utf8))) ?? [])
            }
            var totals = Outcome.totals([])
            for verdict in verdicts { totals[verdict.outcome.rawValue, default: 0] += 1 }
            let result = NationalEvaluation.SolutionResult(
                key: solution.key, name: solution.name, id: solution.solution, covered: solution.covered,
                totals: totals, findings: findings, source: source(bundle))
            authorities[
                solution.cvr,
                default: NationalEvaluation.AuthorityResult(
                    cvr: solution.cvr, name: solution.authorityName, ministry: ministries[solution.cvr],
                    totals: Outcome.totals([]), solutions: [])
            ].solutions.append(result)
            for (outcome, count) in totals { authorities[solution.cvr]!.totals[outcome, default: 0] += count }
        }
        let results = authorities.values.sorted { ($0.name, $0.cvr) < ($1.name, $1.cvr) }.map { authority in
            var authority = authority
            authority.solutions.sort { ($0.name, $0.key) < ($1.name, $1.key) }
            return authority
        }

        var missing: [NationalEvaluation.Missing] = []
        for entry in expected?.entries ?? [] {
            let handedIn = chosen.filter { $0.solution.cvr == entry.cvr }
            let found =
                entry.solution.map { wanted in
                    handedIn.contains {
                        NameFolding.key($0.solution.name) == NameFolding.key(wanted)
                            || $0.solution.key == wanted.lowercased()
                    }
                } ?? !handedIn.isEmpty
            guard !found else { continue }
            let older = candidates.filter { $0.solution.cvr == entry.cvr && $0.bundle.asOf < from }.sorted(
                by: Self.newer
            )
            .first
            missing.append(
                NationalEvaluation.Missing(
                    cvr: entry.cvr, name: entry.name ?? older?.solution.authorityName, solution: entry.solution,
                    stale: older.map { source($0.bundle) }))
        }

        var totals = Outcome.totals([])
        var byMinistry: [String: [String: Int]] = [:]
        for authority in results {
            for (outcome, count) in authority.totals {
                totals[outcome, default: 0] += count
                if let ministry = authority.ministry {
                    byMinistry[ministry, default: Outcome.totals([])][outcome, default: 0] += count
                }
            }
        }
        return NationalEvaluation(
            format: NationalEvaluation.currentFormat, year: year, language: language, from: from, to: to,
            rulesVersions: Array(Set(chosen.map(\.bundle.rulesVersion))).sorted(), totals: totals,
            authorities: results, missing: missing, stale: stale, conflicts: conflicts, change: nil,
            ministries: byMinistry)
    }

    /// The usages whose verdict got better or worse between two evaluations, by solution and usage.
    static func change(from previous: NationalEvaluation, to current: NationalEvaluation)
        -> NationalEvaluation.YearChange
    {
        func usages(_ evaluation: NationalEvaluation) -> [String: (cvr: String, outcome: Outcome, service: String)] {
            var found: [String: (cvr: String, outcome: Outcome, service: String)] = [:]
            for authority in evaluation.authorities {
                for solution in authority.solutions {
                    for finding in solution.findings {
                        found["\(solution.key) \(finding.usage)"] = (authority.cvr, finding.outcome, finding.service)
                    }
                }
            }
            return found
        }
        let before = usages(previous)
        let after = usages(current)
        let keysBefore = Set(previous.authorities.flatMap { $0.solutions.map(\.key) })
        let keysAfter = Set(current.authorities.flatMap { $0.solutions.map(\.key) })
        var improved: [NationalEvaluation.Change] = []
        var worsened: [NationalEvaluation.Change] = []
        // Findings list only the usages that are not compliant: one missing from a solution both years evaluated
        // is compliant (or expiring, or no longer used) now.
        for key in Set(before.keys).union(after.keys).sorted() {
            let parts = key.split(separator: " ", maxSplits: 1).map(String.init)
            guard keysBefore.contains(parts[0]), keysAfter.contains(parts[0]) else { continue }
            let from = before[key]?.outcome ?? .compliant
            let to = after[key]?.outcome ?? .compliant
            guard from != to, let usage = before[key] ?? after[key] else { continue }
            let change = NationalEvaluation.Change(
                cvr: usage.cvr, solution: parts[0], usage: parts[1], service: usage.service, from: from, to: to)
            if to.severity < from.severity { improved.append(change) } else { worsened.append(change) }
        }
        return NationalEvaluation.YearChange(
            previousYear: previous.year, previousTotals: previous.totals, improved: improved, worsened: worsened,
            newSolutions: keysAfter.subtracting(keysBefore).sorted(),
            goneSolutions: keysBefore.subtracting(keysAfter).sorted())
    }
}
