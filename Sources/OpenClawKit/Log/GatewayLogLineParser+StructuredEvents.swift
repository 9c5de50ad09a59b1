import FoundationEssentials
import HealCore

/// The structured events OpenClaw logs around a model failure (`"1"` is their meta object).
extension GatewayLogLineParser {
    /// Keys under which the events keep error texts, most specific first.
    static let errorTextKeys = ["errorPreview", "providerErrorMessagePreview", "fallbackStepFromFailureDetail",
                                "rawErrorPreview", "error", "rawError"]

    /// `model_fallback_decision`: only `candidate_failed` is a failure; `candidate_succeeded`,
    /// `skip_candidate` and `probe_cooldown_candidate` are routine.
    static func fallbackDecisionFailure(_ line: GatewayLogLine, at: Date) -> GatewayLogLineFailure? {
        let meta = line.meta
        guard meta["decision"]?.stringValue == "candidate_failed" else { return nil }
        var provider = firstString(meta, ["candidateProvider", "requestedProvider"])
        var model = firstString(meta, ["candidateModel", "requestedModel"])
        if model == nil, let step = firstString(meta, ["fallbackStepFromModel"]) {
            provider = nil
            model = step
        }
        let text = firstString(meta, errorTextKeys) ?? ""
        let fields = FailureFields(
            provider: provider, model: model,
            explicitReason: firstString(meta, ["reason", "fallbackStepFromFailureReason"]),
            status: firstStatus(meta), errorText: text,
            classificationText: joinedStrings(meta, errorTextKeys),
            sessionKey: line.sessionKey, runId: firstString(meta, ["runId"]),
            profileId: firstString(meta, ["profileId", "candidateProfileId"]), decision: "candidate_failed")
        return makeFailure(fields, origin: .fallbackDecision, at: at)
    }

    /// `embedded_run_failover_decision`: `rotate_profile`, `fallback_model` and `surface_error` all
    /// follow a failed call to `provider/model`; the decision goes with the event, since
    /// `rotate_profile` (another key for the same model) is no evidence the model is down.
    static func failoverDecisionFailure(_ line: GatewayLogLine, at: Date) -> GatewayLogLineFailure? {
        let meta = line.meta
        let fields = FailureFields(
            provider: firstString(meta, ["provider"]), model: firstString(meta, ["model"]),
            explicitReason: firstString(meta, ["failoverReason", "profileFailureReason", "reason"]),
            status: firstStatus(meta), errorText: firstString(meta, errorTextKeys) ?? "",
            classificationText: joinedStrings(meta, errorTextKeys),
            sessionKey: line.sessionKey, runId: firstString(meta, ["runId"]),
            profileId: firstString(meta, ["profileId"]), decision: firstString(meta, ["decision"]))
        return makeFailure(fields, origin: .failoverDecision, at: at)
    }

    /// The `model.failover` diagnostic (one per fallback hop: `from`, `to`, `reason`,
    /// `cascadeDepth`, `suspended`): the `from` model failed.
    static func modelFailoverDiagnostic(_ line: GatewayLogLine, at: Date) -> GatewayLogLineFailure? {
        let meta = line.meta
        let fields = FailureFields(
            provider: firstString(meta, ["fromProvider"]), model: firstString(meta, ["from", "fromModel"]),
            explicitReason: firstString(meta, ["reason", "failoverReason"]),
            status: firstStatus(meta), errorText: firstString(meta, errorTextKeys) ?? "",
            classificationText: joinedStrings(meta, errorTextKeys),
            sessionKey: line.sessionKey, runId: firstString(meta, ["runId"]),
            profileId: firstString(meta, ["profileId"]), decision: "model.failover")
        return makeFailure(fields, origin: .failoverDecision, at: at)
    }

    /// `embedded_run_agent_end`: a run that ended in an error. When the error is an
    /// `All models failed` summary, each model in it is a failure of its own.
    static func agentEndFailures(_ line: GatewayLogLine, at: Date) -> [GatewayLogLineFailure] {
        let meta = line.meta
        if meta["isError"]?.boolValue == false { return [] }
        let runId = firstString(meta, ["runId"])
        for key in ["error", "rawErrorPreview", "rawError"] {
            guard let text = meta[key]?.stringValue, contains(summaryHeadline, in: text) else { continue }
            let failures = summaryFailures(in: text, sessionKey: line.sessionKey, runId: runId, at: at)
            if !failures.isEmpty { return failures }
        }
        let text = firstString(meta, ["rawErrorPreview", "providerErrorMessagePreview", "error", "rawError"]) ?? ""
        let classificationText = joinedStrings(meta, ["error", "rawErrorPreview", "providerErrorMessagePreview", "rawError"])
        let fields = FailureFields(
            provider: firstString(meta, ["provider"]), model: firstString(meta, ["model"]),
            explicitReason: firstString(meta, ["failoverReason", "providerRuntimeFailureKind"]),
            status: firstStatus(meta) ?? httpStatus(in: classificationText),
            errorText: text, classificationText: classificationText,
            sessionKey: line.sessionKey, runId: runId)
        return makeFailure(fields, origin: .agentEnd, at: at).map { [$0] } ?? []
    }
}
