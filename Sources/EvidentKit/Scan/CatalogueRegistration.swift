import GRDB

/// What `catalog add` registered.
public struct CatalogueAddition: Sendable, Encodable, Equatable {
    /// Vendors added.
    public var addedVendors: [ScanReport.Named] = []
    /// Services added.
    public var addedServices: [ScanReport.Named] = []
    /// Services their vendor already had by that name, left as they were.
    public var existingServices: [ScanReport.Named] = []
}

extension Registry {
    /// Registers catalogue services by name, with their vendors unless a vendor of that name is registered: all
    /// or nothing, one audit event.
    public func addFromCatalogue(_ names: [String], _ context: ChangeContext) throws -> CatalogueAddition {
        var entries: [Catalogue.Service] = []
        for name in names {
            guard let entry = Catalogue.service(named: name) else { throw ScanError.unknownCatalogEntry(name) }
            if !entries.contains(entry) { entries.append(entry) }
        }
        guard !entries.isEmpty else {
            throw InputError(field: .service, value: "", reason: "name at least one catalogue service")
        }
        // A change that touches nothing must not append an event (an empty one means the settings changed).
        let services = try services()
        let known = entries.filter { entry in
            services.contains {
                $0.vendorName.lowercased() == entry.vendor.name.lowercased()
                    && $0.name.lowercased() == entry.name.lowercased()
            }
        }
        if known.count == entries.count {
            var result = CatalogueAddition()
            for entry in entries {
                if let existing = services.first(where: {
                    $0.vendorName.lowercased() == entry.vendor.name.lowercased()
                        && $0.name.lowercased() == entry.name.lowercased()
                }) {
                    result.existingServices.append(.init(id: existing.id, name: existing.name))
                }
            }
            return result
        }
        return try write(context) { db in
            var result = CatalogueAddition()
            var touched: [RecordID] = []
            for entry in entries {
                let vendors = try InfoLoader.vendors(db, ids: nil)
                var vendorId = vendors.first { $0.name.lowercased() == entry.vendor.name.lowercased() }?.id
                if vendorId == nil {
                    let draft = try VendorDraft(
                        name: entry.vendor.name, country: entry.vendor.country, cvr: nil, vat: nil,
                        website: entry.vendor.website)
                    var record = VendorRecord(
                        id: nil, name: draft.name, country: draft.country, cvr: nil, vat: nil, website: draft.website)
                    try record.insert(db)
                    let id = RecordID(.vendor, record.id!)
                    vendorId = id
                    touched.append(id)
                    result.addedVendors.append(.init(id: id, name: draft.name))
                }
                let vendor = vendorId!
                if let existing = try InfoLoader.services(db, ids: nil).first(where: {
                    $0.vendor == vendor && $0.name.lowercased() == entry.name.lowercased()
                }) {
                    result.existingServices.append(.init(id: existing.id, name: existing.name))
                    continue
                }
                let draft = try ServiceDraft(
                    vendor: vendor.description, name: entry.name, category: entry.category, hosts: entry.hosts,
                    cookies: entry.cookies)
                var record = ServiceRecord(
                    id: nil, vendorId: vendor.number, name: draft.name, category: draft.category, hosts: draft.hosts,
                    cookies: draft.cookies)
                try record.insert(db)
                let id = RecordID(.service, record.id!)
                touched.append(id)
                result.addedServices.append(.init(id: id, name: draft.name))
            }
            return (result, touched)
        }
    }
}
