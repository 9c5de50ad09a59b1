import HealCore

/// A model failure read from one gateway log line, with what the line says about where it came from.
public struct GatewayLogLineFailure: Sendable, Equatable {
    /// Which kind of line reported the failure.
    public enum Origin: String, Sendable, Codable, Equatable {
        /// `model_fallback_decision` with `decision: "candidate_failed"`.
        case fallbackDecision = "model_fallback_decision"
        /// `embedded_run_failover_decision` (profile rotation, model fallback or a surfaced error).
        case failoverDecision = "embedded_run_failover_decision"
        /// `embedded_run_agent_end` with `isError: true`.
        case agentEnd = "embedded_run_agent_end"
        /// One model's entry in an `All models failed (N): …` summary.
        case failureSummary = "all_models_failed"
        /// A raw provider error in a warning or error line, or in a console line.
        case providerError = "provider_error"
    }

    public var event: FailureEvent
    /// The agent run the failure belongs to, when the line names one: one failure is often logged
    /// several times per run (failover decision, fallback decision, agent end).
    public var runId: String?
    public var origin: Origin

    public init(event: FailureEvent, runId: String?, origin: Origin) {
        self.event = event; self.runId = runId; self.origin = origin
    }
}
