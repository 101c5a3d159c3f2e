import EvidentKit
import Testing

@Suite struct IdentificationTests {
    @Test(arguments: [
        ("13748136", true), ("10213231", true), ("29403473", true),
        ("13748137", false), ("03748136", false), ("1374813", false), ("137481360", false), ("1374813a", false),
        ("", false),
    ])
    func checksCVRNumbers(_ cvr: String, _ valid: Bool) {
        #expect(Identification.isValidCVR(cvr) == valid)
    }

    @Test func acceptsCVRWithSpacesAndNamesTheFieldWhenRefusing() throws {
        #expect(try Identification.cvr("1374 8136") == "13748136")
        #expect(throws: InputError.self) { try Identification.cvr("12345678") }
    }

    @Test(arguments: [
        ("IE6388047V", "IE6388047V"), ("ie 6388047v", "IE6388047V"), ("DK13748136", "DK13748136"),
        ("DE123456789", "DE123456789"), ("NL123456789B01", "NL123456789B01"), ("FRXX123456789", "FRXX123456789"),
        ("ATU12345678", "ATU12345678"), ("SE123456789012", "SE123456789012"),
    ])
    func normalisesValidVATNumbers(_ input: String, _ expected: String) throws {
        #expect(try Identification.vat(input) == expected)
    }

    @Test(arguments: ["DK13748137", "DE12345678", "US123456789", "IE", "12345678", "NL123456789X01", "ATX1234567"])
    func refusesMalformedVATNumbers(_ input: String) {
        #expect(throws: InputError.self) { try Identification.vat(input) }
    }

    @Test(arguments: [
        ("5798000012345", false), ("5790000436057", true), ("4006381333931", true), ("400638133393", false),
    ])
    func checksGLNNumbers(_ gln: String, _ valid: Bool) {
        #expect(Identification.isValidGLN(gln) == valid)
    }

    @Test(arguments: [("dk", "DK"), ("US", "US")])
    func normalisesCountryCodes(_ input: String, _ expected: String) throws {
        #expect(try Identification.country(input) == expected)
    }

    @Test(arguments: ["DNK", "D", "1A", ""])
    func refusesMalformedCountryCodes(_ input: String) {
        #expect(throws: InputError.self) { try Identification.country(input) }
    }
}
