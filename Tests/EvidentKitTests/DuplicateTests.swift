import EvidentTestSupport
import Foundation
import Testing

@testable import EvidentKit

/// Records that would make a name or number ambiguous are refused, naming the record that has it.
@Suite struct DuplicateTests {
    /// A change that must be refused, and the error that names the existing record.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var expected: RegistryError
        var change: @Sendable (Registry, ChangeContext) throws -> Void
        var testDescription: String { name }
    }

    static let since = try! Day(parsing: "2024-01-01")

    static func usage(since: String, until: String? = nil) throws -> UsageDraft {
        try UsageDraft(
            solution: "SOL-1", service: "SVC-1", since: try Day(parsing: since),
            until: try until.map { try Day(parsing: $0) }, route: .optOut, vendorOwnPurposes: .no)
    }

    static let cases: [Case] = [
        Case(name: "the same CVR", expected: .duplicate(field: .cvr, value: "34612358", existing: .init(.vendor, 2))) {
            _ = try $0.addVendor(VendorDraft(name: "Cybot 2", country: "DK", cvr: "34612358"), $1)
        },
        Case(
            name: "the CVR as a Danish VAT number",
            expected: .duplicate(field: .vat, value: "DK34612358", existing: .init(.vendor, 2))
        ) { _ = try $0.addVendor(VendorDraft(name: "Cybot A/S", country: "DK", vat: "dk 34 61 23 58"), $1) },
        Case(
            name: "the same VAT number",
            expected: .duplicate(field: .vat, value: "IE6388047V", existing: .init(.vendor, 1))
        ) { _ = try $0.addVendor(VendorDraft(name: "Google", country: "IE", vat: "IE6388047V"), $1) },
        Case(
            name: "an edit to another vendor's CVR",
            expected: .duplicate(field: .cvr, value: "34612358", existing: .init(.vendor, 2))
        ) { _ = try $0.editVendor("VEN-1", VendorEdit(cvr: "34612358"), $1) },
        Case(
            name: "a service name the vendor has, in other case",
            expected: .duplicate(field: .name, value: "google analytics", existing: .init(.service, 1))
        ) {
            _ = try $0.addService(
                ServiceDraft(
                    vendor: "VEN-1", name: "google analytics", category: .statistics, hosts: ["a.dk"], cookies: []),
                $1)
        },
        Case(
            name: "an edit to a service name the vendor has",
            expected: .duplicate(field: .name, value: "Google Analytics", existing: .init(.service, 1))
        ) {
            var edit = ServiceEdit()
            edit.name = "Google Analytics"
            _ = try $0.editService("SVC-2", edit, $1)
        },
        Case(
            name: "a move to a vendor that has the service's name",
            expected: .duplicate(field: .name, value: "Cookiebot", existing: .init(.service, 3))
        ) {
            _ = try $0.addService(
                ServiceDraft(vendor: "VEN-1", name: "Cookiebot", category: .consent, hosts: ["b.dk"], cookies: []), $1)
            var edit = ServiceEdit()
            edit.vendor = "VEN-2"
            _ = try $0.editService("SVC-4", edit, $1)
        },
        Case(
            name: "an identical usage",
            expected: .overlappingUsage(
                existing: .init(.usage, 1), solution: .init(.solution, 1), service: .init(.service, 1))
        ) { _ = try $0.addUsage(try usage(since: "2024-01-01"), $1) },
        Case(
            name: "a usage that starts while another goes on",
            expected: .overlappingUsage(
                existing: .init(.usage, 1), solution: .init(.solution, 1), service: .init(.service, 1))
        ) { _ = try $0.addUsage(try usage(since: "2026-01-01", until: "2026-12-31"), $1) },
        Case(
            name: "an earlier usage edited to end after the other starts",
            expected: .overlappingUsage(
                existing: .init(.usage, 1), solution: .init(.solution, 1), service: .init(.service, 1))
        ) {
            _ = try $0.addUsage(try usage(since: "2023-01-01", until: "2023-12-31"), $1)
            var edit = UsageEdit()
            edit.until = try Day(parsing: "2024-01-01")
            _ = try $0.editUsage("USE-2", edit, $1)
        },
    ]

    /// The fixture's records and a second vendor, Cybot, with a CVR number and a service.
    static func registry(in directory: URL) throws -> Fixture {
        let fixture = try Fixture(in: directory)
        try fixture.populate()
        _ = try fixture.registry.addVendor(
            VendorDraft(name: "Cybot", country: "DK", cvr: "34612358"), fixture.context)
        _ = try fixture.registry.addService(
            ServiceDraft(
                vendor: "Cybot", name: "Cookiebot", category: .consent, hosts: ["*.cookiebot.com"], cookies: []),
            fixture.context)
        return fixture
    }

    @Test(arguments: cases)
    func isRefusedNamingTheExistingRecord(_ item: Case) throws {
        try withTemporaryDirectory { directory in
            let fixture = try Self.registry(in: directory)
            #expect(throws: item.expected) {
                // The refused change is the last step; what a case sets up before it must succeed.
                try item.change(fixture.registry, fixture.context)
            }
        }
    }

    @Test func refusedChangesLeaveTheRegistryAsItWas() throws {
        try withTemporaryDirectory { directory in
            let fixture = try Self.registry(in: directory)
            let before = try snapshot(ofHome: fixture.home)
            for item in Self.cases where item.name.hasPrefix("the same") || item.name.hasPrefix("an identical") {
                #expect(throws: RegistryError.self) { try item.change(fixture.registry, fixture.context) }
            }
            #expect(try snapshot(ofHome: fixture.home) == before)
        }
    }

    @Test func whatDiffersOrKeepsItsOwnValueIsAccepted() throws {
        try withTemporaryDirectory { directory in
            let fixture = try Self.registry(in: directory)
            let (registry, context) = (fixture.registry, fixture.context)
            // A vendor edit that repeats its own numbers, and its CVR given again as its VAT number.
            _ = try registry.editVendor("Cybot", VendorEdit(cvr: "34612358", vat: "DK34612358"), context)
            // The same service name under another vendor.
            _ = try registry.addService(
                ServiceDraft(vendor: "VEN-1", name: "Cookiebot", category: .consent, hosts: ["c.dk"], cookies: []),
                context)
            // A usage of the same service that ended the day before the other began, then an edit of it.
            _ = try registry.addUsage(try Self.usage(since: "2023-01-01", until: "2023-12-31"), context)
            var edit = UsageEdit()
            edit.purpose = "earlier contract"
            _ = try registry.editUsage("USE-2", edit, context)
            #expect(try registry.vendor("Cybot").vat == "DK34612358")
            #expect(try registry.usages().count == 2)
        }
    }
}
