import EvidentKit
import Testing

@Suite struct CountedTests {
    @Test(arguments: [
        (Counted(0, "document"), "0 documents"), (Counted(1, "document"), "1 document"),
        (Counted(2, "document"), "2 documents"), (Counted(Int64(1), "byte"), "1 byte"),
        (Counted(1, "day"), "1 day"), (Counted(3, "entry", plural: "entries"), "3 entries"),
        (Counted(1, "entry", plural: "entries"), "1 entry"),
    ])
    func oneIsSingularEveryOtherCountPlural(_ counted: Counted, _ text: String) {
        #expect(counted.description == text)
    }
}
