import EvidentKit

extension Field {
    /// How the command line spells the field: its option, or the name of the argument that takes it.
    var flag: String {
        switch self {
        case .name: "--name"
        case .cvr: "--cvr"
        case .vat: "--vat"
        case .country: "--country"
        case .website: "--website"
        case .channel: "--channel"
        case .url: "--url"
        case .appId: "--app-id"
        case .mandatedBy: "--mandated-by"
        case .owner: "--owner"
        case .vendor: "--vendor"
        case .host: "--host"
        case .cookie: "--cookie"
        case .solution: "--solution"
        case .service: "--service"
        case .since: "--since"
        case .until: "--until"
        case .purpose: "--purpose"
        case .kind: "--kind"
        case .files: "FILE"
        case .title: "--title"
        case .covers: "--covers"
        case .captured: "--captured"
        case .signed: "--signed"
        case .validFrom: "--valid-from"
        case .validUntil: "--valid-until"
        case .reviewBy: "--review-by"
        case .noticeDays: "--notice-days"
        case .clause: "--clause"
        case .supersedes: "--supersedes"
        case .party: "--party"
        case .reason: "--reason"
        case .document: "--file"
        case .date: "date"
        case .authority: "--authority"
        case .record: "--record"
        case .year: "--year"
        case .within: "--within"
        case .window: "--window"
        case .expiringWithin: "--expiring-within"
        case .asOf: "--as-of"
        case .from: "--from"
        case .asRecorded: "--as-recorded"
        case .destination: "--out"
        case .key: "--key"
        case .identity: "--identity"
        case .allowedSigners: "--allowed-signers"
        case .expect: "--expect"
        case .optOutReviewMonths: Setting.optOutReviewMonths.rawValue
        case .warningDays: Setting.warningDays.rawValue
        case .firstParty: "--first-party"
        }
    }
}

extension UserMessage {
    /// The words as the command line prints them, each field spelled as its flag.
    var commandLine: String {
        text(spelling: \.flag)
    }
}
