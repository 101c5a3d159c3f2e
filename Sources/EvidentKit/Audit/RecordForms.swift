/// Each stored record's canonical form, field by field, as `schema/audit-trail.md` documents it.
///
/// The field names are the database columns, written out here rather than taken from the Swift properties;
/// absent (NULL) fields are left out and `mandatory` is a boolean, as the trail has always hashed them.
extension AuthorityRecord {
    var canonicalForm: CanonicalForm {
        .object(["id": .integer(id), "name": .string(name), "cvr": .string(cvr), "kind": .string(kind.rawValue)])
    }
}

extension SolutionRecord {
    var canonicalForm: CanonicalForm {
        .object([
            "id": .integer(id), "name": .string(name), "kind": .string(kind.rawValue),
            "channel": .string(channel.rawValue), "url": .string(url), "appId": .string(appId),
            "audience": .string(audience.rawValue), "mandatory": .boolean(mandatory), "mandatedBy": .string(mandatedBy),
        ])
    }
}

extension SolutionOwnerRecord {
    var canonicalForm: CanonicalForm {
        .object([
            "solutionId": .integer(solutionId), "authorityId": .integer(authorityId), "role": .string(role.rawValue),
        ])
    }
}

extension VendorRecord {
    var canonicalForm: CanonicalForm {
        .object([
            "id": .integer(id), "name": .string(name), "country": .string(country), "cvr": .string(cvr),
            "vat": .string(vat), "website": .string(website),
        ])
    }
}

extension ServiceRecord {
    var canonicalForm: CanonicalForm {
        .object([
            "id": .integer(id), "vendorId": .integer(vendorId), "name": .string(name),
            "category": .string(category.rawValue), "hosts": .array(hosts.map(CanonicalForm.string)),
            "cookies": .array(cookies.map(CanonicalForm.string)),
        ])
    }
}

extension UsageRecord {
    var canonicalForm: CanonicalForm {
        .object([
            "id": .integer(id), "solutionId": .integer(solutionId), "serviceId": .integer(serviceId),
            "since": .day(since), "until": .day(until), "purpose": .string(purpose), "route": .string(route.rawValue),
            "vendorOwnPurposes": .string(vendorOwnPurposes.rawValue),
        ])
    }
}

extension EvidenceRecord {
    var canonicalForm: CanonicalForm {
        .object([
            "id": .integer(id), "kind": .string(kind.rawValue), "title": .string(title), "captured": .day(captured),
            "signed": .day(signed), "validFrom": .day(validFrom), "validUntil": .day(validUntil),
            "reviewBy": .day(reviewBy), "noticeDays": .integer(noticeDays), "clause": .string(clause),
            "supersedesId": .integer(supersedesId), "filedAt": .string(filedAt), "filedBy": .string(filedBy),
            "withdrawnAt": .string(withdrawnAt), "withdrawnBy": .string(withdrawnBy),
            "withdrawnReason": .string(withdrawnReason), "allState": frameworkForm,
        ])
    }

    /// A framework agreement says so; other evidence leaves the field out, as its form always has.
    private var frameworkForm: CanonicalForm? {
        allState ? .boolean(true) : nil
    }
}

extension EvidencePartyRecord {
    var canonicalForm: CanonicalForm { .integer(authorityId) }
}

extension EvidenceFileRecord {
    var canonicalForm: CanonicalForm {
        .object([
            "evidenceId": .integer(evidenceId), "position": .integer(position), "sha256": .string(sha256),
            "fileName": .string(fileName),
        ])
    }
}

extension EvidenceFileRecord {
    /// The file in version 2 of the form: also its document's size and media type, so that an edit of the
    /// document row is seen; a row that is missing leaves them out.
    func canonicalForm(document: DocumentRecord?) -> CanonicalForm {
        .object([
            "evidenceId": .integer(evidenceId), "position": .integer(position), "sha256": .string(sha256),
            "fileName": .string(fileName), "size": .integer(document?.size), "mediaType": .string(document?.mediaType),
        ])
    }
}

extension CoverageRecord {
    var canonicalForm: CanonicalForm {
        .object([
            "evidenceId": .integer(evidenceId), "usageId": .integer(usageId), "serviceId": .integer(serviceId),
            "vendorId": .integer(vendorId),
        ])
    }
}

extension SettingRecord {
    var canonicalForm: CanonicalForm {
        .object(["key": .string(key), "value": .string(value)])
    }
}
