/// Whether a model of `modelOrder` can be used now (`/status` `models[].status`).
public enum ModelAvailability: String, Sendable, Equatable, Codable {
    case available, cooldown
}
