/// Danish and EU business identifiers (RULES.md "Facts to validate").
public enum Identification {
    /// Checks a CVR number: 8 digits, first not 0, weights 2,7,6,5,4,3,2,1, sum divisible by 11.
    public static func isValidCVR(_ text: String) -> Bool {
        let digits = text.utf8.map { Int($0) - 0x30 }
        guard digits.count == 8, digits.allSatisfy({ (0...9).contains($0) }), digits[0] != 0 else {
            return false
        }
        let weights = [2, 7, 6, 5, 4, 3, 2, 1]
        return zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 } % 11 == 0
    }

    /// Returns the CVR number with spaces removed, or throws naming the field.
    public static func cvr(_ text: String, field: Field = .cvr) throws(InputError) -> String {
        let compact = text.filter { $0 != " " }
        guard isValidCVR(compact) else {
            throw InputError(
                field: field, value: text,
                reason: "not a valid CVR number (8 digits, first not 0, mod-11 check)")
        }
        return compact
    }

    /// Checks an EAN/GLN location number: 13 digits with a GS1 mod-10 check digit.
    public static func isValidGLN(_ text: String) -> Bool {
        let digits = text.utf8.map { Int($0) - 0x30 }
        guard digits.count == 13, digits.allSatisfy({ (0...9).contains($0) }) else { return false }
        let sum = digits.dropLast().enumerated().reduce(0) { sum, item in
            sum + item.element * (item.offset % 2 == 0 ? 1 : 3)
        }
        return (10 - sum % 10) % 10 == digits[12]
    }

    /// The shape of each EU member state's VAT number after its prefix (VIES formats).
    static let vatFormats: [String: [String]] = [
        "AT": ["U########"], "BE": ["##########"], "BG": ["#########", "##########"],
        "CY": ["########A"], "CZ": ["########", "#########", "##########"], "DE": ["#########"],
        "DK": ["########"], "EE": ["#########"], "EL": ["#########"],
        "ES": ["X#######X"], "FI": ["########"], "FR": ["XX#########"], "HR": ["###########"],
        "HU": ["########"], "IE": ["#######A", "#######AA", "#X#####A"], "IT": ["###########"],
        "LT": ["#########", "############"], "LU": ["########"], "LV": ["###########"],
        "MT": ["########"], "NL": ["#########B##"], "PL": ["##########"], "PT": ["#########"],
        "RO": ["##", "###", "####", "#####", "######", "#######", "########", "#########", "##########"],
        "SE": ["############"], "SI": ["########"], "SK": ["##########"],
        "XI": ["#########", "############", "GD###", "HA###"],
    ]

    /// Returns an EU VAT number in compact upper case (`IE6388047V`), or throws naming the field.
    ///
    /// `#` is a digit, `A` a letter, `X` a letter or digit, other characters literal.
    /// A Danish VAT number is a CVR number and gets the CVR check as well.
    public static func vat(_ text: String, field: Field = .vat) throws(InputError) -> String {
        let compact = text.uppercased().filter { $0 != " " && $0 != "." && $0 != "-" }
        let failure = InputError(
            field: field, value: text,
            reason: "not a valid EU VAT number (country prefix such as DK or IE, then the national number)")
        guard compact.count > 2 else { throw failure }
        let prefix = String(compact.prefix(2))
        let national = Array(compact.dropFirst(2))
        guard let formats = vatFormats[prefix] else { throw failure }
        let fits = formats.contains { format in
            format.count == national.count
                && zip(format, national).allSatisfy { pattern, character in
                    switch pattern {
                    case "#": character.isASCII && character.isNumber
                    case "A": character.isASCII && character.isLetter
                    case "X": character.isASCII && (character.isLetter || character.isNumber)
                    default: pattern == character
                    }
                }
        }
        guard fits, prefix != "DK" || isValidCVR(String(national)) else { throw failure }
        return compact
    }

    /// The keys that identify a company by its numbers: its VAT number, and its CVR number as the Danish VAT
    /// number it is (`DK` and the CVR), so that CVR 34612358 and VAT number DK34612358 name the same company.
    ///
    /// Two records with a key in common are the same company. Both numbers are expected checked and compact.
    static func companyKeys(cvr: String?, vat: String?) -> [String] {
        var keys: [String] = []
        if let cvr { keys.append("DK" + cvr) }
        if let vat, !keys.contains(vat) { keys.append(vat) }
        return keys
    }

    /// Returns an ISO 3166-1 alpha-2 country code in upper case, or throws naming the field.
    public static func country(_ text: String, field: Field = .country) throws(InputError) -> String {
        let code = text.uppercased()
        guard code.count == 2, code.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw InputError(field: field, value: text, reason: "expected a two-letter country code such as DK or US")
        }
        return code
    }
}
