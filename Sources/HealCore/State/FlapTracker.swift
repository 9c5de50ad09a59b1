import FoundationEssentials

/// Drops of a link or of the gateway, for flap detection with hysteresis: flapping starts when
/// more than `flap.count` drops fall within `flap.windowSec`, and ends only after `flap.quietSec`
/// without a drop.
public struct FlapTracker: Sendable, Equatable, Codable {
    /// Times of the up → down transitions still inside the window, oldest first.
    public var drops: [Date]
    /// Whether the last observation was up (nil: not seen yet).
    public var lastUp: Bool?
    public var flappingSince: Date?

    public init(drops: [Date] = [], lastUp: Bool? = nil, flappingSince: Date? = nil) {
        self.drops = drops; self.lastUp = lastUp; self.flappingSince = flappingSince
    }

    public var isFlapping: Bool { flappingSince != nil }

    public enum Change: Equatable, Sendable { case none, started, stopped }

    /// Notes one observation (`up` nil: could not tell). `countDrop` false ignores a drop the
    /// healer caused itself (its own restart). Returns whether flapping started or stopped.
    public mutating func note(up: Bool?, at now: Date, countDrop: Bool = true, config: HealConfig.Flap) -> Change {
        if let up {
            if up == false, lastUp == true, countDrop { drops.append(now) }
            lastUp = up
        }
        let window = TimeInterval(config.windowSec)
        drops.removeAll { now.timeIntervalSince($0) >= window || $0 > now }
        if flappingSince == nil {
            if drops.count > config.count {
                flappingSince = now
                return .started
            }
            return .none
        }
        let lastDrop = drops.last ?? flappingSince!
        if now.timeIntervalSince(lastDrop) >= TimeInterval(config.quietSec) {
            flappingSince = nil
            drops.removeAll()
            return .stopped
        }
        return .none
    }
}
