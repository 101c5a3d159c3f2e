import GRDB

/// A new or edited authority, checked: a name, a valid CVR number and a kind.
public struct AuthorityDraft: Sendable {
    /// Its name.
    public var name: String
    /// Its CVR number: eight digits, without spaces.
    public var cvr: String
    /// What kind of body it is.
    public var kind: AuthorityKind

    /// Checks the fields; throws naming the first one that is wrong.
    public init(name: String, cvr: String, kind: AuthorityKind) throws(InputError) {
        self.name = try Validate.text(name, field: .name)
        self.cvr = try Identification.cvr(cvr)
        self.kind = kind
    }
}

/// The fields an `authority edit` changes; nil leaves a field as it is.
public struct AuthorityEdit: Sendable {
    /// A new name.
    public var name: String?
    /// A new CVR number.
    public var cvr: String?
    /// A new kind.
    public var kind: AuthorityKind?

    /// An edit of the fields given.
    public init(name: String? = nil, cvr: String? = nil, kind: AuthorityKind? = nil) {
        self.name = name
        self.cvr = cvr
        self.kind = kind
    }

    var isEmpty: Bool { name == nil && cvr == nil && kind == nil }
}

extension Registry {
    /// Adds an authority; no other may have its CVR number.
    public func addAuthority(_ draft: AuthorityDraft, _ context: ChangeContext) throws -> AuthorityInfo {
        try write(context) { db in
            try checkUniqueCVR(draft.cvr, except: nil, db)
            var record = AuthorityRecord(id: nil, name: draft.name, cvr: draft.cvr, kind: draft.kind)
            try record.insert(db)
            let id = RecordID(.authority, record.id!)
            return (try InfoLoader.authorities(db, ids: [id.number])[0], [id])
        }
    }

    /// Every authority, in id order.
    public func authorities() throws -> [AuthorityInfo] {
        try read { db in try InfoLoader.authorities(db, ids: nil) }
    }

    /// The authority a reference names: an id such as `AUT-1`, or an unambiguous name.
    public func authority(_ reference: String) throws -> AuthorityInfo {
        try read { db in
            let id = try resolve(reference, field: nil, kinds: [.authority], db)
            return try InfoLoader.authorities(db, ids: [id.number])[0]
        }
    }

    /// Changes the fields `edit` gives and returns the authority as it now is.
    public func editAuthority(
        _ reference: String, _ edit: AuthorityEdit, _ context: ChangeContext
    ) throws -> AuthorityInfo {
        try write(context) { db in
            let id = try resolve(reference, field: nil, kinds: [.authority], db)
            guard !edit.isEmpty else { throw RegistryError.nothingToChange(id) }
            var record = try AuthorityRecord.find(db, key: id.number)
            let draft = try AuthorityDraft(
                name: edit.name ?? record.name, cvr: edit.cvr ?? record.cvr, kind: edit.kind ?? record.kind)
            try checkUniqueCVR(draft.cvr, except: id.number, db)
            (record.name, record.cvr, record.kind) = (draft.name, draft.cvr, draft.kind)
            try record.update(db)
            return (try InfoLoader.authorities(db, ids: [id.number])[0], [id])
        }
    }

    /// Removes an authority that owns no solution.
    public func removeAuthority(_ reference: String, _ context: ChangeContext) throws -> RecordID {
        try write(context) { db in
            let id = try resolve(reference, field: nil, kinds: [.authority], db)
            let dependents = try Int64.fetchAll(
                db, sql: "SELECT solutionId FROM solutionOwner WHERE authorityId = ? ORDER BY solutionId",
                arguments: [id.number]
            ).map { RecordID(.solution, $0) }
            guard dependents.isEmpty else { throw RegistryError.inUse(id, dependents: dependents) }
            try AuthorityRecord.deleteOne(db, key: id.number)
            return (id, [id])
        }
    }

    private func checkUniqueCVR(_ cvr: String, except: Int64?, _ db: Database) throws {
        if let existing = try AuthorityRecord.filter(AuthorityRecord.Columns.cvr == cvr).fetchOne(db),
            existing.id != except
        {
            throw RegistryError.duplicate(field: .cvr, value: cvr, existing: RecordID(.authority, existing.id!))
        }
    }
}
