import FoundationEssentials
import HealCore

/// Reads the timestamps gateway log lines carry: ISO 8601 (`2026-08-22T10:00:00.000Z`, with an
/// optional fraction and a `Z` or `±HH:MM` offset) or epoch milliseconds.
///
/// (The ISO 8601 reading is HealCore's `Timestamps.parse`, shared with the audit log.)
enum LogTimestamp {
    static func date(from value: LogJSONValue) -> Date? {
        switch value {
        case .string(let text): return date(fromISO8601: text)
        case .number(let milliseconds) where milliseconds.isFinite && milliseconds > 0:
            return Date(timeIntervalSince1970: milliseconds / 1000)
        default: return nil
        }
    }

    static func date(fromISO8601 text: String) -> Date? { Timestamps.parse(text) }
}
