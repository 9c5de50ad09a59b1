import FoundationEssentials

/// Read-only questions about the models at one instant: which are cooling, which is active, where
/// a session should fall back to.
public struct ModelPool: Sendable {
    public let state: HealState
    public let order: [ModelID]
    public let now: Date

    public init(state: HealState, order: [ModelID], now: Date) {
        self.state = state; self.order = order; self.now = now
    }

    public func isCooling(_ model: ModelID) -> Bool { state.models[model]?.isCooling(at: now) ?? false }

    /// Models of `modelOrder` not cooling, in order.
    public var available: [ModelID] { order.filter { !isCooling($0) } }

    /// The first available model of `modelOrder` other than `excluded`.
    public func fallback(excluding excluded: Set<ModelID> = []) -> ModelID? {
        order.first { !isCooling($0) && !excluded.contains($0) }
    }

    /// The model the gateway should be using: the first available in `modelOrder`; when all are
    /// cooling, the least bad one (the soonest to come back). Nil only for an empty `modelOrder`,
    /// which the config never allows.
    public var active: ModelID? {
        available.first ?? soonestExpiry()?.model ?? order.first
    }

    /// The cooled model of `modelOrder` (other than `excluded`) that comes back first.
    public func soonestExpiry(excluding excluded: Set<ModelID> = []) -> (model: ModelID, until: Date)? {
        var best: (model: ModelID, until: Date)?
        for m in order where !excluded.contains(m) {
            guard let until = state.models[m]?.cooldown?.until, until > now else { continue }
            if best == nil || until < best!.until { best = (m, until) }
        }
        return best
    }

    /// Seconds left on `model`'s cooldown (0 when not cooling).
    public func remainingSec(_ model: ModelID) -> Int {
        guard let until = state.models[model]?.cooldown?.until, until > now else { return 0 }
        return Int(until.timeIntervalSince(now).rounded(.up))
    }

    /// The model an id names, given with or without its provider (a cron job's `payload.model`):
    /// a bare `claude-opus-4-6` is the one `modelOrder` entry with that model, when exactly one
    /// has it; nil for a name that is neither.
    public func resolve(_ id: String) -> ModelID? {
        let trimmed = id.trimming(.whitespaces)
        if trimmed.contains("/") { return ModelID(trimmed) }
        let matches = order.filter { $0.model == trimmed }
        return matches.count == 1 ? matches[0] : nil
    }

    /// Every cooled model, `modelOrder` ones first, then the others by name.
    public var cooled: [ModelID] {
        let inOrder = order.filter(isCooling)
        let others = state.models.keys.filter { !order.contains($0) && isCooling($0) }.sorted()
        return inOrder + others
    }
}
