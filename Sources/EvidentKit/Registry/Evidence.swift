import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// New evidence, checked: what it is, what it covers, and the dates it speaks about.
///
/// The dates are the evidence's own (captured, signed, valid, review); the
/// filing date is recorded separately, so evidence can be back-filed.
public struct EvidenceDraft: Sendable {
    /// What it is, which decides the files it may hold and the route it proves.
    public var kind: EvidenceKind
    /// A title for people, such as the agreement's name.
    public var title: String
    /// The usages, services or vendors it covers, as references (ids or names).
    public var covers: [String]
    /// The days it speaks about.
    public var dates: EvidenceDates
    /// Where it forbids own-purpose use, such as `Punkt 7.1`; R2 needs one.
    public var clause: String?
    /// Evidence it replaces, as a reference; that evidence stops counting once this is filed.
    public var supersedes: String?
    /// The authorities it binds (references), or `all-state` alone for a framework agreement; empty means
    /// the owners of the solutions whose usages it covers.
    public var parties: [String]

    /// The party that stands for every state authority: a framework agreement.
    public static let allStateParty = "all-state"

    /// Checks the fields, and the dates against each other; throws naming the first one that is wrong.
    public init(
        kind: EvidenceKind, title: String, covers: [String], dates: EvidenceDates = EvidenceDates(),
        clause: String? = nil, supersedes: String? = nil, parties: [String] = []
    ) throws(InputError) {
        self.kind = kind
        self.title = try Validate.text(title, field: .title)
        guard !covers.isEmpty else {
            throw InputError(field: .covers, value: "", reason: "name at least one usage, service or vendor")
        }
        self.covers = covers
        try dates.validate(for: kind)
        self.dates = dates
        self.clause = try Validate.optionalText(clause, field: .clause)
        self.supersedes = supersedes
        try Self.checkParties(parties)
        self.parties = parties
    }

    /// `all-state` stands alone: a framework agreement binds every state authority, not a list.
    static func checkParties(_ parties: [String]) throws(InputError) {
        if parties.count > 1, parties.contains(where: { $0.lowercased() == allStateParty }) {
            throw InputError(
                field: .party, value: allStateParty,
                reason: "a framework agreement binds every state authority: give it alone, without other parties")
        }
    }
}

/// Whom a piece of evidence binds: the authorities named, or every state authority.
enum EvidenceParties: Equatable {
    case authorities([RecordID])
    case allState
}

/// The fields an `evidence edit` changes; nil leaves a field as it is, covers are replaced when given.
public struct EvidenceEdit: Sendable {
    /// The fields an edit can empty: the dates and the clause.
    public static let clearable: Set<Field> = [
        .captured, .signed, .validFrom, .validUntil, .reviewBy, .noticeDays, .clause,
    ]

    /// The kind it really is, when it was filed as another.
    public var kind: EvidenceKind?
    /// A new title.
    public var title: String?
    /// What it covers instead, as references.
    public var covers: [String]?
    /// The dates to change; a date left nil keeps its stored value.
    public var dates = EvidenceDates()
    /// A new clause reference.
    public var clause: String?
    /// The parties, replacing the current ones when given.
    public var parties: [String]?
    /// The fields to empty, from `clearable`.
    public var cleared: Set<Field> = []

    /// An edit that changes nothing yet: set the fields to change.
    public init() {}

    var isEmpty: Bool {
        kind == nil && title == nil && covers == nil && dates.isEmpty && clause == nil && parties == nil
            && cleared.isEmpty
    }

    /// Checks that only clearable fields are cleared, and none is both given and cleared.
    func checkCleared() throws(InputError) {
        for field in cleared.sorted(by: { $0.rawValue < $1.rawValue }) {
            guard Self.clearable.contains(field) else {
                throw InputError(field: field, value: "", reason: "cannot be emptied; give a value")
            }
            if dates.has(field) || (field == .clause && clause != nil) {
                throw InputError(field: field, value: "", reason: "give a value or empty it, not both")
            }
        }
    }

    /// The stored dates and clause with this edit's values put in place and its cleared fields emptied.
    func applied(to dates: EvidenceDates, clause: String?) -> (EvidenceDates, String?) {
        var result = dates.overridden(by: self.dates)
        for field in cleared { result.clear(field) }
        return (result, cleared.contains(.clause) ? nil : self.clause ?? clause)
    }
}

