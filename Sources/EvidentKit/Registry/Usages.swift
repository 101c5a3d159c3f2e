import GRDB

/// A new or edited usage, checked: a solution embeds a service over a period under a claimed route.
public struct UsageDraft: Sendable {
    /// The solution that embeds the service, as a reference (an id or a name).
    public var solution: String
    /// The service it embeds, as a reference.
    public var service: String
    /// The first day of the usage.
    public var since: Day
    /// The last day of the usage; nil while it goes on.
    public var until: Day?
    /// What the solution uses the service for.
    public var purpose: String?
    /// The §3.1 route claimed for the usage.
    public var route: Route
    /// Whether the vendor can use the collected data for its own purposes.
    public var vendorOwnPurposes: OwnPurposes

    /// Checks the fields; throws naming the first one that is wrong.
    public init(
        solution: String, service: String, since: Day, until: Day? = nil, purpose: String? = nil,
        route: Route, vendorOwnPurposes: OwnPurposes
    ) throws(InputError) {
        try Validate.range(from: since, .since, until: until, .until)
        self.solution = solution
        self.service = service
        self.since = since
        self.until = until
        self.purpose = try Validate.optionalText(purpose, field: .purpose)
        self.route = route
        self.vendorOwnPurposes = vendorOwnPurposes
    }
}

/// The fields a `usage edit` changes; nil leaves a field as it is.
public struct UsageEdit: Sendable {
    /// A new first day.
    public var since: Day?
    /// A new last day.
    public var until: Day?
    /// Set to clear the end date, making the usage open-ended again.
    public var clearUntil = false
    /// A new purpose.
    public var purpose: String?
    /// Another claimed route.
    public var route: Route?
    /// A new answer to whether the vendor can use the data for its own purposes.
    public var vendorOwnPurposes: OwnPurposes?

    /// An edit that changes nothing yet: set the fields to change.
    public init() {}

    var isEmpty: Bool {
        since == nil && until == nil && !clearUntil && purpose == nil && route == nil && vendorOwnPurposes == nil
    }
}

extension Registry {
    /// Adds a usage: a registered solution embedding a registered service, over a period in which no other usage
    /// of the solution embeds it.
    public func addUsage(_ draft: UsageDraft, _ context: ChangeContext) throws -> UsageInfo {
        try write(context) { db in
            let solution = try resolve(draft.solution, field: .solution, kinds: [.solution], db)
            let service = try resolve(draft.service, field: .service, kinds: [.service], db)
            try checkNoOverlap(solution.number, service.number, draft.since, draft.until, except: nil, db)
            var record = UsageRecord(
                id: nil, solutionId: solution.number, serviceId: service.number, since: draft.since,
                until: draft.until, purpose: draft.purpose, route: draft.route,
                vendorOwnPurposes: draft.vendorOwnPurposes)
            try record.insert(db)
            return (try InfoLoader.usages(db, ids: [record.id!])[0], [RecordID(.usage, record.id!)])
        }
    }

    /// Every usage, ended ones included, in id order.
    public func usages() throws -> [UsageInfo] {
        try read { db in try InfoLoader.usages(db, ids: nil) }
    }

    /// The usage an id such as `USE-7` names; usages have no name.
    public func usage(_ reference: String) throws -> UsageInfo {
        try read { db in
            let id = try resolve(reference, field: nil, kinds: [.usage], db)
            return try InfoLoader.usages(db, ids: [id.number])[0]
        }
    }

    /// Changes the fields `edit` gives and returns the usage as it now is.
    public func editUsage(_ reference: String, _ edit: UsageEdit, _ context: ChangeContext) throws -> UsageInfo {
        try write(context) { db in
            let id = try resolve(reference, field: nil, kinds: [.usage], db)
            guard !edit.isEmpty else { throw RegistryError.nothingToChange(id) }
            var record = try UsageRecord.find(db, key: id.number)
            let draft = try UsageDraft(
                solution: RecordID(.solution, record.solutionId).description,
                service: RecordID(.service, record.serviceId).description, since: edit.since ?? record.since,
                until: edit.clearUntil ? nil : edit.until ?? record.until, purpose: edit.purpose ?? record.purpose,
                route: edit.route ?? record.route, vendorOwnPurposes: edit.vendorOwnPurposes ?? record.vendorOwnPurposes
            )
            try checkNoOverlap(record.solutionId, record.serviceId, draft.since, draft.until, except: id.number, db)
            (record.since, record.until, record.purpose, record.route, record.vendorOwnPurposes) =
                (draft.since, draft.until, draft.purpose, draft.route, draft.vendorOwnPurposes)
            try record.update(db)
            return (try InfoLoader.usages(db, ids: [id.number])[0], [id])
        }
    }

    /// Removes a usage that no evidence covers; give it an end date instead to keep its history.
    public func removeUsage(_ reference: String, _ context: ChangeContext) throws -> RecordID {
        try write(context) { db in
            let id = try resolve(reference, field: nil, kinds: [.usage], db)
            let dependents = try Dependents.evidence(covering: "usageId", id.number, db)
            guard dependents.isEmpty else { throw RegistryError.inUse(id, dependents: dependents) }
            try UsageRecord.deleteOne(db, key: id.number)
            return (id, [id])
        }
    }

    /// Refuses a period that shares a day with another usage of the same service by the same solution.
    func checkNoOverlap(
        _ solution: Int64, _ service: Int64, _ since: Day, _ until: Day?, except: Int64?, _ db: Database
    ) throws {
        let others = try UsageRecord.filter(
            UsageRecord.Columns.solutionId == solution && UsageRecord.Columns.serviceId == service
        ).orderByPrimaryKey().fetchAll(db)
        for other in others where other.id != except {
            if other.since <= (until ?? .last) && since <= (other.until ?? .last) {
                throw RegistryError.overlappingUsage(
                    existing: RecordID(.usage, other.id!), solution: RecordID(.solution, solution),
                    service: RecordID(.service, service))
            }
        }
    }
}
