import FoundationEssentials

/// Probe bookkeeping: spacing per model, the rolling hourly budget, and the run of passing probes
/// that a pin restore waits for.
public struct ProbeBook: Sendable, Equatable, Codable {
    public var lastProbeAt: [ModelID: Date]
    /// Start times of the probes of the last hour (all models), oldest first.
    public var recent: [Date]
    /// Consecutive passing probes per model; any failure of the model resets it.
    public var goodStreak: [ModelID: Int]

    public init(lastProbeAt: [ModelID: Date] = [:], recent: [Date] = [], goodStreak: [ModelID: Int] = [:]) {
        self.lastProbeAt = lastProbeAt; self.recent = recent; self.goodStreak = goodStreak
    }

    private enum CodingKeys: String, CodingKey { case lastProbeAt, recent, goodStreak }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        lastProbeAt = try c.decodeModelKeyed(Date.self, forKey: .lastProbeAt)
        recent = try c.decode([Date].self, forKey: .recent)
        goodStreak = try c.decodeModelKeyed(Int.self, forKey: .goodStreak)
    }

    /// Probes started within the hour before `now`.
    public func used(at now: Date) -> Int {
        recent.filter { now.timeIntervalSince($0) < 3600 && $0 <= now }.count
    }

    public mutating func prune(at now: Date) {
        recent.removeAll { now.timeIntervalSince($0) >= 3600 }
    }
}