extension Registry {
    /// Files evidence with its documents: all files stored and all rows written, or nothing.
    ///
    /// References are checked before any file is read, so a typo does not cost
    /// streaming a large document; files are streamed and checked against the
    /// kind before the transaction; objects are moved into place inside it.
    public func fileEvidence(
        _ draft: EvidenceDraft, files: [String], _ context: ChangeContext
    ) throws -> EvidenceInfo {
        guard !files.isEmpty else {
            throw InputError(field: .files, value: "", reason: "give at least one file to file")
        }
        try draft.dates.checkNotFuture(today: today)
        _ = try read { db in try resolveParties(draft.parties, covers: try resolveEvidenceLinks(draft, db).covers, db) }
        try recoverInterruptedFilings()

        let placement = try ObjectPlacement(store: store)
        defer { placement.end() }
        var staged: [DocumentStore.Staged] = []
        // Staged at once, judged in order: the first file that fails is the one reported, as one by one. Several
        // files are made durable together by one flush before the commit, instead of one fsync each.
        let batch = files.count > 1
        for (path, result) in zip(files, placement.stage(paths: files, durable: !batch)) {
            let file = try result.get()
            staged.append(file)
            guard draft.kind.allowedMediaTypes.contains(file.mediaType) else {
                throw StoreError.kindMismatch(path: path, mediaType: file.mediaType, kind: draft.kind)
            }
        }

        do {
            return try write(context) { db in
                let (covers, supersedes) = try resolveEvidenceLinks(draft, db)
                let parties = try resolveParties(draft.parties, covers: covers, db)
                var record = EvidenceRecord(
                    id: nil, kind: draft.kind, title: draft.title, clause: draft.clause,
                    supersedesId: supersedes?.number, filedAt: timestamp(), filedBy: context.actor)
                record.dates = draft.dates
                record.allState = parties == .allState
                try record.insert(db)
                let id = record.id!
                try replaceParties(of: id, with: parties, db)
                for (position, file) in staged.enumerated() {
                    try DocumentRecord(sha256: file.sha256, size: file.size, mediaType: file.mediaType.rawValue)
                        .insert(db, onConflict: .ignore)
                    try EvidenceFileRecord(
                        evidenceId: id, position: position + 1, sha256: file.sha256, fileName: file.fileName
                    ).insert(db)
                }
                try replaceCoverage(of: id, with: covers, db)
                try placement.place(staged, batch: batch)
                let evidenceID = RecordID(.evidence, id)
                return (try InfoLoader.evidence(db, ids: [id])[0], [evidenceID] + (supersedes.map { [$0] } ?? []))
            }
        } catch {
            placement.undo()
            throw error
        }
    }

    /// Undoes what filings that died before their commit left behind: objects no row names, and temp files.
    ///
    /// A filing's intent is locked while it lives, so only dead filings' leftovers are touched, whoever runs
    /// this and from wherever. The objects are removed in a write transaction, so that no live filing of the
    /// same bytes is between placing and committing meanwhile. On a home that cannot be written nothing is
    /// removed, and `check` reports the objects as orphans.
    @discardableResult
    func recoverInterruptedFilings() throws -> (objects: Int, temporaryFiles: Int) {
        let dead = store.deadFilings()
        let abandoned = store.abandonedTemporaryFiles()
        guard !dead.isEmpty || !abandoned.isEmpty else { return (0, 0) }
        let writer: any DatabaseWriter
        do {
            writer = try self.writer
        } catch RegistryError.readOnlyHome {
            return (0, 0)
        }
        abandoned.forEach { unlink($0) }
        var removed = 0
        try Self.storageErrors {
            try writer.write { db in
                for intent in dead {
                    for sha256 in intent.sha256s
                    where try DocumentRecord.fetchOne(db, key: sha256) == nil
                        && FileManager.default.fileExists(atPath: store.objectPath(sha256: sha256))
                    {
                        store.removeObject(sha256: sha256)
                        removed += 1
                    }
                    intent.clear()
                }
            }
        }
        return (removed, abandoned.count)
    }

