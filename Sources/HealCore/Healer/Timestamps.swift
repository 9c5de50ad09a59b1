import FoundationEssentials
import Glibc
import TextFormatting

/// ISO 8601 times for the audit, metrics, status and issue texts, and the one parser of them.
///
/// Hand-written over `gmtime_r`/`timegm`: they run for every audit record and every failure line,
/// and `ISO8601DateFormatter` is slow, not Sendable, and pulls ICU's data into memory.
public enum Timestamps {
    /// `2026-08-22T10:00:00.123Z` (UTC, milliseconds).
    public static func iso(_ date: Date) -> String { format(date, milliseconds: true) }

    /// `2026-08-22T10:00:00Z` (UTC, whole seconds).
    public static func isoSeconds(_ date: Date) -> String { format(date, milliseconds: false) }

    /// `20260822T100000Z`: sortable, no characters a shell or a file system minds.
    public static func compact(_ date: Date) -> String {
        let t = fields(date)
        return pad(t.year, 4) + pad(t.month, 2) + pad(t.day, 2) + "T" + pad(t.hour, 2) + pad(t.minute, 2)
            + pad(t.second, 2) + "Z"
    }

    /// `10:00:00` in UTC.
    public static func clock(_ date: Date) -> String {
        let t = fields(date)
        return pad(t.hour, 2) + ":" + pad(t.minute, 2) + ":" + pad(t.second, 2)
    }

    /// Reads `2026-08-22T10:00:00Z`, with an optional fraction, `T` or a space between date and
    /// time, and `Z` or a `±HH:MM` offset. A time without a zone is ambiguous and gives nil.
    public static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        var index = 0

        func number(_ width: Int) -> Int? {
            guard index + width <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[index..<(index + width)] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            index += width
            return value
        }
        func skip(_ separator: UInt8...) -> Bool {
            guard index < bytes.count, separator.contains(bytes[index]) else { return false }
            index += 1
            return true
        }

        guard let year = number(4), skip(UInt8(ascii: "-")), let month = number(2), skip(UInt8(ascii: "-")),
              let day = number(2), skip(UInt8(ascii: "T"), UInt8(ascii: "t"), UInt8(ascii: " ")),
              let hour = number(2), skip(UInt8(ascii: ":")), let minute = number(2), skip(UInt8(ascii: ":")),
              let second = number(2),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second <= 60
        else { return nil }

        var fraction = 0.0
        if skip(UInt8(ascii: ".")) {
            var scale = 0.1
            let start = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
                fraction += Double(bytes[index] - UInt8(ascii: "0")) * scale
                scale /= 10
                index += 1
            }
            guard index > start else { return nil }
        }

        var offsetSeconds = 0
        if skip(UInt8(ascii: "Z"), UInt8(ascii: "z")) {
            offsetSeconds = 0
        } else if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
            index += 1
            guard let offsetHours = number(2) else { return nil }
            _ = skip(UInt8(ascii: ":"))
            guard let offsetMinutes = number(2) else { return nil }
            offsetSeconds = sign * (offsetHours * 3600 + offsetMinutes * 60)
        } else {
            return nil
        }
        guard index == bytes.count else { return nil }

        var broken = tm()
        broken.tm_year = Int32(year - 1900)
        broken.tm_mon = Int32(month - 1)
        broken.tm_mday = Int32(day)
        broken.tm_hour = Int32(hour)
        broken.tm_min = Int32(minute)
        broken.tm_sec = Int32(second)
        let epoch = timegm(&broken)
        guard epoch != -1 || year == 1969 else { return nil }
        return Date(timeIntervalSince1970: Double(epoch - offsetSeconds) + fraction)
    }

    private struct Fields { var year, month, day, hour, minute, second, millisecond: Int }

    private static func fields(_ date: Date) -> Fields {
        let interval = date.timeIntervalSince1970
        var seconds = Int(interval.rounded(.down))
        var milliseconds = Int(((interval - Double(seconds)) * 1000).rounded(.down))
        if milliseconds >= 1000 { seconds += 1; milliseconds -= 1000 }
        let t = CalendarFields(utc: seconds)
        return Fields(year: t.year, month: t.month, day: t.day, hour: t.hour, minute: t.minute, second: t.second,
                      millisecond: max(0, milliseconds))
    }

    private static func format(_ date: Date, milliseconds: Bool) -> String {
        let t = fields(date)
        var text = pad(t.year, 4) + "-" + pad(t.month, 2) + "-" + pad(t.day, 2) + "T" + pad(t.hour, 2) + ":"
            + pad(t.minute, 2) + ":" + pad(t.second, 2)
        if milliseconds { text += "." + pad(t.millisecond, 3) }
        return text + "Z"
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        Digits.decimal(value, width: width)
    }
}
