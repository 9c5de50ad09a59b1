#if canImport(Glibc)
import Glibc
#endif
import Logging
import TextFormatting

/// Builds one log line per event, as pure functions of their inputs.
///
/// Every line is a single line: newlines and other control characters in the message or in
/// metadata are escaped, because journald (and any line-based reader) would otherwise split one
/// event into several records, the continuation ones without their priority. Metadata follows the
/// message as `key=value`, keys sorted, values quoted when they contain spaces, quotes or `=`.
public enum LogLineFormatter {
    /// Longest line written, newline included; longer messages are cut with a marker. journald's
    /// default `LineMax=` is 48 KiB; a line longer than that would be split into records that lose
    /// their priority prefix.
    public static let maximumLineBytes = 16 * 1024

    /// The sd-daemon(3) priority prefix: `<7>` debug and trace, `<6>` info, `<5>` notice,
    /// `<4>` warning, `<3>` error, `<2>` critical (SD_CRIT).
    public static func priorityPrefix(_ level: Logger.Level) -> String {
        switch level {
        case .trace, .debug: return "<7>"
        case .info: return "<6>"
        case .notice: return "<5>"
        case .warning: return "<4>"
        case .error: return "<3>"
        case .critical: return "<2>"
        }
    }

    /// `<6>[label] message key=value\n`: journald adds the time, the unit and the process.
    public static func journalLine(
        level: Logger.Level, label: String, message: String, metadata: Logger.Metadata
    ) -> String {
        assemble(head: priorityPrefix(level) + "[" + escaped(label) + "] ", message: message, metadata: metadata)
    }

    /// `2026-11-24T20:00:00.123Z info [label] message key=value\n`, time in UTC.
    public static func plainLine(
        time: timespec, level: Logger.Level, label: String, message: String, metadata: Logger.Metadata
    ) -> String {
        let head = iso8601(time) + " " + level.rawValue + " [" + escaped(label) + "] "
        return assemble(head: head, message: message, metadata: metadata)
    }

    /// `key=value key2="two words"`, keys sorted so lines compare and grep predictably.
    public static func renderMetadata(_ metadata: Logger.Metadata) -> String {
        metadata.keys.sorted().map { key in
            escaped(key) + "=" + quotedIfNeeded(metadata[key]!.description)
        }.joined(separator: " ")
    }

    /// `YYYY-MM-DDTHH:MM:SS.mmmZ`.
    public static func iso8601(_ time: timespec) -> String {
        let t = CalendarFields(utc: Int(time.tv_sec))
        let milliseconds = Int(time.tv_nsec) / 1_000_000
        return Digits.decimal(t.year, width: 4) + "-" + Digits.decimal(t.month, width: 2) + "-" + Digits.decimal(t.day, width: 2)
            + "T" + Digits.decimal(t.hour, width: 2) + ":" + Digits.decimal(t.minute, width: 2) + ":"
            + Digits.decimal(t.second, width: 2) + "." + Digits.decimal(milliseconds, width: 3) + "Z"
    }

    private static func assemble(head: String, message: String, metadata: Logger.Metadata) -> String {
        var body = escaped(message)
        if !metadata.isEmpty { body += " " + renderMetadata(metadata) }
        let budget = maximumLineBytes - head.utf8.count - 1
        if body.utf8.count > budget { body = truncated(body, toBytes: budget) }
        return head + body + "\n"
    }

    private static let truncationMarker = " …[truncated]"

    private static func truncated(_ text: String, toBytes budget: Int) -> String {
        let keep = max(0, budget - truncationMarker.utf8.count)
        var result = ""
        var used = 0
        for character in text {
            let size = String(character).utf8.count
            if used + size > keep { break }
            result.append(character)
            used += size
        }
        return result + truncationMarker
    }

    /// Control characters as visible escapes (`\n`, `\r`, `\t` kept as a tab, others `\x1B`), so
    /// a line stays a line and terminal escape sequences from command output stay inert.
    static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isEscapedControl) else { return text }
        return TextEscaping.escape(text) { scalar in
            switch scalar {
            case "\n": "\\n"
            case "\r": "\\r"
            default: hexEscape(scalar)
            }
        }
    }

    private static func isEscapedControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t") || scalar.value == 0x7F
    }

    /// `\x1B` for a control character that has no short escape here.
    private static func hexEscape(_ scalar: Unicode.Scalar) -> String? {
        isEscapedControl(scalar) ? "\\x" + Digits.hex(scalar.value, width: 2, uppercase: true) : nil
    }

    /// Plain values stay bare; empty ones and those with spaces, quotes, `=`, backslashes or control
    /// characters are quoted with backslash escapes, so `key=value` pairs split unambiguously.
    private static func quotedIfNeeded(_ value: String) -> String {
        let isBare = !value.isEmpty && !value.unicodeScalars.contains { scalar in
            scalar == " " || scalar == "\"" || scalar == "=" || scalar == "\\" || scalar == "\t"
                || isEscapedControl(scalar)
        }
        if isBare { return value }
        return TextEscaping.doubleQuoted(value) { TextEscaping.backslashEscape($0) ?? hexEscape($0) }
    }
}
