/// The days a piece of evidence speaks about, apart from when it was filed.
///
/// One value carries them everywhere: from the command line into a draft, into the database row, out as
/// the record's info and a report line, and into the rules. In JSON the fields sit beside the evidence's
/// others (`captured`, `signed`, `validFrom`, `validUntil`, `reviewBy`, `noticeDays`), each left out when absent.
public struct EvidenceDates: Sendable, Equatable, Codable {
    /// When a screenshot or configuration export was captured.
    public var captured: Day?
    /// When an agreement, justification or terms were signed or accepted.
    public var signed: Day?
    /// The first day the evidence is in force.
    public var validFrom: Day?
    /// The last day the evidence is in force.
    public var validUntil: Day?
    /// When the evidence must be reviewed again.
    public var reviewBy: Day?
    /// Days of notice before `validUntil` to terminate or renew.
    public var noticeDays: Int?

    /// Dates as given; each one left out is absent.
    public init(
        captured: Day? = nil, signed: Day? = nil, validFrom: Day? = nil, validUntil: Day? = nil, reviewBy: Day? = nil,
        noticeDays: Int? = nil
    ) {
        (self.captured, self.signed, self.validFrom) = (captured, signed, validFrom)
        (self.validUntil, self.reviewBy, self.noticeDays) = (validUntil, reviewBy, noticeDays)
    }

    /// These dates with every one `other` gives put in their place: an edit over the stored dates.
    func overridden(by other: EvidenceDates) -> EvidenceDates {
        EvidenceDates(
            captured: other.captured ?? captured, signed: other.signed ?? signed,
            validFrom: other.validFrom ?? validFrom, validUntil: other.validUntil ?? validUntil,
            reviewBy: other.reviewBy ?? reviewBy, noticeDays: other.noticeDays ?? noticeDays)
    }

    /// Whether `field` names one of these dates and it is given.
    func has(_ field: Field) -> Bool {
        var emptied = self
        emptied.clear(field)
        return emptied != self
    }

    /// Empties the date `field` names; other fields change nothing.
    mutating func clear(_ field: Field) {
        switch field {
        case .captured: captured = nil
        case .signed: signed = nil
        case .validFrom: validFrom = nil
        case .validUntil: validUntil = nil
        case .reviewBy: reviewBy = nil
        case .noticeDays: noticeDays = nil
        default: break
        }
    }

    /// Whether no date is given.
    var isEmpty: Bool { self == EvidenceDates() }

    /// Checks the dates against each other and the kind of evidence; the filing date plays no part.
    func validate(for kind: EvidenceKind) throws(InputError) {
        if let signed, kind.isOptOut {
            throw InputError(
                field: .signed, value: signed.description,
                reason: "opt-out evidence is captured, not signed: give the day it was captured as \(Field.captured)")
        }
        if let captured, signed != nil {
            throw InputError(
                field: .captured, value: captured.description,
                reason: "give \(Field.captured) or \(Field.signed), not both")
        }
        try Validate.range(from: validFrom, .validFrom, until: validUntil, .validUntil)
        try Validate.range(from: signed, .signed, until: validUntil, .validUntil)
        try Validate.range(
            from: captured ?? signed, captured != nil ? .captured : .signed,
            until: reviewBy, .reviewBy)
        if let noticeDays {
            try Validate.number(noticeDays, field: .noticeDays, in: Limits.days, unit: "days")
            guard validUntil != nil else {
                throw InputError(
                    field: .noticeDays, value: String(noticeDays),
                    reason: "a notice period needs \(Field.validUntil) to count back from")
            }
        }
    }

    /// Checks that nothing was captured or signed after `today`: back-filing is fine, forward-filing is not.
    func checkNotFuture(today: Day) throws(InputError) {
        try Validate.notFuture(captured, field: .captured, today: today)
        try Validate.notFuture(signed, field: .signed, today: today)
    }
}
