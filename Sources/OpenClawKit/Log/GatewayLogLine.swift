import FoundationEssentials

/// One gateway log line, read into the parts the failure parser cares about.
///
/// OpenClaw writes tslog objects where positional arguments sit under `"0"`, `"1"`, `"2"`: for a
/// subsystem logger `"0"` is a bindings string such as `{"subsystem":"agent/embedded"}`, then comes
/// either `meta, message` or just `message`. Newer versions also put `message`, `session_id`, … at the
/// top level. Console and journal lines (`HH:MM:SS [subsystem] message`) are read too, with no meta.
struct GatewayLogLine: Sendable, Equatable {
    enum Format: Sendable, Equatable { case json, console }

    /// tslog's levels (`_meta.logLevelId` 0…6).
    enum Level: Int, Sendable, Comparable {
        case silly = 0, trace, debug, info, warn, error, fatal

        init?(name: String) {
            switch name.lowercased() {
            case "silly": self = .silly
            case "trace": self = .trace
            case "debug": self = .debug
            case "info": self = .info
            case "warn", "warning": self = .warn
            case "error": self = .error
            case "fatal": self = .fatal
            default: return nil
            }
        }

        static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    var format: Format
    var time: Date?
    var level: Level?
    var subsystem: String?
    /// The positional string arguments (or the top-level `message`), joined by spaces.
    var message: String
    /// The positional object argument(s): where structured events keep their fields.
    var meta: [String: LogJSONValue]
    /// The line's own top-level members (JSON lines only).
    var topLevel: [String: LogJSONValue]

    /// The session the line is about, when it names one: a session key is preferred (the healer
    /// repins by key); a bare session id is the fallback.
    var sessionKey: String? {
        for key in ["sessionKey", "session_key"] {
            if let value = meta[key]?.stringValue ?? topLevel[key]?.stringValue, !value.isEmpty { return value }
        }
        for key in ["sessionId", "session_id"] {
            if let value = meta[key]?.stringValue ?? topLevel[key]?.stringValue, !value.isEmpty { return value }
        }
        return nil
    }
}
