import FoundationEssentials
import HealCore

extension GatewayLogLineParser {
    /// What a line says about one failure, before it becomes a `FailureEvent`.
    struct FailureFields {
        var provider: String?
        var model: String?
        /// OpenClaw's own classification (`reason`, `failoverReason`, a `(rate_limit)` suffix), if any.
        var explicitReason: String?
        var status: Int?
        /// The text stored in the event (the most specific error text the line has).
        var errorText: String
        /// Everything the classifier should read; usually `errorText` plus raw previews.
        var classificationText: String
        var sessionKey: String?
        var runId: String?
        /// The auth profile the call used (`profileId`, `profile=`).
        var profileId: String? = nil
        /// OpenClaw's failover decision (`candidate_failed`, `rotate_profile`, …).
        var decision: String? = nil
    }

    /// Builds the failure, classifying the text when OpenClaw gave no usable reason. Nil when no model
    /// is known (the healer cools models, so an unattributed failure is of no use to it) or when the
    /// failure is a context overflow (not a model failure).
    static func makeFailure(_ fields: FailureFields, origin: GatewayLogLineFailure.Origin, at: Date,
                            classified: Classification? = nil) -> GatewayLogLineFailure? {
        guard let model = modelIdentifier(provider: fields.provider, model: fields.model) else { return nil }
        // OpenClaw's own reason is kept; the classifier runs only where it gave none (or only its
        // catch-all), so each failure is classified once, and its verdict goes with the event.
        var reason = failureReason(fromLog: fields.explicitReason)
        let classification: Classification
        if let reason, reason != .unknown {
            classification = ErrorClassifier.hints(in: fields.classificationText, reason: reason)
        } else {
            classification = classified ?? ErrorClassifier.classify(fields.classificationText, httpStatus: fields.status,
                                                                    provider: model.provider)
            reason = classification.reason ?? reason
        }
        if reason == .contextOverflow { return nil }
        let event = FailureEvent(at: at, source: .log, model: model, sessionKey: fields.sessionKey,
                                 errorText: fields.errorText, httpStatus: fields.status, reason: reason,
                                 retryAfterSec: classification.retryAfterSec, resetAt: classification.resetAt,
                                 profileId: fields.profileId, decision: fields.decision)
        return GatewayLogLineFailure(event: event, runId: fields.runId, origin: origin)
    }

    /// The model a line names, as OpenClaw's config writes it: a model that already carries its
    /// provider prefix keeps it; placeholders (`unknown`, `-`) count as missing, and so does an id
    /// with nothing on one side of its `/`.
    static func modelIdentifier(provider: String?, model: String?) -> ModelID? {
        func clean(_ value: String?) -> String? {
            guard let value = value.map({ String(trimmingSpaces($0[...])) }), !value.isEmpty,
                  value != "unknown", value != "-", !value.utf8.contains(0x20) else { return nil }
            return value
        }
        guard let model = clean(model) else { return nil }
        guard let provider = clean(provider) else { return model.hasPrefix("/") ? nil : ModelID(model) }
        return ModelID(model: model, under: provider)
    }

    /// OpenClaw's `FailoverReason` strings; its newer catch-alls (`empty_response`, `no_error_details`,
    /// `unclassified`) carry no more than `unknown` does.
    static func failureReason(fromLog raw: String?) -> FailureReason? {
        guard let raw else { return nil }
        if let reason = FailureReason(rawValue: raw) { return reason }  // the usual, exact spelling
        return FailureReason(openClawName: raw)
    }

    /// Whether `token` is a reason OpenClaw writes in a `(reason)` suffix.
    static func isReasonToken(_ token: Substring) -> Bool {
        failureReason(fromLog: String(token)) != nil
    }

    /// The first non-empty string among `keys` of `meta`.
    static func firstString(_ meta: [String: LogJSONValue], _ keys: [String]) -> String? {
        for key in keys {
            if let value = meta[key]?.stringValue {
                let trimmed = trimmingSpaces(value[...], newlines: true)
                if !trimmed.isEmpty { return trimmed.utf8.count == value.utf8.count ? value : String(trimmed) }
            }
        }
        return nil
    }

    /// The first integer among `keys` of `meta` that is a plausible HTTP status.
    static func firstStatus(_ meta: [String: LogJSONValue], _ keys: [String] = ["status", "httpCode", "httpStatus", "statusCode"]) -> Int? {
        for key in keys {
            if let value = meta[key]?.intValue, (100...599).contains(value) { return value }
        }
        return nil
    }

    /// The distinct non-empty strings among `keys` of `meta`, joined for the classifier.
    static func joinedStrings(_ meta: [String: LogJSONValue], _ keys: [String]) -> String {
        var seen: [String] = []
        for key in keys {
            if let value = meta[key]?.stringValue, !value.isEmpty, !seen.contains(value) { seen.append(value) }
        }
        return seen.joined(separator: "\n")
    }
}
