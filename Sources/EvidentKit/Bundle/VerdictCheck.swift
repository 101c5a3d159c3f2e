import Foundation

/// Re-deriving a bundle's verdicts from its registry.json, under the rules version the bundle names.
extension BundleVerifier {
    /// The meaning of `metadata/evaluation.json`, in every format evident has written.
    ///
    /// Only what a verdict means is read (outcome, rule, route, evidence, lapse date, and each solution's
    /// §2 coverage), never its words, so that rewording a reason leaves every issued bundle valid.
    struct ArchivedEvaluation: Decodable {
        struct Solution: Decodable, Equatable {
            struct Failure: Decodable, Equatable {
                let condition: ScopeCondition
            }

            let id: RecordID
            let covered: Bool
            let failures: [Failure]
        }

        struct Verdict: Decodable, Equatable {
            let usage: RecordID
            let outcome: Outcome
            let rule: String
            let route: Route
            let evidence: [RecordID]
            let lapses: Day?
        }

        /// Absent in the first format (2026), which predates formats and rule versions.
        let format: String?
        let asOf: Day
        /// Absent in the first format, whose verdicts were all made under rules version 1.
        let rulesVersion: Int?
        let warningDays: Int
        let totals: [String: Int]
        let solutions: [Solution]
        let verdicts: [Verdict]

        static let formats: Set<String?> = [nil, StatusReport.currentFormat]

        init(_ evaluation: Evaluation) {
            let report = StatusReport(evaluation)
            format = report.format
            asOf = report.asOf
            rulesVersion = report.rulesVersion.rawValue
            warningDays = report.warningDays
            totals = report.totals
            solutions = report.solutions.map {
                Solution(id: $0.id, covered: $0.covered, failures: $0.failures.map { .init(condition: $0.condition) })
            }
            verdicts = report.verdicts.map {
                Verdict(
                    usage: $0.usage, outcome: $0.outcome, rule: $0.rule, route: $0.route, evidence: $0.evidence,
                    lapses: $0.lapses)
            }
        }
    }

    /// A bundle's verdicts as re-derived from its registry.json under its own rules version.
    struct Rederived {
        let snapshot: RegistrySnapshot
        let rules: RulesVersion
        let evaluation: Evaluation
        /// How many verdicts evaluation.json holds, and the re-derivation gave.
        let count: Int
    }

    /// Recomputes the verdicts from registry.json and compares their meaning with evaluation.json; returns them.
    static func checkEvaluation(_ contents: Contents, problem: (BundleProblem.Code, String?, String) -> Void)
        -> Rederived?
    {
        let evaluationPath = "metadata/evaluation.json"
        guard let registryBytes = contents.tags["metadata/registry.json"],
            let evaluationBytes = contents.tags[evaluationPath]
        else { return nil }
        guard let snapshot = registrySnapshot(registryBytes, contents, problem: problem) else { return nil }
        let archived: ArchivedEvaluation
        do {
            archived = try JSONDecoder().decode(ArchivedEvaluation.self, from: Data(evaluationBytes))
        } catch {
            problem(.evaluationMismatch, evaluationPath, "cannot be read: \(error)")
            return nil
        }
        guard ArchivedEvaluation.formats.contains(archived.format) else {
            problem(
                .formatUnsupported, evaluationPath,
                "format '\(archived.format ?? "")' is newer than this evident knows; verify it with a newer evident")
            return nil
        }
        let version = archived.rulesVersion ?? RulesVersion.v1.rawValue
        guard let rules = RulesVersion(rawValue: version) else {
            problem(
                .rulesUnsupported, evaluationPath,
                "made under rules version \(version), which this evident (rules 1 to \(RulesVersion.current.rawValue))"
                    + " does not know; verify it with a newer evident")
            return nil
        }
        let evaluation = snapshot.evaluate(asOf: archived.asOf, rules: rules)
        let recomputed = ArchivedEvaluation(evaluation)
        for difference in differences(archived, recomputed).prefix(10) {
            problem(.evaluationMismatch, evaluationPath, difference)
        }
        return Rederived(snapshot: snapshot, rules: rules, evaluation: evaluation, count: recomputed.verdicts.count)
    }

    /// Reads registry.json and checks it names exactly the documents in the payload.
    static func registrySnapshot(
        _ bytes: [UInt8], _ contents: Contents, problem: (BundleProblem.Code, String?, String) -> Void
    ) -> RegistrySnapshot? {
        let path = "metadata/registry.json"
        let snapshot: RegistrySnapshot
        do {
            let format = try JSONDecoder().decode(RegistrySnapshot.Format.self, from: Data(bytes)).format
            guard RegistrySnapshot.readableFormats.contains(format) else {
                problem(
                    .formatUnsupported, path,
                    "format '\(format)' is newer than this evident knows; verify it with a newer evident")
                return nil
            }
            snapshot = try JSONDecoder().decode(RegistrySnapshot.self, from: Data(bytes))
        } catch {
            problem(.registryInvalid, path, "cannot be read: \(error)")
            return nil
        }
        for evidence in snapshot.evidence {
            for (file, path) in zip(evidence.files, BundleFormat.payloadPaths(for: evidence)) {
                if let actual = contents.payload[path], actual.sha256 != file.sha256 || actual.size != file.size {
                    problem(.registryPayloadMismatch, path, "registry.json records other bytes for \(evidence.id)")
                } else if contents.payload[path] == nil {
                    problem(
                        .registryPayloadMismatch, path,
                        "registry.json records a document of \(evidence.id) that is not in the bag")
                }
            }
        }
        let expected = Set(snapshot.evidence.flatMap(BundleFormat.payloadPaths))
        for path in contents.payload.keys.sorted() where !expected.contains(path) {
            problem(.registryPayloadMismatch, path, "no evidence in registry.json has this document")
        }
        return snapshot
    }

    /// Where the archived verdicts mean something other than the recomputed ones, in words.
    static func differences(_ archived: ArchivedEvaluation, _ recomputed: ArchivedEvaluation) -> [String] {
        var found: [String] = []
        if archived.warningDays != recomputed.warningDays {
            found.append(
                "says a warning window of \(archived.warningDays) days, registry.json \(recomputed.warningDays)")
        }
        if archived.totals != recomputed.totals {
            found.append("its totals are not those of the recomputed verdicts")
        }
        if archived.solutions != recomputed.solutions {
            found.append("the §2 scope of its solutions differs from registry.json's")
        }
        let recomputedByUsage = Dictionary(recomputed.verdicts.map { ($0.usage, $0) }) { first, _ in first }
        let archivedUsages = Set(archived.verdicts.map(\.usage))
        for verdict in archived.verdicts {
            guard let other = recomputedByUsage[verdict.usage] else {
                found.append("judges \(verdict.usage), which is not active in registry.json on \(archived.asOf)")
                continue
            }
            if verdict != other {
                found.append(
                    "\(verdict.usage): says \(verdict.outcome.rawValue) (\(verdict.rule)),"
                        + " recomputed \(other.outcome.rawValue) (\(other.rule)) as of \(archived.asOf)")
            }
        }
        for verdict in recomputed.verdicts where !archivedUsages.contains(verdict.usage) {
            found.append("leaves out \(verdict.usage), which registry.json has active on \(archived.asOf)")
        }
        if archived.verdicts.map(\.usage) != recomputed.verdicts.map(\.usage) && found.isEmpty {
            found.append("lists the verdicts in another order than the recomputed ones")
        }
        return found
    }
}
