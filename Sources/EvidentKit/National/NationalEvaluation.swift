import Foundation

/// The supervising authority's evaluation of one year (RULES.md §4): from the newest trusted bundle per solution
/// whose reference date falls in the window, every authority's verdicts, what was expected and not handed in,
/// conflicts between bundles, and the change since the year before.
///
/// Verdicts are those each bundle's own rules version gives; nothing is re-judged under other rules.
public struct NationalEvaluation: Sendable, Codable, Equatable {
    /// The format of the JSON (`schema/national-evaluation.schema.json`): `evident-national/2` names each bundle
    /// by its tag manifest's SHA-256, where `/1` gave the SHA-256 of the bundle file.
    public static let currentFormat = "evident-national/2"

    /// A usage that is not compliant, with the evidence its verdict rests on.
    public struct Finding: Sendable, Codable, Equatable {
        /// The evidence by its id in the authority's registry and the SHA-256 of each of its documents.
        public struct EvidenceRef: Sendable, Codable, Equatable {
            public var id: String
            public var sha256: [String]
        }

        /// The usage's id in the authority's registry.
        public var usage: String
        public var service: String
        public var vendor: String
        public var outcome: Outcome
        public var rule: String
        /// Why, in the evaluation's language.
        public var reason: String
        public var evidence: [EvidenceRef]
    }

    /// The bundle a solution's verdicts come from.
    public struct Source: Sendable, Codable, Equatable {
        /// The id in this home, such as `RCV-3`.
        public var received: RecordID
        public var identifier: String
        /// The SHA-256 of its tag manifest, the file its signature covers.
        public var tagManifestSha256: String
        public var asOf: Day
        public var sealedAt: String
        public var rulesVersion: Int
        public var signer: String
    }

    /// One solution of an authority.
    public struct SolutionResult: Sendable, Codable, Equatable {
        /// Its URL or app id, which names it across registries.
        public var key: String
        public var name: String
        /// Its id in the authority's registry.
        public var id: String
        public var covered: Bool
        public var totals: [String: Int]
        /// Every non-compliant and missing-evidence usage.
        public var findings: [Finding]
        public var source: Source
    }

    /// One authority and its solutions.
    public struct AuthorityResult: Sendable, Codable, Equatable {
        public var cvr: String
        public var name: String
        /// Its ministry, when the expected list names one.
        public var ministry: String?
        public var totals: [String: Int]
        public var solutions: [SolutionResult]
    }

    /// An expected authority or solution that handed in nothing in the window.
    public struct Missing: Sendable, Codable, Equatable {
        public var cvr: String
        public var name: String?
        /// The solution expected, when the list names one.
        public var solution: String?
        /// The newest bundle it did hand in, from before the window, if any.
        public var stale: Source?
    }

    /// A bundle whose reference date is before the window, for a solution with nothing newer.
    public struct Stale: Sendable, Codable, Equatable {
        public var cvr: String
        public var authorityName: String
        public var solution: String
        public var source: Source
    }

    /// Two bundles that disagree.
    public struct Conflict: Sendable, Codable, Equatable {
        public enum Kind: String, Sendable, Codable {
            /// Two authorities handed in a bundle for the same solution.
            case twoAuthorities = "two-authorities"
            /// A bundle with an older reference date was sealed after one with a newer: the newer counts.
            case olderAfterNewer = "older-after-newer"
        }

        public var kind: Kind
        /// The solution's URL or app id.
        public var solution: String
        /// The bundles concerned, the one the evaluation uses first.
        public var bundles: [RecordID]
        public var detail: String
    }

    /// A usage whose verdict changed since the previous year's evaluation.
    public struct Change: Sendable, Codable, Equatable {
        public var cvr: String
        public var solution: String
        public var usage: String
        public var service: String
        public var from: Outcome
        public var to: Outcome
    }

    /// What changed since the previous year's evaluation, when the home holds bundles for that year.
    public struct YearChange: Sendable, Codable, Equatable {
        public var previousYear: Int
        public var previousTotals: [String: Int]
        public var improved: [Change]
        public var worsened: [Change]
        /// Solutions evaluated this year that the previous year did not have, and the reverse (by key).
        public var newSolutions: [String]
        public var goneSolutions: [String]
    }

    public var format: String
    public var year: Int
    public var language: ReportLanguage
    /// The evaluation window: reference dates from `from` to `to`, both included.
    public var from: Day
    public var to: Day
    /// The rules versions the bundles' verdicts were made under.
    public var rulesVersions: [Int]
    public var totals: [String: Int]
    public var authorities: [AuthorityResult]
    public var missing: [Missing]
    public var stale: [Stale]
    public var conflicts: [Conflict]
    public var change: YearChange?
    /// Totals per ministry, when the expected list names ministries.
    public var ministries: [String: [String: Int]]
}
