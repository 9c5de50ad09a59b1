import FoundationEssentials

/// Probe bookkeeping: spacing per model, the rolling hourly budget, and the run of passing probes
/// that a pin restore waits for.
public struct ProbeBook: Sendable, Equatable, Codable {
    public var lastProbeAt: [String: Date]
    /// Start times of the probes of the last hour (all models), oldest first.
    public var recent: [Date]
    /// Consecutive passing probes per model; any failure of the model resets it.
    public var goodStreak: [String: Int]

    public init(lastProbeAt: [String: Date] = [:], recent: [Date] = [], goodStreak: [String: Int] = [:]) {
        self.lastProbeAt = lastProbeAt; self.recent = recent; self.goodStreak = goodStreak
    }

    /// Probes started within the hour before `now`.
    public func used(at now: Date) -> Int {
        recent.filter { now.timeIntervalSince($0) < 3600 && $0 <= now }.count
    }

    public mutating func prune(at now: Date) {
        recent.removeAll { now.timeIntervalSince($0) >= 3600 }
    }
}
