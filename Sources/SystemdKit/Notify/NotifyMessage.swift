/// The sd_notify protocol messages the healer sends, as pure text builders, so their exact bytes are
/// testable without a socket. Each message is newline-separated `KEY=value` assignments.
public enum NotifyMessage {
    /// Longest `STATUS=` text kept: systemctl shows it on one line, and a datagram has to stay small.
    public static let maximumStatusBytes = 512

    /// `READY=1`, with `STATUS=` when a status is given.
    public static func ready(status: String?) -> String {
        guard let status else { return "READY=1" }
        return "READY=1\n" + Self.status(status)
    }

    /// `STATUS=<one line>`.
    public static func status(_ text: String) -> String {
        "STATUS=" + singleLine(text)
    }

    /// `RELOADING=1` with the `MONOTONIC_USEC=` timestamp newer systemd versions require
    /// (`Type=notify-reload`); systemd 252 ignores the timestamp, which keeps the message portable.
    public static func reloading(monotonicMicroseconds: UInt64) -> String {
        "RELOADING=1\nMONOTONIC_USEC=\(monotonicMicroseconds)"
    }

    /// `STOPPING=1`, with `STATUS=` when a status is given.
    public static func stopping(status: String?) -> String {
        guard let status else { return "STOPPING=1" }
        return "STOPPING=1\n" + Self.status(status)
    }

    public static let watchdog = "WATCHDOG=1"

    /// Folds `text` into one line: a newline inside `STATUS=` would end the assignment and turn the
    /// rest into an unknown (or worse, a meaningful) assignment. Control characters become spaces,
    /// runs of spaces collapse, and the result is cut at `maximumStatusBytes` on a character
    /// boundary.
    static func singleLine(_ text: String) -> String {
        var result = ""
        var lastWasSpace = false
        for character in text {
            let isControl = character.unicodeScalars.contains { $0.properties.generalCategory == .control }
            if isControl || character == " " {
                if !lastWasSpace && !result.isEmpty { result.append(" ") }
                lastWasSpace = true
                continue
            }
            if result.utf8.count + String(character).utf8.count > maximumStatusBytes { break }
            result.append(character)
            lastWasSpace = false
        }
        while result.hasSuffix(" ") { result.removeLast() }
        return result
    }
}
