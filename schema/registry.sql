CREATE TABLE auditEvent (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  command TEXT NOT NULL,
  records TEXT NOT NULL,
  previousHash TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE
);

CREATE TABLE auditFormsFrom (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  eventId INTEGER NOT NULL,
  earlierStored INTEGER NOT NULL CHECK (earlierStored IN (0, 1))
);

CREATE TABLE auditPending (
  recordId TEXT PRIMARY KEY,
  change TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE auditRecordForm (
  eventId INTEGER NOT NULL REFERENCES auditEvent(id) ON DELETE RESTRICT,
  recordId TEXT NOT NULL,
  form TEXT NOT NULL,
  PRIMARY KEY (eventId, recordId)
) WITHOUT ROWID;

CREATE TABLE authority (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL CHECK (name <> ''),
  cvr TEXT NOT NULL UNIQUE CHECK (length(cvr) = 8),
  kind TEXT NOT NULL CHECK (kind IN ('state', 'region', 'municipality', 'private'))
);

CREATE TABLE coverage (
  evidenceId INTEGER NOT NULL REFERENCES evidence(id) ON DELETE RESTRICT,
  usageId INTEGER REFERENCES usage(id) ON DELETE RESTRICT,
  serviceId INTEGER REFERENCES service(id) ON DELETE RESTRICT,
  vendorId INTEGER REFERENCES vendor(id) ON DELETE RESTRICT,
  CHECK ((usageId IS NOT NULL) + (serviceId IS NOT NULL) + (vendorId IS NOT NULL) = 1)
);

CREATE TABLE document (
  sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
  size INTEGER NOT NULL CHECK (size > 0),
  mediaType TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE "evidence" (
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

CREATE TABLE evidenceFile (
  evidenceId INTEGER NOT NULL REFERENCES evidence(id) ON DELETE RESTRICT,
  position INTEGER NOT NULL,
  sha256 TEXT NOT NULL REFERENCES document(sha256) ON DELETE RESTRICT,
  fileName TEXT NOT NULL,
  PRIMARY KEY (evidenceId, position)
) WITHOUT ROWID;

CREATE TABLE evidenceParty (
  evidenceId INTEGER NOT NULL REFERENCES evidence(id) ON DELETE RESTRICT,
  authorityId INTEGER NOT NULL REFERENCES authority(id) ON DELETE RESTRICT,
  PRIMARY KEY (evidenceId, authorityId)
) WITHOUT ROWID;

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
, tagManifest TEXT CHECK (tagManifest IS NULL OR length(tagManifest) = 64));

CREATE TABLE receivedPart (
  bundleId INTEGER NOT NULL REFERENCES receivedBundle(id) ON DELETE RESTRICT,
  dataOffset INTEGER NOT NULL CHECK (dataOffset >= 0),
  size INTEGER NOT NULL CHECK (size > 0),
  sha256 TEXT NOT NULL REFERENCES document(sha256) ON DELETE RESTRICT,
  PRIMARY KEY (bundleId, dataOffset)
) WITHOUT ROWID;

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

CREATE TABLE service (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  vendorId INTEGER NOT NULL REFERENCES vendor(id) ON DELETE RESTRICT,
  name TEXT NOT NULL CHECK (name <> ''),
  category TEXT NOT NULL CHECK (category IN ('statistics', 'fonts', 'video', 'images', 'maps',
    'chat', 'consent', 'security', 'login', 'cdn', 'other')),
  hosts TEXT NOT NULL,
  cookies TEXT NOT NULL
);

CREATE TABLE setting (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

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

CREATE TABLE solutionFirstParty (
  solutionId INTEGER NOT NULL REFERENCES solution(id) ON DELETE CASCADE,
  domain TEXT NOT NULL CHECK (domain <> ''),
  PRIMARY KEY (solutionId, domain)
) WITHOUT ROWID;

CREATE TABLE solutionOwner (
  solutionId INTEGER NOT NULL REFERENCES solution(id) ON DELETE CASCADE,
  authorityId INTEGER NOT NULL REFERENCES authority(id) ON DELETE RESTRICT,
  role TEXT NOT NULL CHECK (role IN ('responsible', 'co-owner', 'operator')),
  PRIMARY KEY (solutionId, authorityId)
) WITHOUT ROWID;

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

CREATE TABLE vendor (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL CHECK (name <> ''),
  country TEXT NOT NULL CHECK (length(country) = 2),
  cvr TEXT CHECK (cvr IS NULL OR length(cvr) = 8),
  vat TEXT,
  website TEXT
);

CREATE INDEX coverage_evidenceId ON coverage(evidenceId);

CREATE INDEX coverage_serviceId ON coverage(serviceId);

CREATE INDEX coverage_usageId ON coverage(usageId);

CREATE INDEX coverage_vendorId ON coverage(vendorId);

CREATE INDEX evidenceFile_sha256 ON evidenceFile(sha256);

CREATE INDEX evidenceParty_authorityId ON evidenceParty(authorityId);

CREATE INDEX evidence_supersedesId ON evidence(supersedesId);

CREATE UNIQUE INDEX receivedBundle_tagManifest ON receivedBundle(tagManifest);

CREATE INDEX receivedPart_sha256 ON receivedPart(sha256);

CREATE INDEX receivedSolution_key ON receivedSolution(key);

CREATE INDEX service_vendorId ON service(vendorId);

CREATE INDEX solutionOwner_authorityId ON solutionOwner(authorityId);

CREATE INDEX usage_serviceId ON usage(serviceId);

CREATE INDEX usage_solutionId ON usage(solutionId);

CREATE TRIGGER auditEvent_append_only_delete BEFORE DELETE ON auditEvent
BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;

CREATE TRIGGER auditEvent_append_only_update BEFORE UPDATE ON auditEvent
BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;

CREATE TRIGGER auditFormsFrom_fixed_delete BEFORE DELETE ON auditFormsFrom
BEGIN SELECT RAISE(ABORT, 'the start of the audit record forms is fixed'); END;

CREATE TRIGGER auditFormsFrom_fixed_update BEFORE UPDATE ON auditFormsFrom
WHEN NEW.id <> OLD.id OR NEW.eventId <> OLD.eventId OR OLD.earlierStored = 1
BEGIN SELECT RAISE(ABORT, 'the start of the audit record forms is fixed'); END;

CREATE TRIGGER auditRecordForm_append_only_delete BEFORE DELETE ON auditRecordForm
BEGIN SELECT RAISE(ABORT, 'audit record forms are append-only'); END;

CREATE TRIGGER auditRecordForm_append_only_update BEFORE UPDATE ON auditRecordForm
BEGIN SELECT RAISE(ABORT, 'audit record forms are append-only'); END;

CREATE TRIGGER evidenceFile_never_deleted BEFORE DELETE ON evidenceFile
BEGIN SELECT RAISE(ABORT, 'evidence files are never deleted'); END;

CREATE TRIGGER evidence_never_deleted BEFORE DELETE ON evidence
BEGIN SELECT RAISE(ABORT, 'evidence is never deleted, only withdrawn'); END;
