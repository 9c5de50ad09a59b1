import Foundation
import TestSupport

/// What the daemon's end-to-end tests add to the test double's scenario: its place in a
/// `DaemonProcess` directory, and gateway log lines as OpenClaw writes them.
extension FakeOpenClawScenario {
    init(daemonDirectory: String) throws {
        self.init(directory: daemonDirectory + "/scenario")
    }

    /// Today's gateway log file name in the local time zone, as OpenClaw names it.
    static func logFileName(for date: Date = Date()) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = .current
        return "openclaw-\(formatter.string(from: date)).log"
    }

    /// A `model_fallback_decision` line as OpenClaw's gateway logs it when a candidate fails.
    static func fallbackFailureLine(provider: String, model: String, reason: String, status: Int, runId: String) -> String {
        let meta: [String: Any] = [
            "event": "model_fallback_decision", "tags": ["error_handling", "model_fallback", "candidate_failed"],
            "runId": runId, "decision": "candidate_failed", "requestedProvider": provider, "requestedModel": model,
            "candidateProvider": provider, "candidateModel": model, "attempt": 1, "total": 2, "reason": reason,
            "status": status, "nextCandidateProvider": "openai", "nextCandidateModel": "gpt-5.2", "isPrimary": true,
        ]
        let line: [String: Any] = [
            "0": #"{"subsystem":"model-fallback/decision"}"#, "1": meta, "2": "model fallback decision",
            "_meta": ["logLevelName": "WARN"], "time": ISO8601DateFormatter().string(from: Date()),
        ]
        let data = try! JSONSerialization.data(withJSONObject: line, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }
}

extension FakeOpenClawScenario {
    /// An `embedded_run_failover_decision` line (`rotate_profile`, `fallback_model`, `surface_error`).
    static func failoverDecisionLine(decision: String, provider: String, model: String, reason: String,
                                     profileId: String) -> String {
        let meta: [String: Any] = [
            "event": "embedded_run_failover_decision", "tags": ["error_handling", "failover", "assistant", decision],
            "runId": "run-\(decision)", "stage": "assistant", "decision": decision, "failoverReason": reason,
            "profileFailureReason": reason, "provider": provider, "model": model, "profileId": profileId,
            "fallbackConfigured": true, "status": 429,
        ]
        return line(subsystem: "agent/embedded", meta: meta, message: "embedded run failover decision")
    }

    /// `fallbackFailureLine` with the error preview newer gateways add (e.g. a reset time).
    static func fallbackFailureLine(provider: String, model: String, reason: String, status: Int, runId: String,
                                    errorPreview: String) -> String {
        let meta: [String: Any] = [
            "event": "model_fallback_decision", "tags": ["error_handling", "model_fallback", "candidate_failed"],
            "runId": runId, "decision": "candidate_failed", "requestedProvider": provider, "requestedModel": model,
            "candidateProvider": provider, "candidateModel": model, "attempt": 1, "total": 2, "reason": reason,
            "status": status, "errorPreview": errorPreview, "isPrimary": true,
        ]
        return line(subsystem: "model-fallback/decision", meta: meta, message: "model fallback decision")
    }

    private static func line(subsystem: String, meta: [String: Any], message: String) -> String {
        let line: [String: Any] = [
            "0": #"{"subsystem":"\#(subsystem)"}"#, "1": meta, "2": message,
            "_meta": ["logLevelName": "WARN"], "time": ISO8601DateFormatter().string(from: Date()),
        ]
        let data = try! JSONSerialization.data(withJSONObject: line, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }
}

extension Date {
    /// Whole seconds (ISO 8601 texts carry no fraction).
    func rounded() -> Date { Date(timeIntervalSince1970: timeIntervalSince1970.rounded(.down)) }
}
