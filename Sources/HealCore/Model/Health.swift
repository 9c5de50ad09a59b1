/// The healer's overall verdict (`/status` `health`, the `health_status` gauge, the systemd status
/// line); `StatusBuilder.health` says when each holds. Listed in the gauge's order.
public enum Health: String, Sendable, Equatable, Codable, CaseIterable {
    case healthy, degraded, healing
}