    func replaceCoverage(of evidenceId: Int64, with targets: [RecordID], _ db: Database) throws {
        try CoverageRecord.filter(CoverageRecord.Columns.evidenceId == evidenceId).deleteAll(db)
        for target in targets { try CoverageRecord(evidenceId: evidenceId, target: target).insert(db) }
    }

    /// The parties a draft names, or by default the owners of the solutions whose usages it covers.
    func resolveParties(_ references: [String], covers: [RecordID], _ db: Database) throws -> EvidenceParties {
        if references.map({ $0.lowercased() }) == [EvidenceDraft.allStateParty] { return .allState }
        if !references.isEmpty {
            var parties: [RecordID] = []
            for reference in references {
                let party = try resolve(reference, field: .party, kinds: [.authority], db)
                if !parties.contains(party) { parties.append(party) }
            }
            return .authorities(parties.sorted())
        }
        guard covers.allSatisfy({ $0.kind == .usage }) else {
            throw InputError(
                field: .party, value: "",
                reason: """
                    evidence that covers a vendor or service must name its parties (\(Field.party)): the \
                    authorities whose setup or agreement it is, or all-state for a framework agreement
                    """)
        }
        let owners = try Int64.fetchAll(
            db,
            sql: """
                SELECT DISTINCT o.authorityId FROM usage u JOIN solutionOwner o ON o.solutionId = u.solutionId
                WHERE u.id IN (SELECT value FROM json_each(?)) ORDER BY 1
                """, arguments: [InfoLoader.jsonArray(covers.map(\.number))])
        return .authorities(owners.map { RecordID(.authority, $0) })
    }

    func replaceParties(of evidenceId: Int64, with parties: EvidenceParties, _ db: Database) throws {
        try EvidencePartyRecord.filter(EvidencePartyRecord.Columns.evidenceId == evidenceId).deleteAll(db)
        guard case .authorities(let authorities) = parties else { return }
        for party in authorities {
            try EvidencePartyRecord(evidenceId: evidenceId, authorityId: party.number).insert(db)
        }
    }

    private func resolveEvidenceLinks(
        _ draft: EvidenceDraft, _ db: Database
    ) throws -> (covers: [RecordID], supersedes: RecordID?) {
        var covers: [RecordID] = []
        for reference in draft.covers {
            let target = try resolve(reference, field: .covers, kinds: [.usage, .service, .vendor], db)
            if !covers.contains(target) { covers.append(target) }
        }
        guard let reference = draft.supersedes else { return (covers, nil) }
        let supersedes = try resolve(reference, field: .supersedes, kinds: [.evidence], db)
        if try EvidenceRecord.find(db, key: supersedes.number).withdrawnAt != nil {
            throw RegistryError.withdrawn(field: .supersedes, supersedes)
        }
        let successors = try Self.successors(of: supersedes, db)
        guard successors.isEmpty else { throw RegistryError.superseded(supersedes, by: successors) }
        return (covers, supersedes)
    }

    /// Every piece of evidence, superseded and withdrawn included, in id order.
    public func evidenceList() throws -> [EvidenceInfo] {
        try read { db in try InfoLoader.evidence(db, ids: nil) }
    }

    /// The evidence a reference names: an id such as `EVD-1`, or an unambiguous title.
    public func evidence(_ reference: String) throws -> EvidenceInfo {
        try read { db in
            let id = try resolve(reference, field: nil, kinds: [.evidence], db)
            return try InfoLoader.evidence(db, ids: [id.number])[0]
        }
    }

