import GRDB

/// A new or edited solution, checked. Its §2 scope is derived from these facts, never typed in.
public struct SolutionDraft: Sendable {
    /// An owner as the user named it: an authority reference and a role.
    public struct Owner: Sendable {
        /// The authority, as a reference (an id or a name).
        public var authority: String
        /// How it takes part.
        public var role: OwnerRole

        /// An owner taking part as `role`.
        public init(authority: String, role: OwnerRole) {
            self.authority = authority
            self.role = role
        }

        /// Parses `AUTH[:responsible|co-owner|operator]`; the role defaults to responsible.
        public init(parsing text: String) throws(InputError) {
            guard let colon = text.lastIndex(of: ":") else {
                self.init(authority: text, role: .responsible)
                return
            }
            let roleText = String(text[text.index(after: colon)...])
            guard let role = OwnerRole(rawValue: roleText) else {
                throw InputError(
                    field: .owner, value: text,
                    reason: "unknown role '\(roleText)' (expected responsible, co-owner or operator)")
            }
            self.init(authority: String(text[..<colon]), role: role)
        }
    }

    /// Its name.
    public var name: String
    /// What it is; §2 S1 covers self-service solutions and national portals.
    public var kind: SolutionKind
    /// Whether it is a website or an app.
    public var channel: Channel
    /// Its http or https address: required for the web, absent for an app.
    public var url: String?
    /// Its app id: required for an app, absent for the web.
    public var appId: String?
    /// Whom it is aimed at; §2 S3 covers solutions aimed at citizens.
    public var audience: Audience
    /// Whether it is the citizens' mandatory channel to the authority (§2 S2).
    public var mandatory: Bool
    /// The law or rule that makes it mandatory, such as `Skattekontrolloven § 2`.
    public var mandatedBy: String?
    /// The authorities that take part in it; at least one.
    public var owners: [Owner]
    /// Domains it serves itself from besides its URL's, which a scan treats as first party; checked by
    /// `FirstPartyDomains.validate`.
    public var firstParty: [String] = []

    /// Checks the fields (a web solution needs a URL, an app an app id); throws naming the first one that is wrong.
    public init(
        name: String, kind: SolutionKind, channel: Channel, url: String?, appId: String?,
        audience: Audience, mandatory: Bool, mandatedBy: String?, owners: [Owner]
    ) throws(InputError) {
        self.name = try Validate.text(name, field: .name)
        self.kind = kind
        self.channel = channel
        switch channel {
        case .web:
            guard let url, appId == nil else {
                throw InputError(
                    field: .channel, value: "web", reason: "a web solution needs \(Field.url) and no \(Field.appId)")
            }
            self.url = try Validate.url(url, field: .url)
        case .app:
            guard let appId, url == nil else {
                throw InputError(
                    field: .channel, value: "app", reason: "an app solution needs \(Field.appId) and no \(Field.url)")
            }
            self.appId = try Validate.text(appId, field: .appId)
        }
        self.audience = audience
        self.mandatory = mandatory
        self.mandatedBy = try Validate.optionalText(mandatedBy, field: .mandatedBy)
        guard !owners.isEmpty else {
            throw InputError(field: .owner, value: "", reason: "a solution needs at least one owning authority")
        }
        self.owners = owners
    }
}

/// The fields a `solution edit` changes; nil leaves a field as it is, owners are replaced when given.
public struct SolutionEdit: Sendable {
    /// A new name.
    public var name: String?
    /// A new kind.
    public var kind: SolutionKind?
    /// Another channel; the old channel's address is dropped unless a new one is given.
    public var channel: Channel?
    /// A new address.
    public var url: String?
    /// A new app id.
    public var appId: String?
    /// A new audience.
    public var audience: Audience?
    /// Whether it is mandatory now.
    public var mandatory: Bool?
    /// A new mandating law or rule.
    public var mandatedBy: String?
    /// Owners to replace the current ones.
    public var owners: [SolutionDraft.Owner]?
    /// First-party domains to replace the current ones (empty removes them); checked by
    /// `FirstPartyDomains.validate`.
    public var firstParty: [String]?

    /// An edit that changes nothing yet: set the fields to change.
    public init() {}

    var isEmpty: Bool {
        name == nil && kind == nil && channel == nil && url == nil && appId == nil && audience == nil
            && mandatory == nil && mandatedBy == nil && owners == nil && firstParty == nil
    }
}

