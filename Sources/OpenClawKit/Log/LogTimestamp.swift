import Foundation
import Glibc

/// Reads the timestamps gateway log lines carry: ISO 8601 (`2026-08-22T10:00:00.000Z`, with an
/// optional fraction and a `Z` or `±HH:MM` offset) or epoch milliseconds.
///
/// Hand-written because it runs for every failure line and `ISO8601DateFormatter` is neither cheap
/// nor Sendable.
enum LogTimestamp {
    static func date(from value: LogJSONValue) -> Date? {
        switch value {
        case .string(let text): return date(fromISO8601: text)
        case .number(let milliseconds) where milliseconds.isFinite && milliseconds > 0:
            return Date(timeIntervalSince1970: milliseconds / 1000)
        default: return nil
        }
    }

    static func date(fromISO8601 text: String) -> Date? {
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
              let day = number(2), skip(UInt8(ascii: "T"), UInt8(ascii: " ")),
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
            return nil  // a time without a zone is ambiguous: let the caller fall back
        }
        guard index == bytes.count else { return nil }

        var fields = tm()
        fields.tm_year = Int32(year - 1900)
        fields.tm_mon = Int32(month - 1)
        fields.tm_mday = Int32(day)
        fields.tm_hour = Int32(hour)
        fields.tm_min = Int32(minute)
        fields.tm_sec = Int32(second)
        let epoch = timegm(&fields)
        guard epoch != -1 || (year == 1969) else { return nil }
        return Date(timeIntervalSince1970: Double(epoch - offsetSeconds) + fraction)
    }
}
