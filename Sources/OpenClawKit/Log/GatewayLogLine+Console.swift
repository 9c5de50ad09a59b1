import FoundationEssentials

extension GatewayLogLine {
    /// Reads a console or journal line: `HH:MM:SS [subsystem] message`, optionally with an ISO 8601
    /// timestamp instead of the clock time and a level word (`WARN`, `error`, …) before the tags.
    init(console text: Substring) {
        var rest = text.drop { $0 == " " || $0 == "\t" }
        var time: Date?
        var level: Level?

        if let token = rest.split(separator: " ", maxSplits: 1).first {
            if let date = LogTimestamp.date(fromISO8601: String(token)) {
                time = date
                rest = rest.dropFirst(token.count).drop { $0 == " " }
            } else if Self.isClockTime(token) {
                rest = rest.dropFirst(token.count).drop { $0 == " " }
            }
        }
        if let token = rest.split(separator: " ", maxSplits: 1).first, let named = Level(name: String(token)) {
            level = named
            rest = rest.dropFirst(token.count).drop { $0 == " " }
        }
        var subsystem: String?
        while rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
            let tag = rest[rest.index(after: rest.startIndex)..<close]
            if subsystem == nil { subsystem = String(tag) }
            rest = rest[rest.index(after: close)...].drop { $0 == " " }
        }
        self.init(format: .console, time: time, level: level, subsystem: subsystem,
                  message: String(rest), meta: [:], topLevel: [:])
    }

    /// `10:00:00` or `10:00:00.123`.
    private static func isClockTime(_ token: Substring) -> Bool {
        let parts = token.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return false }
        return parts.allSatisfy { part in
            let whole = part.split(separator: ".", maxSplits: 1).first ?? part
            return !whole.isEmpty && whole.count <= 2 && whole.allSatisfy(\.isASCII) && whole.allSatisfy(\.isNumber)
        }
    }
}
