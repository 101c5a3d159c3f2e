import GRDB

/// Which usages a listing shows: each field given narrows it; references resolve as everywhere (ids or names).
public struct UsageFilter: Sendable {
    /// Only usages of this solution.
    public var solution: String?
    /// Only usages of this service.
    public var service: String?
    /// Only usages of this vendor's services.
    public var vendor: String?
    /// Only usages that claim this route.
    public var route: Route?
    /// Only usages active on the day of the listing with this verdict on it.
    public var verdict: Outcome?

    /// A filter that lets every usage through: set the fields to narrow it.
    public init() {}
}

extension Registry {
    /// The usages `filter` lets through, in id order; a verdict is the one on `day`.
    public func usages(matching filter: UsageFilter, on day: Day) throws -> [UsageInfo] {
        let verdicts = try filter.verdict.map { outcome in
            Set(try evaluate(asOf: day).verdicts.filter { $0.outcome == outcome }.map(\.usage))
        }
        return try read { db in
            let solution = try filter.solution.map { try resolve($0, field: .solution, kinds: [.solution], db) }
            let service = try filter.service.map { try resolve($0, field: .service, kinds: [.service], db) }
            let vendorServices = try filter.vendor.map { reference in
                let vendor = try resolve(reference, field: .vendor, kinds: [.vendor], db)
                return Set(
                    try Int64.fetchAll(db, sql: "SELECT id FROM service WHERE vendorId = ?", arguments: [vendor.number])
                        .map { RecordID(.service, $0) })
            }
            return try InfoLoader.usages(db, ids: nil).filter { usage in
                (solution.map { $0 == usage.solution } ?? true) && (service.map { $0 == usage.service } ?? true)
                    && (vendorServices?.contains(usage.service) ?? true)
                    && (filter.route.map { $0 == usage.route } ?? true)
                    && (verdicts?.contains(usage.id) ?? true)
            }
        }
    }
}
