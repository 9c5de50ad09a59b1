import HealCore

/// A model failure read from one gateway log line, with what the line says about where it came from.
public struct GatewayLogLineFailure: Sendable, Equatable {
    /// Which kind of line reported the failure (the parser's own distinction, never written out):
    /// - `fallbackDecision`: `model_fallback_decision` with `decision: "candidate_failed"`;
    /// - `failoverDecision`: `embedded_run_failover_decision` (profile rotation, model fallback or
    ///   a surfaced error);
    /// - `agentEnd`: `embedded_run_agent_end` with `isError: true`;
    /// - `failureSummary`: one model's entry in an `All models failed (N): …` summary;
    /// - `providerError`: a raw provider error in a warning or error line, or in a console line.
    public enum Origin: Sendable, Equatable {
        case fallbackDecision, failoverDecision, agentEnd, failureSummary, providerError
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
