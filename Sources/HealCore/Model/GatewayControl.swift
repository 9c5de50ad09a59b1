/// Carries out heal actions against a real gateway (OpenClawKit) or a test double.
public protocol GatewayControl: Sendable {
    /// The exact commands or file patch `execute` would run; used for dry run and the audit log.
    func plan(_ action: HealAction, config: HealConfig) -> ActionPlan
    func execute(_ action: HealAction, config: HealConfig) async -> ActionOutcome
}

/// Gathers one tick's observations (OpenClawKit runs the CLI and HTTP probes concurrently).
public protocol GatewayObserver: Sendable {
    func observe(config: HealConfig) async -> Observation
}
