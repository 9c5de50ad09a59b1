import FoundationEssentials
import HealCore

/// Looks at the end of today's gateway log for the channel health monitor's line that says the
/// crash-loop breaker is holding the channels (`channel autostart suppressed; treating as expected
/// stopped`, docs/OPENCLAW.md §13.1). Reads at most `maxBytes` from the end, so the cost per tick is bounded
/// whatever the log's size.
public enum SafeModeLogScan {
    public static let marker = "autostart suppressed"
    public static let maxBytes = 256 << 10

    /// The time of the newest such line (its `time` field, or the ISO time it starts with), if any.
    public static func latest(directory: String, profile: String, now: Date) -> Date? {
        let path = LogFileNaming(directory: directory, profile: profile).path(for: now)
        guard case .success(let data) = FileBytes.tail(path, limit: maxBytes) else { return nil }
        return latest(in: String(decoding: data, as: UTF8.self))
    }

    public static func latest(in text: String) -> Date? {
        var newest: Date?
        for line in text.split(separator: "\n") where line.contains(marker) {
            guard let at = time(of: line) else { continue }
            if newest.map({ at > $0 }) ?? true { newest = at }
        }
        return newest
    }

    /// `"time":"…"` in a JSON line, else a leading ISO 8601 timestamp of a console line.
    static func time(of line: Substring) -> Date? {
        if let range = line.firstRange(of: "\"time\":\"") {
            let rest = line[range.upperBound...]
            if let end = rest.firstIndex(of: "\"") { return Timestamps.parse(String(rest[..<end])) }
        }
        let first = line.split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
        return Timestamps.parse(first)
    }
}
