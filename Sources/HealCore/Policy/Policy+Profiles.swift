import FoundationEssentials

extension Policy {
    /// OpenClaw's `rotate_profile`: the call failed with one auth profile and OpenClaw moved to
    /// another key for the same model. The profile is remembered as cooling (so the model counts
    /// as down once every known profile is), the model itself is not cooled and no session moves.
    static func profileRotated(_ s: inout HealState, model: ModelID, profile: String?, reason: FailureReason,
                               retryAfterSec: Int?, failedAt: Date, evidence: [String], now: Date,
                               config: HealConfig, into decisions: inout [Decision]) {
        var extra = ["the model is not cooled: OpenClaw kept it and switched credentials"]
        if let profile {
            var record = s.models[model] ?? ModelRecord()
            let strike = max(1, record.strikes)
            if let seconds = CooldownLadder.seconds(for: reason, strike: strike, retryAfterSec: retryAfterSec,
                                                    cooldownMinutes: config.cooldownMinutes) {
                let until = failedAt.addingTimeInterval(TimeInterval(seconds))
                record.profileUntil[profile] = max(record.profileUntil[profile] ?? .distantPast, until)
                extra.append("profile \(profile) cooling until \(iso(until))")
            }
            record.lastReason = reason
            s.models[model] = record
        }
        decisions.append(Decision(incident: s.nextIncident(at: now), rule: Rule.profileRotated,
                                  trigger: "OpenClaw rotated the auth profile of \(model) (\(reason.rawValue))",
                                  evidence: evidence + extra))
    }
}