    /// Changes the fields `edit` gives and returns the evidence as it now is.
    ///
    /// Withdrawn and superseded evidence cannot be edited: it stays as it was when it stopped counting, and
    /// its successor or a restore is where a correction belongs. A new kind must fit the stored documents.
    public func editEvidence(
        _ reference: String, _ edit: EvidenceEdit, _ context: ChangeContext
    ) throws -> EvidenceInfo {
        try edit.checkCleared()
        return try write(context) { db in
            let id = try resolve(reference, field: nil, kinds: [.evidence], db)
            guard !edit.isEmpty else { throw RegistryError.nothingToChange(id) }
            var record = try EvidenceRecord.find(db, key: id.number)
            try Self.checkEditable(record, id, db)
            let currentCovers = try CoverageRecord.filter(CoverageRecord.Columns.evidenceId == id.number)
                .fetchAll(db).map(\.target.description)
            let currentParties = try EvidencePartyRecord.filter(EvidencePartyRecord.Columns.evidenceId == id.number)
                .fetchAll(db).map { RecordID(.authority, $0.authorityId).description }
            let (dates, clause) = edit.applied(to: record.dates, clause: record.clause)
            let draft = try EvidenceDraft(
                kind: edit.kind ?? record.kind, title: edit.title ?? record.title,
                covers: edit.covers ?? currentCovers, dates: dates, clause: clause,
                parties: edit.parties ?? (record.allState ? [EvidenceDraft.allStateParty] : currentParties))
            try draft.dates.checkNotFuture(today: today)
            if draft.kind != record.kind { try Self.checkDocuments(of: id, fit: draft.kind, db) }
            (record.kind, record.title, record.dates, record.clause) = (
                draft.kind, draft.title, draft.dates, draft.clause
            )
            let covers = try resolveEvidenceLinks(draft, db).covers
            let parties = try resolveParties(draft.parties, covers: covers, db)
            record.allState = parties == .allState
            try record.update(db)
            if edit.covers != nil { try replaceCoverage(of: id.number, with: covers, db) }
            try replaceParties(of: id.number, with: parties, db)
            return (try InfoLoader.evidence(db, ids: [id.number])[0], [id])
        }
    }

    /// Refuses an edit of evidence that no longer counts: withdrawn, or replaced by a successor.
    private static func checkEditable(_ record: EvidenceRecord, _ id: RecordID, _ db: Database) throws {
        guard record.withdrawnAt == nil else { throw RegistryError.alreadyWithdrawn(id) }
        let successors = try successors(of: id, db)
        guard successors.isEmpty else { throw RegistryError.superseded(id, by: successors) }
    }

    /// The evidence that supersedes `id` and counts.
    private static func successors(of id: RecordID, _ db: Database) throws -> [RecordID] {
        try Int64.fetchAll(
            db, sql: "SELECT id FROM evidence WHERE supersedesId = ? AND withdrawnAt IS NULL ORDER BY id",
            arguments: [id.number]
        ).map { RecordID(.evidence, $0) }
    }

    /// Refuses a kind that the stored documents do not fit, naming the first that does not.
    private static func checkDocuments(of id: RecordID, fit kind: EvidenceKind, _ db: Database) throws {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT f.fileName, d.mediaType FROM evidenceFile f JOIN document d ON d.sha256 = f.sha256
                WHERE f.evidenceId = ? ORDER BY f.position
                """, arguments: [id.number])
        for row in rows {
            let mediaType = MediaType(rawValue: row[1]) ?? .binary
            guard kind.allowedMediaTypes.contains(mediaType) else {
                throw StoreError.kindMismatch(path: row[0], mediaType: mediaType, kind: kind)
            }
        }
    }

    /// Withdraws evidence: it stops counting, but its rows, bytes and history stay.
    public func withdrawEvidence(
        _ reference: String, reason: String?, _ context: ChangeContext
    ) throws -> EvidenceInfo {
        let reason = try Validate.optionalText(reason, field: .reason)
        return try write(context) { db in
            let id = try resolve(reference, field: nil, kinds: [.evidence], db)
            var record = try EvidenceRecord.find(db, key: id.number)
            guard record.withdrawnAt == nil else { throw RegistryError.alreadyWithdrawn(id) }
            (record.withdrawnAt, record.withdrawnBy, record.withdrawnReason) = (timestamp(), context.actor, reason)
            try record.update(db)
            return (try InfoLoader.evidence(db, ids: [id.number])[0], [id])
        }
    }

    /// Takes a withdrawal back: the evidence counts again, and the audit trail keeps both changes.
    public func restoreEvidence(_ reference: String, _ context: ChangeContext) throws -> EvidenceInfo {
        try write(context) { db in
            let id = try resolve(reference, field: nil, kinds: [.evidence], db)
            var record = try EvidenceRecord.find(db, key: id.number)
            guard record.withdrawnAt != nil else { throw RegistryError.notWithdrawn(id) }
            (record.withdrawnAt, record.withdrawnBy, record.withdrawnReason) = (nil, nil, nil)
            try record.update(db)
            return (try InfoLoader.evidence(db, ids: [id.number])[0], [id])
        }
    }
}
