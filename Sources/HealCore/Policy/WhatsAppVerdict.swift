/// What one WhatsApp observation says about the default account.
public enum WhatsAppVerdict: Equatable, Sendable {
    /// Nothing could be seen (the CLI failed): no change.
    case unobserved
    /// Not set up, or disabled: nothing to heal.
    case notConfigured(String)
    /// The gateway did not answer: never a disconnect.
    case gatewayUnreachable
    /// Logged out or not linked: needs `openclaw channels login`, a restart cannot help.
    case loggedOut(String)
    /// Another client took over the session: a restart would fight it.
    case conflict(String)
    case connected
    /// Configured, linked and down.
    case disconnected(String)
    /// Down but OpenClaw is still bringing it back (`starting`, `reconnecting`, or running with
    /// reconnect attempts left): not a disconnect.
    case recovering(String)
    /// Configured and linked but neither connected nor down is known.
    case unknown(String)

    public static func judge(_ observed: Observed<WhatsAppObservation>) -> WhatsAppVerdict {
        guard let w = observed.value else { return .unobserved }
        guard w.gatewayReachable else { return .gatewayUnreachable }
        guard w.present else { return .notConfigured("WhatsApp is not set up on this gateway") }
        if w.enabled == false { return .notConfigured("the WhatsApp account is disabled") }
        if w.configured == false { return .notConfigured("the WhatsApp account is not configured") }
        let health = w.healthState?.lowercased()
        // A status code from an older disconnect stays in the payload after a reconnect: it only
        // speaks while the link is down.
        let code = w.connected == true ? nil : w.lastDisconnectStatus
        if w.loggedOut || w.linked == false || health == "logged-out" || code.map(loggedOutCodes.contains) == true {
            return .loggedOut("logged out or not linked (linked: \(w.linked.map(String.init) ?? "?"), health: \(health ?? "?")\(code.map { ", status \($0)" } ?? "")); run `openclaw channels login`")
        }
        if health == "conflict" || code == replacedCode {
            return .conflict("the session was replaced by another client (health: \(health ?? "?")\(code.map { ", status \($0)" } ?? ""))")
        }
        if w.connected == true && w.running != false { return .connected }
        if w.running != false, w.connected == false, isRecovering(w, health: health) {
            var bits = ["health: \(health ?? "?")"]
            if let n = w.reconnectAttempts { bits.append("reconnect attempts: \(n)") }
            return .recovering("OpenClaw is reconnecting it (" + bits.joined(separator: ", ") + ")")
        }
        if w.connected == false || w.running == false {
            var bits = ["running: \(w.running.map(String.init) ?? "?")", "connected: \(w.connected.map(String.init) ?? "?")"]
            if let h = health { bits.append("health: \(h)") }
            if let n = w.reconnectAttempts { bits.append("reconnect attempts: \(n)") }
            if let code = w.lastDisconnectStatus { bits.append("last disconnect status: \(code)") }
            if let e = w.lastError, !e.isEmpty { bits.append("last error: \(e)") }
            return .disconnected(bits.joined(separator: ", "))
        }
        return .unknown("neither connected nor running reported")
    }

    /// Disconnect codes (Baileys' `DisconnectReason`) after which only a new login helps:
    /// 401 logged out, 403 forbidden (banned), 411 multi-device mismatch.
    public static let loggedOutCodes: Set<Int> = [401, 403, 411]
    /// 440: the session was replaced by another client.
    public static let replacedCode = 440
    /// OpenClaw's reconnect loop gives up after this many attempts; below it, a running account
    /// that is not connected is still being recovered.
    public static let reconnectAttemptsLimit = 10

    static func isRecovering(_ w: WhatsAppObservation, health: String?) -> Bool {
        switch health {
        case "starting", "reconnecting": return true
        case nil:
            // Older CLIs: no health state. Running with attempts left is a reconnect in progress.
            guard w.running == true, let n = w.reconnectAttempts else { return false }
            return n > 0 && n < reconnectAttemptsLimit
        default: return false
        }
    }

    /// The status word shown in `/status`.
    public var status: String {
        switch self {
        case .unobserved, .unknown: return "unknown"
        case .notConfigured: return "not-configured"
        case .gatewayUnreachable: return "gateway-unreachable"
        case .loggedOut: return "logged-out"
        case .conflict: return "conflict"
        case .connected: return "connected"
        case .disconnected: return "disconnected"
        case .recovering: return "recovering"
        }
    }

    public var detail: String {
        switch self {
        case .unobserved: return "not observed"
        case .gatewayUnreachable: return "gateway unreachable"
        case .connected: return "connected"
        case .notConfigured(let d), .loggedOut(let d), .conflict(let d), .disconnected(let d), .recovering(let d), .unknown(let d): return d
        }
    }
}
