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
    /// Configured and linked but neither connected nor down is known.
    case unknown(String)

    public static func judge(_ observed: Observed<WhatsAppObservation>) -> WhatsAppVerdict {
        guard let w = observed.value else { return .unobserved }
        guard w.gatewayReachable else { return .gatewayUnreachable }
        guard w.present else { return .notConfigured("WhatsApp is not set up on this gateway") }
        if w.enabled == false { return .notConfigured("the WhatsApp account is disabled") }
        if w.configured == false { return .notConfigured("the WhatsApp account is not configured") }
        let health = w.healthState?.lowercased()
        if w.loggedOut || w.linked == false || health == "logged-out" {
            return .loggedOut("logged out or not linked (linked: \(w.linked.map(String.init) ?? "?"), health: \(health ?? "?")); run `openclaw channels login`")
        }
        if health == "conflict" {
            return .conflict("the session was replaced by another client (health: conflict)")
        }
        if w.connected == true && w.running != false { return .connected }
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
        }
    }

    public var detail: String {
        switch self {
        case .unobserved: return "not observed"
        case .gatewayUnreachable: return "gateway unreachable"
        case .connected: return "connected"
        case .notConfigured(let d), .loggedOut(let d), .conflict(let d), .disconnected(let d), .unknown(let d): return d
        }
    }
}
