import FoundationEssentials

/// Read-only questions about the models at one instant: which are cooling, which is active, where
/// a session should fall back to.
public struct ModelPool: Sendable {
    public let state: HealState
    public let order: [String]
    public let now: Date

    public init(state: HealState, order: [String], now: Date) {
        self.state = state; self.order = order; self.now = now
    }

    public func isCooling(_ model: String) -> Bool { state.models[model]?.isCooling(at: now) ?? false }

    /// Models of `modelOrder` not cooling, in order.
    public var available: [String] { order.filter { !isCooling($0) } }

    /// The first available model of `modelOrder` other than `excluded`.
    public func fallback(excluding excluded: Set<String> = []) -> String? {
        order.first { !isCooling($0) && !excluded.contains($0) }
    }

    /// The model the gateway should be using: the first available in `modelOrder`; when all are
    /// cooling, the least bad one (the soonest to come back).
    public var active: String {
        if let first = available.first { return first }
        return soonestExpiry()?.model ?? order.first ?? ""
    }

    /// The cooled model of `modelOrder` (other than `excluded`) that comes back first.
    public func soonestExpiry(excluding excluded: Set<String> = []) -> (model: String, until: Date)? {
        var best: (model: String, until: Date)?
        for m in order where !excluded.contains(m) {
            guard let until = state.models[m]?.cooldown?.until, until > now else { continue }
            if best == nil || until < best!.until { best = (m, until) }
        }
        return best
    }

    /// Seconds left on `model`'s cooldown (0 when not cooling).
    public func remainingSec(_ model: String) -> Int {
        guard let until = state.models[model]?.cooldown?.until, until > now else { return 0 }
        return Int(until.timeIntervalSince(now).rounded(.up))
    }

    /// `provider/model` for an id given with or without its provider: a bare `claude-opus-4-6`
    /// becomes the one `modelOrder` entry ending in `/claude-opus-4-6`, when exactly one does.
    public func canonical(_ id: String) -> String {
        let trimmed = id.trimming(.whitespaces)
        guard !trimmed.contains("/") else { return trimmed }
        let matches = order.filter { $0.hasSuffix("/" + trimmed) }
        return matches.count == 1 ? matches[0] : trimmed
    }

    /// Every cooled model, `modelOrder` ones first, then the others by name.
    public var cooled: [String] {
        let inOrder = order.filter(isCooling)
        let others = state.models.keys.filter { !order.contains($0) && isCooling($0) }.sorted()
        return inOrder + others
    }
}
