import FoundationEssentials

/// The time source the healer reads; tests pass a simulated one.
public protocol HealClock: Sendable {
    func now() -> Date
}

public struct SystemClock: HealClock {
    public init() {}
    public func now() -> Date { Date() }
}
