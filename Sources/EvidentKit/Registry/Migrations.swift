import GRDB

/// The registry's schema as a list of frozen migrations.
///
/// A migration, once released, is never edited: the SQL is spelled out as
/// strings rather than built from the record types, so that later changes to
/// the Swift code cannot change what an old migration does.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 registry") { db in
            try db.execute(sql: v1)
        }
        migrator.registerMigration("v2 evidence parties") { db in
            try db.execute(sql: v2)
        }
        migrator.registerMigration("v3 audit record forms") { db in
            try db.execute(sql: v3)
        }
        migrator.registerMigration("v4 first-party domains") { db in
            try db.execute(sql: v4)
        }
        migrator.registerMigration("v5 received bundles") { db in
            try db.execute(sql: v5)
        }
        migrator.registerMigration("v6 received bundles kept in parts") { db in
            try db.execute(sql: v6)
        }
        return migrator
    }

    static let v1 = """
        CREATE TABLE authority (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          name TEXT NOT NULL CHECK (name <> ''),
          cvr TEXT NOT NULL UNIQUE CHECK (length(cvr) = 8),
          kind TEXT NOT NULL CHECK (kind IN ('state', 'region', 'municipality', 'private'))
        );
        CREATE TABLE solution (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          name TEXT NOT NULL CHECK (name <> ''),
          kind TEXT NOT NULL CHECK (kind IN ('self-service', 'national-portal', 'information')),
          channel TEXT NOT NULL CHECK (channel IN ('web', 'app')),
          url TEXT,
          appId TEXT,
          audience TEXT NOT NULL CHECK (audience IN ('citizens', 'businesses', 'both')),
          mandatory INTEGER NOT NULL CHECK (mandatory IN (0, 1)),
          mandatedBy TEXT,
          CHECK ((channel = 'web' AND url IS NOT NULL AND appId IS NULL)
              OR (channel = 'app' AND appId IS NOT NULL AND url IS NULL))
        );
        CREATE TABLE solutionOwner (
          solutionId INTEGER NOT NULL REFERENCES solution(id) ON DELETE CASCADE,
          authorityId INTEGER NOT NULL REFERENCES authority(id) ON DELETE RESTRICT,
          role TEXT NOT NULL CHECK (role IN ('responsible', 'co-owner', 'operator')),
          PRIMARY KEY (solutionId, authorityId)
        ) WITHOUT ROWID;
        CREATE INDEX solutionOwner_authorityId ON solutionOwner(authorityId);
        CREATE TABLE vendor (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          name TEXT NOT NULL CHECK (name <> ''),
          country TEXT NOT NULL CHECK (length(country) = 2),
          cvr TEXT CHECK (cvr IS NULL OR length(cvr) = 8),
          vat TEXT,
          website TEXT
        );
        CREATE TABLE service (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          vendorId INTEGER NOT NULL REFERENCES vendor(id) ON DELETE RESTRICT,
          name TEXT NOT NULL CHECK (name <> ''),
          category TEXT NOT NULL CHECK (category IN ('statistics', 'fonts', 'video', 'images', 'maps',
            'chat', 'consent', 'security', 'login', 'cdn', 'other')),
          hosts TEXT NOT NULL,
          cookies TEXT NOT NULL
        );
        CREATE INDEX service_vendorId ON service(vendorId);
        CREATE TABLE usage (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          solutionId INTEGER NOT NULL REFERENCES solution(id) ON DELETE RESTRICT,
          serviceId INTEGER NOT NULL REFERENCES service(id) ON DELETE RESTRICT,
          since TEXT NOT NULL,
          until TEXT,
          purpose TEXT,
          route TEXT NOT NULL CHECK (route IN ('opt-out', 'agreement', 'technically-necessary', 'none')),
          vendorOwnPurposes TEXT NOT NULL CHECK (vendorOwnPurposes IN ('yes', 'no', 'unknown')),
          CHECK (until IS NULL OR until >= since)
        );
        CREATE INDEX usage_solutionId ON usage(solutionId);
        CREATE INDEX usage_serviceId ON usage(serviceId);
        CREATE TABLE document (
          sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
          size INTEGER NOT NULL CHECK (size > 0),
          mediaType TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE evidence (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          kind TEXT NOT NULL CHECK (kind IN ('opt-out-screenshot', 'opt-out-config',
            'data-processing-agreement', 'agreement', 'technical-justification', 'vendor-terms', 'other')),
          title TEXT NOT NULL CHECK (title <> ''),
          captured TEXT,
          signed TEXT,
          validFrom TEXT,
          validUntil TEXT,
          reviewBy TEXT,
          noticeDays INTEGER CHECK (noticeDays IS NULL OR noticeDays >= 0),
          clause TEXT,
          supersedesId INTEGER REFERENCES evidence(id) ON DELETE RESTRICT,
          filedAt TEXT NOT NULL,
          filedBy TEXT NOT NULL,
          withdrawnAt TEXT,
          withdrawnBy TEXT,
          withdrawnReason TEXT,
          CHECK (validFrom IS NULL OR validUntil IS NULL OR validUntil >= validFrom)
        );
        CREATE INDEX evidence_supersedesId ON evidence(supersedesId);
        CREATE TABLE evidenceFile (
          evidenceId INTEGER NOT NULL REFERENCES evidence(id) ON DELETE RESTRICT,
          position INTEGER NOT NULL,
          sha256 TEXT NOT NULL REFERENCES document(sha256) ON DELETE RESTRICT,
          fileName TEXT NOT NULL,
          PRIMARY KEY (evidenceId, position)
        ) WITHOUT ROWID;
        CREATE INDEX evidenceFile_sha256 ON evidenceFile(sha256);
        CREATE TABLE coverage (
          evidenceId INTEGER NOT NULL REFERENCES evidence(id) ON DELETE RESTRICT,
          usageId INTEGER REFERENCES usage(id) ON DELETE RESTRICT,
          serviceId INTEGER REFERENCES service(id) ON DELETE RESTRICT,
          vendorId INTEGER REFERENCES vendor(id) ON DELETE RESTRICT,
          CHECK ((usageId IS NOT NULL) + (serviceId IS NOT NULL) + (vendorId IS NOT NULL) = 1)
        );
        CREATE INDEX coverage_evidenceId ON coverage(evidenceId);
        CREATE INDEX coverage_usageId ON coverage(usageId);
        CREATE INDEX coverage_serviceId ON coverage(serviceId);
        CREATE INDEX coverage_vendorId ON coverage(vendorId);
        CREATE TRIGGER evidence_never_deleted BEFORE DELETE ON evidence
        BEGIN SELECT RAISE(ABORT, 'evidence is never deleted, only withdrawn'); END;
        CREATE TRIGGER evidenceFile_never_deleted BEFORE DELETE ON evidenceFile
        BEGIN SELECT RAISE(ABORT, 'evidence files are never deleted'); END;
        CREATE TABLE auditEvent (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          at TEXT NOT NULL,
          actor TEXT NOT NULL,
          command TEXT NOT NULL,
          records TEXT NOT NULL,
          previousHash TEXT NOT NULL,
          hash TEXT NOT NULL UNIQUE
        );
        CREATE TRIGGER auditEvent_append_only_update BEFORE UPDATE ON auditEvent
        BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
        CREATE TRIGGER auditEvent_append_only_delete BEFORE DELETE ON auditEvent
        BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
        CREATE TABLE setting (
          key TEXT PRIMARY KEY,
          value TEXT NOT NULL
        ) WITHOUT ROWID;
        """

    /// Rules version 2: evidence names its parties, opt-out evidence is captured, not signed.
    ///
    /// Existing evidence gets the parties that keep its verdicts: the owners of every solution whose usages it
    /// covers, directly or through their service or vendor. Every evidence row is marked for the audit trail,
    /// which `Registry.open` then records in one event, so the change is traced as any other.
    static let v2 = """
        ALTER TABLE evidence ADD COLUMN allState INTEGER NOT NULL DEFAULT 0 CHECK (allState IN (0, 1));
        CREATE TABLE evidenceParty (
          evidenceId INTEGER NOT NULL REFERENCES evidence(id) ON DELETE RESTRICT,
          authorityId INTEGER NOT NULL REFERENCES authority(id) ON DELETE RESTRICT,
          PRIMARY KEY (evidenceId, authorityId)
        ) WITHOUT ROWID;
        CREATE INDEX evidenceParty_authorityId ON evidenceParty(authorityId);
        CREATE TABLE auditPending (
          recordId TEXT PRIMARY KEY,
          change TEXT NOT NULL
        ) WITHOUT ROWID;
        INSERT OR IGNORE INTO evidenceParty (evidenceId, authorityId)
          SELECT c.evidenceId, o.authorityId FROM coverage c
            JOIN usage u ON u.id = c.usageId JOIN solutionOwner o ON o.solutionId = u.solutionId
          UNION SELECT c.evidenceId, o.authorityId FROM coverage c
            JOIN usage u ON u.serviceId = c.serviceId JOIN solutionOwner o ON o.solutionId = u.solutionId
          UNION SELECT c.evidenceId, o.authorityId FROM coverage c
            JOIN service s ON s.vendorId = c.vendorId JOIN usage u ON u.serviceId = s.id
            JOIN solutionOwner o ON o.solutionId = u.solutionId;
        UPDATE evidence SET captured = coalesce(captured, signed), signed = NULL
          WHERE kind IN ('opt-out-screenshot', 'opt-out-config') AND signed IS NOT NULL;
        INSERT INTO auditPending (recordId, change)
          SELECT 'EVD-' || id, 'migration v2: evidence parties, opt-out capture dates' FROM evidence;
        """

    /// The content of every record an event touched, so that the registry of any later moment can be rebuilt;
    /// the first event that stores it for every record it touches; and whether the forms of records unchanged
    /// since earlier events were stored too (`AuditTrail.storeEarlierForms`, in Swift after every migration).
    static let v3 = """
        CREATE TABLE auditRecordForm (
          eventId INTEGER NOT NULL REFERENCES auditEvent(id) ON DELETE RESTRICT,
          recordId TEXT NOT NULL,
          form TEXT NOT NULL,
          PRIMARY KEY (eventId, recordId)
        ) WITHOUT ROWID;
        CREATE TRIGGER auditRecordForm_append_only_update BEFORE UPDATE ON auditRecordForm
        BEGIN SELECT RAISE(ABORT, 'audit record forms are append-only'); END;
        CREATE TRIGGER auditRecordForm_append_only_delete BEFORE DELETE ON auditRecordForm
        BEGIN SELECT RAISE(ABORT, 'audit record forms are append-only'); END;
        CREATE TABLE auditFormsFrom (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          eventId INTEGER NOT NULL,
          earlierStored INTEGER NOT NULL CHECK (earlierStored IN (0, 1))
        );
        INSERT INTO auditFormsFrom (id, eventId, earlierStored)
        SELECT 1, coalesce(max(id), 0) + 1, count(*) = 0 FROM auditEvent;
        CREATE TRIGGER auditFormsFrom_fixed_update BEFORE UPDATE ON auditFormsFrom
        WHEN NEW.id <> OLD.id OR NEW.eventId <> OLD.eventId OR OLD.earlierStored = 1
        BEGIN SELECT RAISE(ABORT, 'the start of the audit record forms is fixed'); END;
        CREATE TRIGGER auditFormsFrom_fixed_delete BEFORE DELETE ON auditFormsFrom
        BEGIN SELECT RAISE(ABORT, 'the start of the audit record forms is fixed'); END;
        """

    /// The domains a solution serves itself from besides its URL's (a scan treats them as first party), and
    /// `scan` evidence: a capture of what a solution loaded, which proves no route. SQLite cannot widen a CHECK
    /// in place, so the evidence table is rebuilt with the same rows (foreign keys are checked after the
    /// migration; the triggers and index are made again).
    static let v4 = """
        CREATE TABLE solutionFirstParty (
          solutionId INTEGER NOT NULL REFERENCES solution(id) ON DELETE CASCADE,
          domain TEXT NOT NULL CHECK (domain <> ''),
          PRIMARY KEY (solutionId, domain)
        ) WITHOUT ROWID;
        CREATE TABLE evidence_v4 (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          kind TEXT NOT NULL CHECK (kind IN ('opt-out-screenshot', 'opt-out-config',
            'data-processing-agreement', 'agreement', 'technical-justification', 'vendor-terms', 'other', 'scan')),
          title TEXT NOT NULL CHECK (title <> ''),
          captured TEXT,
          signed TEXT,
          validFrom TEXT,
          validUntil TEXT,
          reviewBy TEXT,
          noticeDays INTEGER CHECK (noticeDays IS NULL OR noticeDays >= 0),
          clause TEXT,
          supersedesId INTEGER REFERENCES evidence(id) ON DELETE RESTRICT,
          filedAt TEXT NOT NULL,
          filedBy TEXT NOT NULL,
          withdrawnAt TEXT,
          withdrawnBy TEXT,
          withdrawnReason TEXT,
          allState INTEGER NOT NULL DEFAULT 0 CHECK (allState IN (0, 1)),
          CHECK (validFrom IS NULL OR validUntil IS NULL OR validUntil >= validFrom)
        );
        INSERT INTO evidence_v4 (id, kind, title, captured, signed, validFrom, validUntil, reviewBy, noticeDays,
            clause, supersedesId, filedAt, filedBy, withdrawnAt, withdrawnBy, withdrawnReason, allState)
          SELECT id, kind, title, captured, signed, validFrom, validUntil, reviewBy, noticeDays,
            clause, supersedesId, filedAt, filedBy, withdrawnAt, withdrawnBy, withdrawnReason, allState
          FROM evidence;
        DROP TABLE evidence;
        ALTER TABLE evidence_v4 RENAME TO evidence;
        CREATE INDEX evidence_supersedesId ON evidence(supersedesId);
        CREATE TRIGGER evidence_never_deleted BEFORE DELETE ON evidence
        BEGIN SELECT RAISE(ABORT, 'evidence is never deleted, only withdrawn'); END;
        """

    /// Bundles that other authorities handed in, as the supervising authority's intake recorded them: the bundle
    /// (its bytes a document in the store), the solutions it covers and its verdicts. Received bundles are never
    /// changed once recorded.
    static let v5 = """
        CREATE TABLE receivedBundle (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          sha256 TEXT NOT NULL UNIQUE REFERENCES document(sha256) ON DELETE RESTRICT,
          identifier TEXT NOT NULL CHECK (identifier <> ''),
          signer TEXT NOT NULL,
          principals TEXT NOT NULL,
          sealedAt TEXT NOT NULL,
          asOf TEXT NOT NULL,
          rulesVersion INTEGER NOT NULL,
          receivedAt TEXT NOT NULL,
          receivedBy TEXT NOT NULL
        );
        CREATE TABLE receivedSolution (
          bundleId INTEGER NOT NULL REFERENCES receivedBundle(id) ON DELETE RESTRICT,
          solution TEXT NOT NULL,
          key TEXT NOT NULL,
          name TEXT NOT NULL,
          cvr TEXT NOT NULL CHECK (length(cvr) = 8),
          authorityName TEXT NOT NULL,
          covered INTEGER NOT NULL CHECK (covered IN (0, 1)),
          PRIMARY KEY (bundleId, solution)
        ) WITHOUT ROWID;
        CREATE INDEX receivedSolution_key ON receivedSolution(key);
        CREATE TABLE receivedVerdict (
          bundleId INTEGER NOT NULL REFERENCES receivedBundle(id) ON DELETE RESTRICT,
          usage TEXT NOT NULL,
          solution TEXT NOT NULL,
          service TEXT NOT NULL,
          vendor TEXT NOT NULL,
          outcome TEXT NOT NULL
            CHECK (outcome IN ('compliant', 'expiring', 'missing-evidence', 'non-compliant', 'out-of-scope')),
          rule TEXT NOT NULL,
          reasonDa TEXT NOT NULL,
          reasonEn TEXT NOT NULL,
          evidence TEXT NOT NULL,
          PRIMARY KEY (bundleId, usage)
        ) WITHOUT ROWID;
        """

    /// A received bundle is kept as its frame (the document `sha256`: the tar without its parts' data) and its
    /// parts (each payload file's data, a document of its own, and where it lies in the tar), and named by the
    /// SHA-256 of its tag manifest. Bundles received before have no parts (their document is the whole tar) and
    /// no recorded tag manifest.
    static let v6 = """
        ALTER TABLE receivedBundle ADD COLUMN tagManifest TEXT CHECK (tagManifest IS NULL OR length(tagManifest) = 64);
        CREATE UNIQUE INDEX receivedBundle_tagManifest ON receivedBundle(tagManifest);
        CREATE TABLE receivedPart (
          bundleId INTEGER NOT NULL REFERENCES receivedBundle(id) ON DELETE RESTRICT,
          dataOffset INTEGER NOT NULL CHECK (dataOffset >= 0),
          size INTEGER NOT NULL CHECK (size > 0),
          sha256 TEXT NOT NULL REFERENCES document(sha256) ON DELETE RESTRICT,
          PRIMARY KEY (bundleId, dataOffset)
        ) WITHOUT ROWID;
        CREATE INDEX receivedPart_sha256 ON receivedPart(sha256);
        """
}
