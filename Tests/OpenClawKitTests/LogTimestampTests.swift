import Foundation
import Testing
@testable import OpenClawKit

@Suite struct LogTimestampTests {
    @Test(arguments: [
        ("2026-08-22T10:00:00.000Z", 1_787_392_800.0),
        ("2026-08-22T10:00:00Z", 1_787_392_800.0),
        ("2026-08-22T10:00:00.25Z", 1_787_392_800.25),
        ("2026-08-22T12:00:00+02:00", 1_787_392_800.0),
        ("2026-08-22T05:30:00-0430", 1_787_392_800.0),
        ("2026-08-22 10:00:00.000Z", 1_787_392_800.0),
    ])
    func readsISO8601(text: String, epoch: Double) {
        #expect(LogTimestamp.date(fromISO8601: text) == Date(timeIntervalSince1970: epoch))
    }

    @Test(arguments: ["…", "", "2026-08-22", "2026-08-22T10:00:00", "2026-13-01T00:00:00Z", "2026-08-22T10:00:00Zjunk", "2026-08-22T25:00:00Z"])
    func rejectsWhatIsNoFullTimestamp(text: String) {
        #expect(LogTimestamp.date(fromISO8601: text) == nil)
    }

    @Test func readsEpochMilliseconds() {
        #expect(LogTimestamp.date(from: .number(1_787_392_800_500)) == Date(timeIntervalSince1970: 1_787_392_800.5))
        #expect(LogTimestamp.date(from: .bool(true)) == nil)
    }
}
