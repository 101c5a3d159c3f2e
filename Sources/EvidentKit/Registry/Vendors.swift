import GRDB

/// A new or edited vendor, checked: a name, a country, and optionally a CVR or EU VAT number and a website.
public struct VendorDraft: Sendable {
    /// Its name.
    public var name: String
    /// Its country, as an upper-case ISO 3166-1 alpha-2 code.
    public var country: String
    /// Its CVR number, without spaces.
    public var cvr: String?
    /// Its EU VAT number, in compact upper case.
    public var vat: String?
    /// Its http or https website.
    public var website: String?

    /// Checks the fields; throws naming the first one that is wrong.
    public init(
        name: String, country: String, cvr: String? = nil, vat: String? = nil, website: String? = nil
    ) throws(InputError) {
        self.name = try Validate.text(name, field: .name)
        self.country = try Identification.country(country)
        self.cvr = try cvr.map { v throws(InputError) in try Identification.cvr(v) }
        self.vat = try vat.map { v throws(InputError) in try Identification.vat(v) }
        self.website = try website.map { v throws(InputError) in try Validate.url(v, field: .website) }
    }
}

/// The fields a `vendor edit` changes; nil leaves a field as it is.
public struct VendorEdit: Sendable {
    /// A new name.
    public var name: String?
    /// A new country.
    public var country: String?
    /// A new CVR number; empty clears it.
    public var cvr: String?
    /// A new VAT number; empty clears it.
    public var vat: String?
    /// A new website; empty clears it.
    public var website: String?

    /// An edit of the fields given.
    public init(
        name: String? = nil, country: String? = nil, cvr: String? = nil, vat: String? = nil,
        website: String? = nil
    ) {
        (self.name, self.country, self.cvr, self.vat, self.website) = (name, country, cvr, vat, website)
    }

    var isEmpty: Bool { name == nil && country == nil && cvr == nil && vat == nil && website == nil }
}

extension Registry {
    /// Adds a vendor of third-party services; no other may have its CVR or VAT number.
    public func addVendor(_ draft: VendorDraft, _ context: ChangeContext) throws -> VendorInfo {
        try write(context) { db in
            try checkUniqueCompany(draft, except: nil, db)
            var record = VendorRecord(
                id: nil, name: draft.name, country: draft.country, cvr: draft.cvr, vat: draft.vat,
                website: draft.website)
            try record.insert(db)
            return (try InfoLoader.vendors(db, ids: [record.id!])[0], [RecordID(.vendor, record.id!)])
        }
    }

    /// Every vendor, in id order.
    public func vendors() throws -> [VendorInfo] {
        try read { db in try InfoLoader.vendors(db, ids: nil) }
    }

    /// The vendor a reference names: an id such as `VEN-2`, or an unambiguous name.
    public func vendor(_ reference: String) throws -> VendorInfo {
        try read { db in
            let id = try resolve(reference, field: nil, kinds: [.vendor], db)
            return try InfoLoader.vendors(db, ids: [id.number])[0]
        }
    }

    /// Changes the fields `edit` gives and returns the vendor as it now is.
    public func editVendor(_ reference: String, _ edit: VendorEdit, _ context: ChangeContext) throws -> VendorInfo {
        try write(context) { db in
            let id = try resolve(reference, field: nil, kinds: [.vendor], db)
            guard !edit.isEmpty else { throw RegistryError.nothingToChange(id) }
            var record = try VendorRecord.find(db, key: id.number)
            // An empty value clears an optional field.
            func merged(_ new: String?, _ old: String?) -> String? { new.map { $0.isEmpty ? nil : $0 } ?? old }
            let draft = try VendorDraft(
                name: edit.name ?? record.name, country: edit.country ?? record.country,
                cvr: merged(edit.cvr, record.cvr), vat: merged(edit.vat, record.vat),
                website: merged(edit.website, record.website))
            try checkUniqueCompany(draft, except: id.number, db)
            (record.name, record.country, record.cvr, record.vat, record.website) =
                (draft.name, draft.country, draft.cvr, draft.vat, draft.website)
            try record.update(db)
            return (try InfoLoader.vendors(db, ids: [id.number])[0], [id])
        }
    }

    /// Removes a vendor that has no services and no evidence about it.
    public func removeVendor(_ reference: String, _ context: ChangeContext) throws -> RecordID {
        try write(context) { db in
            let id = try resolve(reference, field: nil, kinds: [.vendor], db)
            let services = try Int64.fetchAll(
                db, sql: "SELECT id FROM service WHERE vendorId = ? ORDER BY id", arguments: [id.number]
            ).map { RecordID(.service, $0) }
            let dependents = services + (try Dependents.evidence(covering: "vendorId", id.number, db))
            guard dependents.isEmpty else { throw RegistryError.inUse(id, dependents: dependents) }
            try VendorRecord.deleteOne(db, key: id.number)
            return (id, [id])
        }
    }

    /// Refuses a CVR or VAT number another vendor has, either as given or as the other number of the same company.
    private func checkUniqueCompany(_ draft: VendorDraft, except: Int64?, _ db: Database) throws {
        let given: [(Field, String?)] = [(.cvr, draft.cvr), (.vat, draft.vat)]
        for (field, value) in given {
            guard let value else { continue }
            let keys = Identification.companyKeys(
                cvr: field == .cvr ? value : nil, vat: field == .vat ? value : nil)
            for vendor in try VendorRecord.fetchAll(db) where vendor.id != except {
                let existing = Identification.companyKeys(cvr: vendor.cvr, vat: vendor.vat)
                if keys.contains(where: existing.contains) {
                    throw RegistryError.duplicate(field: field, value: value, existing: RecordID(.vendor, vendor.id!))
                }
            }
        }
    }
}
