import FoundationEssentials

/// How long an error text asks the caller to wait, in the forms providers and OpenClaw write:
///
/// - relative (`retryAfterSec`): `Retry-After: 30`, `retry after 20 seconds`, `try again in 20s`,
///   `try again in 1m30s`, `try again in 2 minutes`, `please retry in 34.5s`, `try again in 6ms`,
///   Google's `"retryDelay": "34s"`, `resets in 3 hours`, OpenAI's `x-ratelimit-reset-tokens: 6m0s`;
/// - absolute (`resetAt`): `resets at 2026-08-22T15:00:00Z` (any ISO 8601 date-time with a zone),
///   Claude's `usage limit reached|1755874800`, an HTTP-date `Retry-After`.
///
/// Fractions round up (a wait of 0.2 s is 1 s); waits are capped at `maxWaitSec` (30 days).
struct RetryHint: Equatable {
    var retryAfterSec: Int?
    var resetAt: Date?

    static let maxWaitSec = 2_592_000

    static func parse(_ text: String) -> RetryHint {
        RetryHint(retryAfterSec: relative(text), resetAt: absolute(text))
    }

    // MARK: Relative waits

    private static func relative(_ text: String) -> Int? {
        if Regexes.retryAfterHeader.mayMatch(text), let m = text.firstMatch(of: Regexes.retryAfterHeader.regex) { return cap(Double(m.1)!) }
        if Regexes.googleRetryDelay.mayMatch(text), let m = text.firstMatch(of: Regexes.googleRetryDelay.regex) { return cap(Double(m.1)!) }
        guard Regexes.waitLead.mayMatch(text) else { return nil }
        for m in text.matches(of: Regexes.waitLead.regex) {
            let rest = text[m.range.upperBound...]
            if let seconds = duration(at: rest, unitRequired: false) { return cap(seconds) }
        }
        return nil
    }

    /// A duration at the start of `text`: `20s`, `1m30s`, `2 minutes`, `1 hour and 5 minutes`,
    /// `2 days 3 hours`, `6ms`. A bare number counts as seconds only when `unitRequired` is false
    /// and nothing word-like follows it.
    static func duration(at text: Substring, unitRequired: Bool) -> Double? {
        var rest = text
        var total = 0.0
        var parts = 0
        while let m = rest.firstMatch(of: Regexes.durationPart.regex) {
            guard let value = Double(m.1), value.isFinite else { return nil }
            total += value * unitSeconds(m.2)
            parts += 1
            rest = rest[m.range.upperBound...]
            guard let sep = rest.firstMatch(of: Regexes.durationSeparator.regex), rest[sep.range.upperBound...].first?.isNumber == true else { break }
            rest = rest[sep.range.upperBound...]
        }
        if parts > 0 { return total }
        if !unitRequired, let m = text.firstMatch(of: Regexes.bareSeconds.regex) { return Double(m.1) }
        return nil
    }

    private static func unitSeconds(_ unit: Substring) -> Double {
        switch unit {
        case "ms", "msec", "msecs", "millisecond", "milliseconds": return 0.001
        case "m", "min", "mins", "minute", "minutes": return 60
        case "h", "hr", "hrs", "hour", "hours": return 3600
        case "d", "day", "days": return 86400
        default: return 1
        }
    }

    private static func cap(_ seconds: Double) -> Int {
        Int(min(max(seconds, 0), Double(maxWaitSec)).rounded(.up))
    }

    // MARK: Absolute reset times

    private static func absolute(_ text: String) -> Date? {
        if Regexes.resetAtISO.mayMatch(text), let m = text.firstMatch(of: Regexes.resetAtISO.regex),
           let date = iso8601(String(m.1)) {
            return date
        }
        // Claude subscription limits: `Claude AI usage limit reached|1755874800`.
        if Regexes.claudeReset.mayMatch(text), let m = text.firstMatch(of: Regexes.claudeReset.regex), let value = Double(m.1) {
            return Date(timeIntervalSince1970: m.1.count == 13 ? value / 1000 : value)
        }
        if Regexes.retryAfterDate.mayMatch(text), let m = text.firstMatch(of: Regexes.retryAfterDate.regex) {
            return httpDate(String(m.1))
        }
        return nil
    }

    /// ISO 8601 date-time with a zone, `T` or space between date and time, optional seconds and
    /// fraction (the text was lower-cased, so `t` and `z` arrive in lower case).
    static func iso8601(_ raw: String) -> Date? {
        var s = raw.uppercased()
        if s.count > 10 { s.replaceSubrange(s.index(s.startIndex, offsetBy: 10)...s.index(s.startIndex, offsetBy: 10), with: "T") }
        // Seconds are optional in the text but not for the parser.
        if let m = s.firstMatch(of: Regexes.isoWithoutSeconds.regex) { s = "\(m.1):00\(m.2)" }
        return Timestamps.parse(s)
    }

    private static func httpDate(_ raw: String) -> Date? {
        Timestamps.parseHTTPDate(raw)
    }

    /// Compiled once: building a regex per call costs more than the match. The searches through
    /// the whole text carry the literals their matches hold, so a text without one skips them.
    private enum Regexes {
        typealias One = SharedRegex<(Substring, Substring)>
        static let retryAfterHeader = One(#/retry-after\s*:\s*(\d{1,9})\b(?![.:\d])/#, needs: ["retry-after"])
        static let googleRetryDelay = One(#/"retrydelay"\s*:\s*"(\d{1,9}(?:\.\d+)?)s"/#, needs: ["\"retrydelay\""])
        static let waitLead = SharedRegex(
            #/(?:\b(?:retry|try again)\s+(?:after|in)|\bresets?\s+in|\bx-ratelimit-reset(?:-requests|-tokens)?\s*:)\s*/#,
            needs: ["retry", "try again", "reset"])
        static let durationPart = SharedRegex(
            #/^(\d{1,9}(?:\.\d+)?)\s*(milliseconds?|msecs?|ms|seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d)(?![a-z])/#)
        static let durationSeparator = SharedRegex(#/^(?:\s*,\s*|\s+and\s+|\s*)/#)
        static let bareSeconds = One(#/^(\d{1,9})(?![\d.:\/-]|\s*[a-z%])/#)
        static let resetAtISO = One(
            #/\bresets?(?:[-_ ]?at|[-_ ]on)?\s*[:=]?\s*(\d{4}-\d{2}-\d{2}[t ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:z|[+-]\d{2}:?\d{2}))/#,
            needs: ["reset"])
        static let claudeReset = One(#/limit reached\|(\d{10}|\d{13})\b/#, needs: ["limit reached|"])
        static let retryAfterDate = One(#/retry-after\s*:\s*([a-z]{3}, \d{2} [a-z]{3} \d{4} \d{2}:\d{2}:\d{2} gmt)/#, needs: ["retry-after"])
        static let isoWithoutSeconds = SharedRegex<(Substring, Substring, Substring)>(#/^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(Z|[+-].*)$/#)
    }
}
