import Foundation

/// The columns of a contract list (CSV) and the keys of its objects (JSON): one piece of evidence per row.
///
/// A CSV header may name a column in English or Danish, in any letter case, with spaces, hyphens or underscores
/// (`Valid until`, `valid_until`, `Gyldig til`); JSON uses the `key`. `schema/contract-import.md` is the table.
public enum ContractColumn: String, Sendable, CaseIterable, Codable {
    case vendor, vendorCountry, vendorCvr, vendorVat
    case service, serviceCategory, serviceHosts
    case kind, title, parties, captured, signed, validFrom, validUntil, noticeDays, reviewBy, clause, covers
    case document

    /// The English column name, as problems name it.
    public var name: String {
        switch self {
        case .vendor: "vendor"
        case .vendorCountry: "vendor country"
        case .vendorCvr: "vendor cvr"
        case .vendorVat: "vendor vat"
        case .service: "service"
        case .serviceCategory: "service category"
        case .serviceHosts: "service hosts"
        case .kind: "kind"
        case .title: "title"
        case .parties: "parties"
        case .captured: "captured"
        case .signed: "signed"
        case .validFrom: "valid from"
        case .validUntil: "valid until"
        case .noticeDays: "notice days"
        case .reviewBy: "review by"
        case .clause: "clause"
        case .covers: "covers"
        case .document: "document"
        }
    }

    /// The JSON key.
    public var key: String { rawValue }

    /// The Danish column names a spreadsheet may use instead.
    public var danishNames: [String] {
        switch self {
        case .vendor: ["leverandør"]
        case .vendorCountry: ["leverandør land", "land"]
        case .vendorCvr: ["leverandør cvr", "cvr"]
        case .vendorVat: ["leverandør moms", "momsnummer", "vat"]
        case .service: ["tjeneste", "ydelse"]
        case .serviceCategory: ["tjeneste kategori", "kategori"]
        case .serviceHosts: ["tjeneste værter", "værter", "domæner"]
        case .kind: ["type", "bevistype"]
        case .title: ["titel"]
        case .parties: ["parter"]
        case .captured: ["optaget"]
        case .signed: ["underskrevet"]
        case .validFrom: ["gyldig fra"]
        case .validUntil: ["gyldig til", "udløber"]
        case .noticeDays: ["varsel dage", "opsigelsesvarsel"]
        case .reviewBy: ["revideres", "review dato", "gennemgås"]
        case .clause: ["klausul", "bestemmelse"]
        case .covers: ["dækker", "løsninger"]
        case .document: ["dokument", "fil"]
        }
    }

    /// Whether every row must give it.
    var isRequired: Bool { [.vendor, .service, .kind, .title, .document].contains(self) }

    /// Whether a cell holds a list: items separated by `|`, `;` or line breaks (commas stay in names).
    var isList: Bool { [.parties, .covers, .serviceHosts].contains(self) }

    /// The column a record field comes in, for problems the registry's own checks report.
    init?(field: Field) {
        switch field {
        case .vendor: self = .vendor
        case .country: self = .vendorCountry
        case .cvr: self = .vendorCvr
        case .vat: self = .vendorVat
        case .service: self = .service
        case .host: self = .serviceHosts
        case .title: self = .title
        case .party: self = .parties
        case .captured: self = .captured
        case .signed: self = .signed
        case .validFrom: self = .validFrom
        case .validUntil: self = .validUntil
        case .noticeDays: self = .noticeDays
        case .reviewBy: self = .reviewBy
        case .clause: self = .clause
        case .covers: self = .covers
        case .files, .document: self = .document
        default: return nil
        }
    }

    /// A header as compared: lower case, without spaces, hyphens, underscores, dots or brackets.
    static func normalized(_ header: String) -> String {
        String(header.lowercased().filter { !" -_.()".contains($0) && !$0.isWhitespace })
    }

    private static let byHeader: [String: ContractColumn] = {
        var table: [String: ContractColumn] = [:]
        for column in allCases {
            for name in [column.name, column.key] + column.danishNames { table[normalized(name)] = column }
        }
        return table
    }()

    /// The column a CSV header names, in either language; nil when it names none.
    init?(header: String) {
        guard let column = Self.byHeader[Self.normalized(header)] else { return nil }
        self = column
    }

    /// The items of a list cell, trimmed, empty ones left out.
    static func items(_ cell: String) -> [String] {
        cell.split(whereSeparator: { $0 == "|" || $0 == ";" || $0.isNewline })
            .map { Validate.trimmed(String($0)) }.filter { !$0.isEmpty }
    }

    /// A message's words with each field spelled as the column it comes in.
    static func spell(_ message: UserMessage) -> String {
        message.text { field in ContractColumn(field: field)?.name ?? field.rawValue }
    }
}
