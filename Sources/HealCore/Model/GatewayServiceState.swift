/// The gateway's systemd unit as the CLI reports it (`gateway status --json`,
/// `service.runtime.state`).
public enum GatewayServiceState: String, Sendable, Equatable, Codable, CaseIterable {
    case active
    /// Stopped and not failed: someone stopped it on purpose (or never started it).
    case inactive
    /// systemd gave up on it (start limit, a fatal exit status such as 78).
    case failed
    /// Starting (or restarting) right now.
    case activating
    case unknown

    /// Reads systemd's ActiveState words (`runtime.state`). The CLI's coarser `runtime.status`
    /// ("running"/"stopped") is read by `init(runtimeStatus:)`: "stopped" cannot tell a unit its
    /// owner stopped from one that crashed.
    public init(systemd word: String?) {
        switch word?.lowercased() {
        case "active", "reloading": self = .active
        case "inactive", "deactivating": self = .inactive
        case "failed": self = .failed
        case "activating", "starting", "auto-restart": self = .activating
        default: self = .unknown
        }
    }

    public init(runtimeStatus word: String?) {
        self = word?.lowercased() == "running" ? .active : .unknown
    }
}
