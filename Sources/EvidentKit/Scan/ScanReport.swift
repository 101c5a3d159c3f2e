/// What a scan found: every third party the capture contacted, matched to the registry, the ones nobody
/// registered, and the registered usages it never contacted.
public struct ScanReport: Sendable, Encodable, Equatable {
    /// The capture the scan read.
    public struct CaptureSummary: Sendable, Encodable, Equatable {
        /// The file as given.
        public var file: String
        /// HAR or inspection.json.
        public var format: Capture.Format
        /// The page it started from, when the file says.
        public var page: String?
        /// When it started, as the file says.
        public var started: String?
        /// Distinct hosts, first and third party.
        public var hosts: Int
        /// Requests to first-party hosts.
        public var firstPartyRequests: Int
    }

    /// A registered record named in the report.
    public struct Named: Sendable, Encodable, Equatable {
        /// Its id.
        public var id: RecordID
        /// Its name.
        public var name: String
    }

    /// The verdict on a usage today, as `status` gives it.
    public struct UsageVerdict: Sendable, Encodable, Equatable {
        /// The usage.
        public var usage: RecordID
        /// The route it claims.
        public var route: Route
        /// The verdict.
        public var outcome: Outcome
        /// The rule it rests on (`§3.1 R2`).
        public var rule: String
        /// Why, in words.
        public var reason: String
    }

    /// One third-party host the capture contacted.
    public struct ThirdParty: Sendable, Encodable, Equatable {
        /// The host.
        public var host: String
        /// Its registrable domain (the host itself when it is a public suffix).
        public var registrableDomain: String
        /// Requests made to it.
        public var requests: Int
        /// The first URL requested.
        public var firstURL: String?
        /// The kinds of resource loaded from it, sorted.
        public var resourceTypes: [String]
        /// Cookies it set.
        public var cookies: [CapturedCookie]
        /// The registered service its host patterns match; nil for an unknown third party.
        public var service: Named?
        /// That service's vendor.
        public var vendor: Named?
        /// The catalogue service the host matches, when no registered service does.
        public var catalogue: String?
        /// The usage of the service on the solution today, with its verdict; nil when it has none.
        public var verdict: UsageVerdict?
    }

    /// A usage on the solution whose service the capture never contacted.
    public struct UnusedUsage: Sendable, Encodable, Equatable {
        /// The usage.
        public var usage: RecordID
        /// Its service.
        public var service: Named
        /// The service's host patterns, none of which the capture contacted.
        public var hosts: [String]
    }

    /// What `scan` filed and added, when it did.
    public struct Recorded: Sendable, Encodable, Equatable {
        /// The scan evidence filed, when the capture was recorded.
        public var evidence: RecordID?
        /// Usages added (route `none`) for matched services the solution did not have.
        public var addedUsages: [RecordID]
    }

    /// The solution scanned.
    public var solution: Named
    /// The day the verdicts are for.
    public var asOf: Day
    /// The capture.
    public var capture: CaptureSummary
    /// The registrable domains counted as the solution's own.
    public var firstPartyDomains: [String]
    /// Third parties that match a registered service, by host.
    public var thirdParties: [ThirdParty]
    /// Third parties that match no registered service, by host.
    public var unknown: [ThirdParty]
    /// Usages on the solution today that the capture never contacted.
    public var unused: [UnusedUsage]
    /// What the scan recorded, when it did.
    public var recorded: Recorded?
}
