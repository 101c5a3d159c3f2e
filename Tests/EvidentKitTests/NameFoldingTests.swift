import EvidentTestSupport
import Foundation
import Testing

@testable import EvidentKit

/// Names match without case or accents, and with æ, ø and å or their spellings ae, oe and aa.
@Suite struct NameFoldingTests {
    @Test(arguments: [
        ("Ansøgning", "ansogning"), ("Ansøgning", "ANSOEGNING"), ("Ærø", "aero"), ("Ærø", "Aeroe"),
        ("Århus", "Aarhus"), ("Århus", "arhus"), ("Café Müller", "cafe muller"), ("Søg & Find", "soeg & find"),
    ])
    func foldAlike(_ name: String, _ typed: String) {
        #expect(NameFolding.key(name) == NameFolding.key(typed))
    }

    @Test(arguments: [("Ansøgning", "Ansagning"), ("Cybot", "Cybit"), ("Ærø", "Ero")])
    func foldApart(_ name: String, _ typed: String) {
        #expect(NameFolding.key(name) != NameFolding.key(typed))
    }

    @Test(arguments: [
        ("Ansog", 2), ("ansoegnings", 2), ("ANSØGNINGSPORTALEN APS", 2), ("Kobenhavn", 3), ("Koebenhavns Kom", 3),
        ("cybot", 4), ("Cybot A", 5),
    ])
    func referencesResolveFolded(_ typed: String, _ vendor: Int64) throws {
        try withTemporaryDirectory { directory in
            let fixture = try Fixture(in: directory)
            try fixture.populate()
            for name in ["Ansøgningsportalen ApS", "Københavns Kommune IT", "Cybot", "Cybot A/S"] {
                _ = try fixture.registry.addVendor(VendorDraft(name: name, country: "DK"), fixture.context)
            }
            #expect(try fixture.registry.resolve(typed, field: .vendor, kind: .vendor) == RecordID(.vendor, vendor))
        }
    }

    @Test func aFoldedPrefixOfSeveralNamesIsAmbiguous() throws {
        try withTemporaryDirectory { directory in
            let fixture = try Fixture(in: directory)
            try fixture.populate()
            for name in ["Søgning Nord", "Sogning Syd"] {
                _ = try fixture.registry.addVendor(VendorDraft(name: name, country: "DK"), fixture.context)
            }
            #expect(throws: RegistryError.self) { try fixture.registry.resolve("soeg", field: .vendor, kind: .vendor) }
        }
    }
}
