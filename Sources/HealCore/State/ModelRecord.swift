import Foundation

/// What the healer remembers about one model: its current cooldown, if any, and the strikes that
/// drive the cooldown ladder (kept after a cooldown ends, so a model that fails again climbs the
/// ladder instead of starting over; forgotten after a quiet day, see `CooldownLadder.strikeWindowSec`).
public struct ModelRecord: Sendable, Equatable, Codable {
    public var strikes: Int
    public var lastHitAt: Date?
    public var lastReason: FailureReason?
    public var cooldown: ModelCooldown?

    public init(strikes: Int = 0, lastHitAt: Date? = nil, lastReason: FailureReason? = nil,
                cooldown: ModelCooldown? = nil) {
        self.strikes = strikes; self.lastHitAt = lastHitAt; self.lastReason = lastReason
        self.cooldown = cooldown
    }

    public func isCooling(at now: Date) -> Bool { cooldown?.isActive(at: now) ?? false }
}
