import GRDB

/// A new or edited usage, checked: a solution embeds a service over a period under a claimed route.
public struct UsageDraft: Sendable {
    public var solution: String
    public var service: String
    public var since: Day
    public var until: Day?
    public var purpose: String?
    public var route: Route
    public var vendorOwnPurposes: OwnPurposes

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
    public var since: Day?
    public var until: Day?
    /// Set to clear the end date, making the usage open-ended again.
    public var clearUntil = false
    public var purpose: String?
    public var route: Route?
    public var vendorOwnPurposes: OwnPurposes?

    public init() {}

    var isEmpty: Bool {
        since == nil && until == nil && !clearUntil && purpose == nil && route == nil && vendorOwnPurposes == nil
    }
}

extension Registry {
    public func addUsage(_ draft: UsageDraft, _ context: ChangeContext) throws -> UsageInfo {
        try write(context) { db in
            let solution = try resolve(draft.solution, field: .solution, kinds: [.solution], db)
            let service = try resolve(draft.service, field: .service, kinds: [.service], db)
            var record = UsageRecord(
                id: nil, solutionId: solution.number, serviceId: service.number, since: draft.since,
                until: draft.until, purpose: draft.purpose, route: draft.route,
                vendorOwnPurposes: draft.vendorOwnPurposes)
            try record.insert(db)
            return (try InfoLoader.usages(db, ids: [record.id!])[0], [RecordID(.usage, record.id!)])
        }
    }

    public func usages() throws -> [UsageInfo] {
        try read { db in try InfoLoader.usages(db, ids: nil) }
    }

    public func usage(_ reference: String) throws -> UsageInfo {
        try read { db in
            let id = try resolve(reference, field: nil, kinds: [.usage], db)
            return try InfoLoader.usages(db, ids: [id.number])[0]
        }
    }

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
}
