import GRDB

/// A new or edited service, checked: its vendor, a name, a category and the hosts it is loaded from.
public struct ServiceDraft: Sendable {
    /// The vendor that provides it, as a reference (an id or a name).
    public var vendor: String
    /// Its name.
    public var name: String
    /// What it does for the solutions that embed it.
    public var category: ServiceCategory
    /// The host patterns it is loaded from, lower-cased and without repeats; at least one.
    public var hosts: [String]
    /// The names of the cookies it sets, without repeats.
    public var cookies: [String]

    /// Checks the fields; throws naming the first one that is wrong.
    public init(
        vendor: String, name: String, category: ServiceCategory, hosts: [String], cookies: [String]
    ) throws(InputError) {
        self.vendor = vendor
        self.name = try Validate.text(name, field: .name)
        self.category = category
        guard !hosts.isEmpty else {
            throw InputError(field: .host, value: "", reason: "a service needs at least one host pattern")
        }
        var checkedHosts: [String] = []
        for host in hosts { checkedHosts.append(try Validate.hostPattern(host, field: .host)) }
        var checkedCookies: [String] = []
        for cookie in cookies { checkedCookies.append(try Validate.cookieName(cookie, field: .cookie)) }
        self.hosts = Self.unique(checkedHosts)
        self.cookies = Self.unique(checkedCookies)
    }

    private static func unique(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }
}

/// The fields a `service edit` changes; nil leaves a field as it is, lists are replaced when given.
public struct ServiceEdit: Sendable {
    /// Another vendor, as a reference.
    public var vendor: String?
    /// A new name.
    public var name: String?
    /// A new category.
    public var category: ServiceCategory?
    /// Host patterns to replace the current ones.
    public var hosts: [String]?
    /// Cookie names to replace the current ones.
    public var cookies: [String]?

    /// An edit that changes nothing yet: set the fields to change.
    public init() {}

    var isEmpty: Bool { vendor == nil && name == nil && category == nil && hosts == nil && cookies == nil }
}

extension Registry {
    /// Adds a service of a registered vendor; the vendor may have no other service of that name.
    public func addService(_ draft: ServiceDraft, _ context: ChangeContext) throws -> ServiceInfo {
        try write(context) { db in
            let vendor = try resolve(draft.vendor, field: .vendor, kinds: [.vendor], db)
            try checkUniqueName(draft.name, vendor: vendor.number, except: nil, db)
            var record = ServiceRecord(
                id: nil, vendorId: vendor.number, name: draft.name, category: draft.category, hosts: draft.hosts,
                cookies: draft.cookies)
            try record.insert(db)
            return (try InfoLoader.services(db, ids: [record.id!])[0], [RecordID(.service, record.id!)])
        }
    }

    /// Every service, in id order.
    public func services() throws -> [ServiceInfo] {
        try read { db in try InfoLoader.services(db, ids: nil) }
    }

    /// The service a reference names: an id such as `SVC-5`, or an unambiguous name.
    public func service(_ reference: String) throws -> ServiceInfo {
        try read { db in
            let id = try resolve(reference, field: nil, kinds: [.service], db)
            return try InfoLoader.services(db, ids: [id.number])[0]
        }
    }

    /// Changes the fields `edit` gives and returns the service as it now is.
    public func editService(_ reference: String, _ edit: ServiceEdit, _ context: ChangeContext) throws -> ServiceInfo {
        try write(context) { db in
            let id = try resolve(reference, field: nil, kinds: [.service], db)
            guard !edit.isEmpty else { throw RegistryError.nothingToChange(id) }
            var record = try ServiceRecord.find(db, key: id.number)
            let draft = try ServiceDraft(
                vendor: edit.vendor ?? RecordID(.vendor, record.vendorId).description,
                name: edit.name ?? record.name, category: edit.category ?? record.category,
                hosts: edit.hosts ?? record.hosts, cookies: edit.cookies ?? record.cookies)
            record.vendorId = try resolve(draft.vendor, field: .vendor, kinds: [.vendor], db).number
            try checkUniqueName(draft.name, vendor: record.vendorId, except: id.number, db)
            (record.name, record.category, record.hosts, record.cookies) =
                (draft.name, draft.category, draft.hosts, draft.cookies)
            try record.update(db)
            return (try InfoLoader.services(db, ids: [id.number])[0], [id])
        }
    }

    /// Removes a service that no usage embeds and no evidence covers.
    public func removeService(_ reference: String, _ context: ChangeContext) throws -> RecordID {
        try write(context) { db in
            let id = try resolve(reference, field: nil, kinds: [.service], db)
            let usages = try Int64.fetchAll(
                db, sql: "SELECT id FROM usage WHERE serviceId = ? ORDER BY id", arguments: [id.number]
            ).map { RecordID(.usage, $0) }
            let dependents = usages + (try Dependents.evidence(covering: "serviceId", id.number, db))
            guard dependents.isEmpty else { throw RegistryError.inUse(id, dependents: dependents) }
            try ServiceRecord.deleteOne(db, key: id.number)
            return (id, [id])
        }
    }

    /// Refuses a name another service of the vendor has, as names are compared when resolving references.
    private func checkUniqueName(_ name: String, vendor: Int64, except: Int64?, _ db: Database) throws {
        let key = NameFolding.key(name)
        for service in try ServiceRecord.filter(ServiceRecord.Columns.vendorId == vendor).fetchAll(db)
        where service.id != except && NameFolding.key(service.name) == key {
            throw RegistryError.duplicate(field: .name, value: name, existing: RecordID(.service, service.id!))
        }
    }
}
