import FoundationEssentials

/// What the healer remembers about one model: its current cooldown, if any, and the strikes that
/// drive the cooldown ladder (kept after a cooldown ends, so a model that fails again climbs the
/// ladder instead of starting over; forgotten after a quiet day, see `CooldownLadder.strikeWindowSec`).
public struct ModelRecord: Sendable, Equatable, Codable {
    public var strikes: Int
    public var lastHitAt: Date?
    public var lastReason: FailureReason?
    public var cooldown: ModelCooldown?
    /// Per auth profile the evidence named: until when that profile is cooling with this model
    /// (a past date: known and usable). The model is down only when every known profile is.
    public var profileUntil: [String: Date]

    public init(strikes: Int = 0, lastHitAt: Date? = nil, lastReason: FailureReason? = nil,
                cooldown: ModelCooldown? = nil, profileUntil: [String: Date] = [:]) {
        self.strikes = strikes; self.lastHitAt = lastHitAt; self.lastReason = lastReason
        self.cooldown = cooldown; self.profileUntil = profileUntil
    }

    private enum CodingKeys: String, CodingKey { case strikes, lastHitAt, lastReason, cooldown, profileUntil }

    /// A record saved before profiles were tracked loads with none.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        strikes = try c.decode(Int.self, forKey: .strikes)
        lastHitAt = try c.decodeIfPresent(Date.self, forKey: .lastHitAt)
        lastReason = try c.decodeIfPresent(FailureReason.self, forKey: .lastReason)
        cooldown = try c.decodeIfPresent(ModelCooldown.self, forKey: .cooldown)
        profileUntil = try c.decodeIfPresent([String: Date].self, forKey: .profileUntil) ?? [:]
    }

    /// Known profiles still usable at `now`.
    public func usableProfiles(at now: Date) -> [String] {
        profileUntil.filter { $0.value <= now }.map(\.key).sorted()
    }

    public func isCooling(at now: Date) -> Bool { cooldown?.isActive(at: now) ?? false }
}