extension Registry {
    /// Adds a solution and its owners; its §2 scope follows from its fields.
    public func addSolution(_ draft: SolutionDraft, _ context: ChangeContext) throws -> SolutionInfo {
        try write(context) { db in
            var record = SolutionRecord(
                id: nil, name: draft.name, kind: draft.kind, channel: draft.channel, url: draft.url,
                appId: draft.appId, audience: draft.audience, mandatory: draft.mandatory,
                mandatedBy: draft.mandatedBy)
            try record.insert(db)
            try replaceOwners(of: record.id!, with: draft.owners, db)
            try replaceFirstParty(of: record.id!, with: FirstPartyDomains.validate(draft.firstParty), db)
            return (try InfoLoader.solutions(db, ids: [record.id!])[0], [RecordID(.solution, record.id!)])
        }
    }

    /// Every solution, in id order.
    public func solutions() throws -> [SolutionInfo] {
        try read { db in try InfoLoader.solutions(db, ids: nil) }
    }

    /// The solution a reference names: an id such as `SOL-3`, or an unambiguous name.
    public func solution(_ reference: String) throws -> SolutionInfo {
        try read { db in
            let id = try resolve(reference, field: nil, kinds: [.solution], db)
            return try InfoLoader.solutions(db, ids: [id.number])[0]
        }
    }

    /// Changes the fields `edit` gives and returns the solution as it now is.
    public func editSolution(
        _ reference: String, _ edit: SolutionEdit, _ context: ChangeContext
    ) throws -> SolutionInfo {
        try write(context) { db in
            let id = try resolve(reference, field: nil, kinds: [.solution], db)
            guard !edit.isEmpty else { throw RegistryError.nothingToChange(id) }
            var record = try SolutionRecord.find(db, key: id.number)
            let channel = edit.channel ?? record.channel
            // Switching channel drops the address of the other channel unless a new one is given.
            let url = edit.url ?? (channel == .web ? record.url : nil)
            let appId = edit.appId ?? (channel == .app ? record.appId : nil)
            let currentOwners = try InfoLoader.solutions(db, ids: [id.number])[0].owners.map {
                SolutionDraft.Owner(authority: $0.authority.description, role: $0.role)
            }
            let draft = try SolutionDraft(
                name: edit.name ?? record.name, kind: edit.kind ?? record.kind, channel: channel, url: url,
                appId: appId, audience: edit.audience ?? record.audience,
                mandatory: edit.mandatory ?? record.mandatory,
                mandatedBy: edit.mandatedBy ?? record.mandatedBy, owners: edit.owners ?? currentOwners)
            record = SolutionRecord(
                id: id.number, name: draft.name, kind: draft.kind, channel: draft.channel, url: draft.url,
                appId: draft.appId, audience: draft.audience, mandatory: draft.mandatory,
                mandatedBy: draft.mandatedBy)
            try record.update(db)
            if edit.owners != nil { try replaceOwners(of: id.number, with: draft.owners, db) }
            if let firstParty = edit.firstParty {
                try replaceFirstParty(of: id.number, with: FirstPartyDomains.validate(firstParty), db)
            }
            return (try InfoLoader.solutions(db, ids: [id.number])[0], [id])
        }
    }

    /// Removes a solution that no usage refers to; its owner links go with it.
    public func removeSolution(_ reference: String, _ context: ChangeContext) throws -> RecordID {
        try write(context) { db in
            let id = try resolve(reference, field: nil, kinds: [.solution], db)
            let dependents = try Int64.fetchAll(
                db, sql: "SELECT id FROM usage WHERE solutionId = ? ORDER BY id", arguments: [id.number]
            ).map { RecordID(.usage, $0) }
            guard dependents.isEmpty else { throw RegistryError.inUse(id, dependents: dependents) }
            try SolutionRecord.deleteOne(db, key: id.number)
            return (id, [id])
        }
    }

    private func replaceOwners(of solutionId: Int64, with owners: [SolutionDraft.Owner], _ db: Database) throws {
        try SolutionOwnerRecord.filter(SolutionOwnerRecord.Columns.solutionId == solutionId).deleteAll(db)
        var seen: Set<Int64> = []
        for owner in owners {
            let authority = try resolve(owner.authority, field: .owner, kinds: [.authority], db)
            guard seen.insert(authority.number).inserted else {
                throw InputError(field: .owner, value: owner.authority, reason: "names \(authority) twice")
            }
            try SolutionOwnerRecord(solutionId: solutionId, authorityId: authority.number, role: owner.role)
                .insert(db)
        }
    }
}
