import GRDB

/// Which evidence a listing shows: each field given narrows it.
public struct EvidenceFilter: Sendable {
    /// Only evidence of this kind.
    public var kind: EvidenceKind?
    /// Only evidence that names this usage, service or vendor (an id or a name) among what it covers.
    public var covers: String?
    /// Only counting evidence whose validity ends or review falls within this many days of the listing's day
    /// (what `due` lists, notice deadlines aside).
    public var expiringWithin: Int?

    /// A filter that lets all evidence through: set the fields to narrow it.
    public init() {}
}

extension Registry {
    /// The evidence `filter` lets through, in id order; what expires is counted from `day`.
    public func evidenceList(matching filter: EvidenceFilter, on day: Day) throws -> [EvidenceInfo] {
        let expiring = try filter.expiringWithin.map { days in
            try Validate.number(days, field: .expiringWithin, in: Limits.days, unit: "days")
            return Set(
                try due(from: day, within: days).filter { !$0.overdue && $0.deadline != .notice }.map(\.evidence))
        }
        return try read { db in
            let covered = try filter.covers.map {
                try resolve($0, field: .covers, kinds: [.usage, .service, .vendor], db)
            }
            return try InfoLoader.evidence(db, ids: nil).filter { evidence in
                (filter.kind.map { $0 == evidence.kind } ?? true) && (covered.map(evidence.covers.contains) ?? true)
                    && (expiring?.contains(evidence.id) ?? true)
            }
        }
    }
}
