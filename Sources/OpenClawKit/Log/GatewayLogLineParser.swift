import FoundationEssentials
import HealCore

/// Turns one gateway log line into the model failures it reports (pure: no I/O, no clock).
///
/// A line reports a failure when it is
/// - a `model_fallback_decision` with `decision: "candidate_failed"`,
/// - an `embedded_run_failover_decision` (every decision there follows a failure),
/// - an `embedded_run_agent_end` with `isError: true`,
/// - or a warning/error line (or a console line) carrying a raw provider error with its provider and
///   model: an `All models failed (N): …` summary (one failure per model in it), an Anthropic-style
///   `429 {"type":"error",…}` payload, `Provider X is in cooldown`, `… provider=windhub … HTTP 524`.
///
/// Not failures: `candidate_succeeded`, `skip_candidate`, `probe_cooldown_candidate`, lines below WARN
/// (unless they are one of the structured events above), and context overflow: OpenClaw compacts
/// instead of failing over, so a line whose reason is `context_overflow` yields nothing.
///
/// Every line is first searched for a few marker strings (`markers`) in one pass over its bytes; only
/// lines containing one are decoded. That keeps the cost per byte near `grep -F`'s on a busy log.
public enum GatewayLogLineParser {
    /// Substrings at least one of which every failure line contains. `grepPattern` is the same list as
    /// an extended regular expression, for comparing against `grep -c -E`.
    public static let markers: [String] = [
        "candidate_failed",           // model_fallback_decision, decision and tag
        "failover_decision",          // embedded_run_failover_decision
        "model.failover",             // the model.failover diagnostic
        "run failover decision",      // embedded run failover decision: … (console message)
        "run_agent_end",              // embedded_run_agent_end (structured)
        "run agent end",              // embedded run agent end: … (console message)
        "models failed",              // All models failed (N): …
        "in cooldown",                // Provider X is in cooldown
        #"{"type":"error""#,          // raw Anthropic payload in a console line
        #"{\"type\":\"error\""#,      // the same payload inside a JSON string
    ]

    /// `markers` as one POSIX extended regular expression (`grep -E`).
    public static var grepPattern: String {
        markers.map { marker in
            var escaped = ""
            for character in marker {
                if #"\.[](){}*+?^$|"#.contains(character) { escaped.append("\\") }
                escaped.append(character)
            }
            return escaped
        }
        .joined(separator: "|")
    }

    static let markerSearch = LogMarkerSearch(markers: markers)

    /// The cheap first test: false means the line reports no failure and need not be decoded.
    public static func mightReportFailure(_ line: UnsafeRawBufferPointer) -> Bool {
        markerSearch.matches(line)
    }

    /// The failures `line` (one line, with or without its newline) reports; `receivedAt` stands in for
    /// the line's time when it carries none.
    public static func parse(_ line: UnsafeRawBufferPointer, receivedAt: Date) throws(GatewayLogLineError) -> [GatewayLogLineFailure] {
        guard mightReportFailure(line) else { return [] }
        return try parseMatched(line, receivedAt: receivedAt)
    }

    /// `parse` for a line that already passed `mightReportFailure`.
    static func parseMatched(_ line: UnsafeRawBufferPointer, receivedAt: Date) throws(GatewayLogLineError) -> [GatewayLogLineFailure] {
        let trimmed = trimmingWhitespace(line)
        guard let first = trimmed.first else { return [] }
        let decoded: GatewayLogLine
        if first == UInt8(ascii: "{") {
            decoded = try GatewayLogLine(json: trimmed)
        } else {
            decoded = GatewayLogLine(console: Substring(String(decoding: trimmed, as: UTF8.self)))
        }
        return failures(in: decoded, receivedAt: receivedAt)
    }

    public static func parse(_ line: Substring, receivedAt: Date) throws(GatewayLogLineError) -> [GatewayLogLineFailure] {
        var text = String(line)
        let result = text.withUTF8 { utf8 in
            Result { () throws(GatewayLogLineError) in try parse(UnsafeRawBufferPointer(utf8), receivedAt: receivedAt) }
        }
        return try result.get()
    }

    /// The failure events of `line`; a line that cannot be read yields none.
    public static func events(in line: Substring, receivedAt: Date) -> [FailureEvent] {
        ((try? parse(line, receivedAt: receivedAt)) ?? []).map(\.event)
    }

    /// The first failure event of `line`, if any.
    public static func firstEvent(in line: Substring, receivedAt: Date) -> FailureEvent? {
        events(in: line, receivedAt: receivedAt).first
    }

    // MARK: - Dispatch on the line's shape

    static func failures(in line: GatewayLogLine, receivedAt: Date) -> [GatewayLogLineFailure] {
        let at = line.time ?? receivedAt
        switch line.meta["event"]?.stringValue {
        case "model_fallback_decision":
            return fallbackDecisionFailure(line, at: at).map { [$0] } ?? []
        case "embedded_run_failover_decision":
            return failoverDecisionFailure(line, at: at).map { [$0] } ?? []
        case "model.failover":
            return modelFailoverDiagnostic(line, at: at).map { [$0] } ?? []
        case "embedded_run_agent_end":
            return agentEndFailures(line, at: at)
        default:
            // Below WARN a JSON line is routine even when it mentions an error.
            if line.format == .json, let level = line.level, level < .warn { return [] }
            return errorTextFailures(line, at: at)
        }
    }

    private static func trimmingWhitespace(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        var start = 0
        var end = bytes.count
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        return UnsafeRawBufferPointer(rebasing: bytes[start..<end])
    }
}
