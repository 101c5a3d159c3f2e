import Testing

@testable import EvidentKit

/// Values by row id, whether the id fits the array or (only in a tampered database) does not.
@Suite struct ByIDTests {
    static let ids: [Int64] = [0, 1, 7, 1000, 1 << 24, 1 << 40, .max, -1, -(1 << 40), .min]

    @Test(arguments: ids)
    func whatIsStoredUnderAnIdIsReadBack(id: Int64) {
        var values = ByID<String>()
        values[3] = "three"
        values[id] = "value"
        #expect(values[id] == "value")
        #expect(values[3] == "three")
        #expect(values.contains(id))
        values[id] = nil
        #expect(values[id] == nil)
        #expect(!values.contains(id))
        #expect(values.contains(3))
        // Below the array's limit but past its end, where nothing is stored.
        #expect(!values.contains(5000))
    }

    @Test(arguments: ids)
    func sortEachSortsEveryList(id: Int64) {
        var lists = ByID<[Int64]>()
        for element in [5, 1, 4, 1] as [Int64] {
            lists.append(element, to: id)
            lists.append(-element, to: 2)
        }
        lists.append(9, to: 3)
        lists.append(10, to: 3)
        lists.sortEach()
        #expect(lists[id] == [1, 1, 4, 5])
        #expect(lists[2] == [-5, -4, -1, -1])
        #expect(lists[3] == [9, 10])
    }
}
