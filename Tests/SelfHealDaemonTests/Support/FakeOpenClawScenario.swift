import Foundation

/// Writes a scenario for `Tests/Fixtures/fake-openclaw` and reads back its call log.
struct FakeOpenClawScenario {
    let directory: String

    init(daemonDirectory: String) throws {
        directory = daemonDirectory + "/scenario"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    func write(_ scenario: [String: Any]) throws {
        let data = try JSONSerialization.data(withJSONObject: scenario, options: [.sortedKeys])
        try data.write(to: URL(fileURLWithPath: directory + "/scenario.json"), options: .atomic)
    }

    func read() throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/scenario.json"))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    /// Every recorded call's argv (after the program name), in order.
    func calls() -> [[String]] {
        guard let text = try? String(contentsOfFile: directory + "/calls.jsonl", encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            let tool = object["tool"] as? String ?? "openclaw"
            return [tool] + (object["argv"] as? [String] ?? [])
        }
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
    /// A scenario kept in `directory` itself (a daemon restarted on one directory).
    init(directory: String) { self.directory = directory }

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
