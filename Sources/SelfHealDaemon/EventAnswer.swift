import HealCore

/// `POST /events`'s answer: what the healer did with the event, not merely that it arrived.
/// `accepted` is true only when a model failure was blamed on a model; otherwise `reason` says
/// why the event changed nothing (not a failure, not a model's fault, no model to blame, …).
/// `verdict` and `decisions` are the classifier's reading and what the policy did about it.
struct EventAnswer: Encodable {
    var accepted: Bool
    var reason: String?
    var verdict: FailureVerdict?
    var decisions: [DecisionRecord]

    static func ignored(_ reason: String) -> EventAnswer {
        EventAnswer(accepted: false, reason: reason, verdict: nil, decisions: [])
    }

    init(accepted: Bool, reason: String?, verdict: FailureVerdict?, decisions: [DecisionRecord]) {
        self.accepted = accepted; self.reason = reason; self.verdict = verdict; self.decisions = decisions
    }

    init(_ result: IngestResult) {
        self.init(accepted: result.accepted, reason: result.accepted ? nil : Self.whyIgnored(result.verdict),
                  verdict: result.verdict, decisions: result.decisions)
    }

    /// The verdict's effect in words a person posting an event can act on.
    static func whyIgnored(_ verdict: FailureVerdict) -> String {
        if verdict.reason?.isModelFailure != true {
            return "not a model failure" + (verdict.reason.map { " (\($0.rawValue))" } ?? "")
        }
        if verdict.model == nil { return "no model could be blamed" + (verdict.attribution.isEmpty ? "" : ": \(verdict.attribution)") }
        return verdict.effect.rawValue
    }
}
