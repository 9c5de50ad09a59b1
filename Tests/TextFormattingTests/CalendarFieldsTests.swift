import Testing
import TextFormatting

@Suite struct CalendarFieldsTests {
    @Test func utcFieldsOfAKnownMoment() {
        // Sun, 06 Nov 1994 08:49:37 GMT (RFC 9110's example date).
        let t = CalendarFields(utc: 784_111_777)
        #expect(t == CalendarFields.expected(1994, 11, 6, 8, 49, 37, weekday: 0))
    }

    @Test func theEpochIsAThursday() {
        #expect(CalendarFields(utc: 0) == CalendarFields.expected(1970, 1, 1, 0, 0, 0, weekday: 4))
    }

    @Test func localFieldsAreAValidDateOfTheSameMomentWithinADay() {
        let utc = CalendarFields(utc: 1_795_550_400)
        let local = CalendarFields(local: 1_795_550_400)
        #expect((1...12).contains(local.month) && (1...31).contains(local.day) && (0...6).contains(local.weekday))
        // Time zones are at most 14 hours off UTC, so the local day is the UTC day or a neighbour.
        #expect(abs(local.day - utc.day) <= 1 || local.day == 1 || utc.day == 1)
        #expect(local.minute % 15 == utc.minute % 15)
    }
}

extension CalendarFields {
    static func expected(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int,
                         weekday: Int) -> CalendarFields {
        var t = CalendarFields(utc: 0)
        (t.year, t.month, t.day, t.hour, t.minute, t.second, t.weekday) = (year, month, day, hour, minute, second, weekday)
        return t
    }
}
