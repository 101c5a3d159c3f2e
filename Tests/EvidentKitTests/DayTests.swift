import EvidentKit
import Foundation
import Testing

@Suite struct DayTests {
    @Test(arguments: ["2026-03-01", "2024-02-29", "2000-02-29", "1970-01-01", "9999-12-31", "0001-01-01"])
    func parsesAndPrintsValidDays(_ text: String) throws {
        #expect(try Day(parsing: text).description == text)
    }

    @Test(arguments: [
        "2026-02-29", "2023-02-29", "1900-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-1-01",
        "26-01-01", "2026/01/01", "2026-01-01T00:00", "", "abcd-ef-gh", "+026-01-01",
    ])
    func refusesImpossibleOrMalformedDays(_ text: String) {
        #expect(throws: InputError.self) { try Day(parsing: text) }
    }

    @Test func ordersAndCountsDays() throws {
        let first = try Day(parsing: "2024-02-28")
        #expect(first.adding(days: 1).description == "2024-02-29")
        #expect(first.adding(days: 2).description == "2024-03-01")
        #expect(first < first.adding(days: 1))
        #expect(try Day(parsing: "1970-01-01").ordinal == 0)
        #expect(try Day(parsing: "2024-02-29").adding(months: 12).description == "2025-02-28")
        #expect(try Day(parsing: "2026-01-31").adding(months: 1).description == "2026-02-28")
        #expect(try Day(parsing: "2026-11-15").adding(months: 3).description == "2027-02-15")
    }

    @Test func namesTheFieldWhenRefusing() {
        #expect(throws: InputError(field: .since, value: "2026-02-30", reason: "no such day in the calendar")) {
            try Day(parsing: "2026-02-30", field: .since)
        }
    }

    @Test func arithmeticStopsAtTheFirstAndLastDayInsteadOfTrapping() throws {
        let day = try Day(parsing: "2026-11-30")
        #expect(day.adding(days: .max) == Day.last)
        #expect(day.adding(days: .min) == Day.first)
        #expect(Day.last.adding(days: 1) == Day.last)
        #expect(Day.first.adding(days: -1) == Day.first)
        #expect(day.adding(months: .max) == Day.last)
        #expect(day.adding(months: .min) == Day.first)
        #expect(Day.last.adding(months: 1) == Day.last)
        #expect(Day(ordinal: .max) == Day.last)
        #expect(Day(ordinal: .min) == Day.first)
        #expect(Day.last.description == "9999-12-31")
        #expect(Day.first.description == "0001-01-01")
        for seconds in [Double.infinity, -Double.infinity, Double.nan, 1e300, -1e300] {
            #expect(Day.first...Day.last ~= Day(containing: Date(timeIntervalSince1970: seconds)))
        }
        #expect(Day(containing: Date(timeIntervalSince1970: 1e300)) == Day.last)
    }
}
