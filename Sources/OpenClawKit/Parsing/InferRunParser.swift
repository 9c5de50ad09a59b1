import HealCore

/// Reads `openclaw infer model run --local --model <p/m> --prompt … --json` as a probe of one model.
///
/// The JSON envelope is not verified (docs/OPENCLAW.md §5), so the rule is loose on purpose: exit 0 with any
/// non-empty text (a text-like field of the JSON, or the raw stdout) is a working model; the CLI
/// "exits non-zero when the provider returns no text output", and then the error text is classified
/// with `ErrorClassifier`. A failure that says nothing about the model (the CLI missing, a version
/// without `infer`) has no reason, so it never cools a model.
public enum InferRunParser {
    public static let command = "infer model run --json"

    public static func parse(_ result: CommandResult, model: ModelID) -> ProbeResult {
        let latency = result.durationMs
        if let launchError = result.launchError {
            return ProbeResult(model: model, ok: false, reason: nil, latencyMs: latency, detail: launchError)
        }
        if result.timedOut {
            return ProbeResult(model: model, ok: false, reason: .timeout, latencyMs: latency,
                               detail: "no answer within \(latency) ms (probe killed)")
        }
        let payload = CLIJSON.parse(result.stdout)?.object
        if result.exitCode == 0 {
            if let payload, payload["ok"]?.bool == false || payload["error"].map({ !$0.isNull }) == true {
                return failure(errorText(payload) ?? result.stdout, model: model, latency: latency)
            }
            let text = payload.flatMap(replyText) ?? (payload == nil ? result.stdout : "")
            let reply = text.trimming(.whitespacesAndNewlines)
            if !reply.isEmpty {
                return ProbeResult(model: model, ok: true, latencyMs: latency, detail: "replied: \(excerpt(reply))")
            }
            return ProbeResult(model: model, ok: false, reason: nil, latencyMs: latency, detail: "exit 0 but no text output")
        }
        if isUnsupported(result) {
            return ProbeResult(model: model, ok: false, reason: nil, latencyMs: latency,
                               detail: "this openclaw has no 'infer model run': \(excerpt(result.stderr))")
        }
        let text = payload.flatMap(errorText) ?? (result.stderr.isEmpty ? result.stdout : result.stderr)
        return failure(text, model: model, latency: latency)
    }

    /// The CLI does not know the command (commander's `error: unknown command '…'`).
    public static func isUnsupported(_ result: CommandResult) -> Bool {
        let text = (result.stderr + result.stdout).lowercased()
        return result.exitCode != 0 && (text.contains("unknown command") || text.contains("unknown option '--local'"))
    }

    private static func failure(_ text: String, model: ModelID, latency: Int) -> ProbeResult {
        let classification = ErrorClassifier.classify(text, httpStatus: HTTPStatusInText.find(text))
        return ProbeResult(model: model, ok: false, reason: classification.reason ?? .unknown,
                           latencyMs: latency, detail: excerpt(text))
    }

    private static func replyText(_ payload: [String: JSONNode]) -> String? {
        for key in ["text", "output", "reply", "content", "response", "message", "result"] {
            if let text = payload[key]?.string, !text.isEmpty { return text }
            if let nested = payload[key]?.object, let text = replyText(nested) { return text }
        }
        if let first = (payload["outputs"] ?? payload["choices"])?.array?.first?.object { return replyText(first) }
        return nil
    }

    private static func errorText(_ payload: [String: JSONNode]) -> String? {
        if let text = payload["error"]?.string { return text }
        if let text = payload["error"]?["message"]?.string { return text }
        return payload["message"]?.string
    }

    private static func excerpt(_ text: String) -> String {
        let line = CommandResult.firstNonEmptyLine(Redactor.redact(text)) ?? ""
        return line
    }
}
