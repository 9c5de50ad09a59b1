import FoundationEssentials
import HealCore

/// Turns a notice into the request each kind of target expects: the versioned webhook body,
/// ntfy's title/priority/tags headers, Telegram's `sendMessage`, Discord's `content`, Slack's `text`.
public enum NotifyPayload {
    /// Version of the webhook body (`version` in it). Fields are only ever added within a version.
    public static let webhookVersion = 1

    public static func request(for notice: IncidentNotice, target: ResolvedTarget, host: String) -> NotifyRequest {
        var headers: [String] = []
        if let token = target.bearerToken { headers.append("Authorization: Bearer \(token)") }
        switch target.target.kind {
        case .webhook:
            return NotifyRequest(method: "POST", url: target.url, headers: ["Content-Type: application/json"] + headers,
                                 body: webhookBody(notice, host: host))
        case .ntfy:
            headers += ["Title: \(headerSafe(notice.title))", "Priority: \(ntfyPriority(notice))", "Tags: \(ntfyTags(notice))",
                        "Content-Type: text/plain; charset=utf-8"]
            return NotifyRequest(method: "POST", url: target.url, headers: headers, body: Array(plainText(notice, host: host, withTitle: false).utf8))
        case .telegram:
            let body: [String: JSON5Value] = ["chat_id": telegramChat(target.target.chatId),
                                              "text": .string(String(plainText(notice, host: host, withTitle: true).prefix(4000))),
                                              "disable_web_page_preview": .bool(true)]
            return NotifyRequest(method: "POST", url: target.url, headers: ["Content-Type: application/json"], body: json(body))
        case .discord:
            // No mentions: evidence text must never ping @everyone.
            let body: [String: JSON5Value] = ["content": .string(String(plainText(notice, host: host, withTitle: true).prefix(1900))),
                                              "allowed_mentions": .object(["parse": .array([])])]
            return NotifyRequest(method: "POST", url: target.url, headers: ["Content-Type: application/json"], body: json(body))
        case .slack:
            let body: [String: JSON5Value] = ["text": .string(String(plainText(notice, host: host, withTitle: true).prefix(3500)))]
            return NotifyRequest(method: "POST", url: target.url, headers: ["Content-Type: application/json"], body: json(body))
        }
    }

    /// The webhook body, version 1 (README "Webhook body").
    public static func webhookBody(_ n: IncidentNotice, host: String) -> [UInt8] {
        let body: [String: JSON5Value] = [
            "version": .integer(webhookVersion), "id": .string(n.id), "incident": .string(n.incident), "status": .string(n.status),
            "event": .string(n.event.rawValue), "severity": .string(n.severity.rawValue), "rule": .string(n.rule),
            "title": .string(n.title), "summary": .string(n.summary), "evidence": .array(n.evidence.map { .string($0) }),
            "startedAt": .string(Timestamps.isoSeconds(n.startedAt)),
            "resolvedAt": n.resolvedAt.map { .string(Timestamps.isoSeconds($0)) } ?? .null,
            "host": .string(host), "dryRun": .bool(n.dryRun),
        ]
        return json(body)
    }

    /// The message as text, for the chat kinds and ntfy.
    static func plainText(_ n: IncidentNotice, host: String, withTitle: Bool) -> String {
        let mark: String
        switch n.event {
        case .resolved, .maintenanceEnded: mark = "RESOLVED"
        case .reminder: mark = "REMINDER"
        case .test: mark = "TEST"
        default: mark = "FIRING"
        }
        var lines: [String] = []
        if withTitle { lines.append("[\(mark)] [\(n.severity.rawValue)] \(n.title)") } else { lines.append("[\(mark)] [\(n.severity.rawValue)]") }
        lines.append(n.summary)
        lines += n.evidence.prefix(8).map { "- \($0)" }
        lines.append("incident \(n.incident) on \(host), since \(Timestamps.isoSeconds(n.startedAt))" + (n.dryRun ? " (dry run)" : ""))
        return lines.joined(separator: "\n")
    }

    static func ntfyPriority(_ n: IncidentNotice) -> Int {
        if n.status == "resolved" || n.event == .test { return 3 }
        switch n.severity {
        case .critical: return 5
        case .warning: return 4
        case .info: return 3
        }
    }

    static func ntfyTags(_ n: IncidentNotice) -> String {
        if n.status == "resolved" { return "white_check_mark,openclaw" }
        switch n.severity {
        case .critical: return "rotating_light,openclaw"
        case .warning: return "warning,openclaw"
        case .info: return "information_source,openclaw"
        }
    }

    /// A header value: printable ASCII only (anything else becomes `?`), at most 250 characters.
    static func headerSafe(_ s: String) -> String {
        String(String(s.unicodeScalars.map { $0.value >= 0x20 && $0.value < 0x7f ? Character($0) : "?" }).prefix(250))
    }

    static func telegramChat(_ id: String) -> JSON5Value { Int(id).map { .integer($0) } ?? .string(id) }

    static func json(_ object: [String: JSON5Value]) -> [UInt8] {
        JSON5Value.object(object).jsonBytes(escapingSlashes: false)
    }
}
