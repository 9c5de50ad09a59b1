import FoundationEssentials

/// Keeps the audit log quiet: a refused action (budget, backoff, pause, guard, breaker) is written
/// once per change of condition, not on every tick that decides it again.
///
/// A refusal's key is its rule and action; its condition is the refusal's wording up to the first
/// colon or digit ("backoff", "restarts paused until", "config invalid", "crash-loop breaker"), so
/// counting seconds do not make every tick's refusal look new. A full tick that no longer refuses
/// a key forgets it, so the next refusal is written again. Pure: the memory is kept in the state.
public enum RefusalNoise {
    public struct Result: Equatable, Sendable {
        /// Indices of decisions whose audit record is left out.
        public var silenced: Set<Int>
        public var memory: [String: String]
    }

    public static func filter(_ decisions: [Decision], memory: [String: String], completeTick: Bool) -> Result {
        var next = completeTick ? [:] : memory
        var silenced = Set<Int>()
        for (i, d) in decisions.enumerated() {
            guard let refusal = d.refusal, let action = d.action else { continue }
            // Redacted: the memory is saved in the state file, and a target (a session key, an
            // issue title) can hold a secret. Redaction is deterministic, so equal keys stay equal.
            let key = Redactor.redact("\(d.rule) \(action.kind) \(target(action))")
            let condition = Redactor.redact(condition(of: refusal))
            if memory[key] == condition { silenced.insert(i) }
            next[key] = condition
        }
        return Result(silenced: silenced, memory: next)
    }

    /// The refusal's kind, without the numbers and times that change from tick to tick.
    public static func condition(of refusal: String) -> String {
        var out = ""
        for ch in refusal {
            if ch == ":" || ch.isNumber { break }
            out.append(ch)
        }
        return out.trimming(.whitespaces)
    }

    static func target(_ action: HealAction) -> String {
        switch action {
        case .restartGateway: return "gateway"
        case .disableCron(let id, _): return id
        case .disablePlugin(let id): return id
        case .repinSession(let key, _, let to), .restoreSessionPin(let key, _, let to): return "\(key)->\(to)"
        case .clearSessionPin(let key, _): return "\(key)->default"
        case .probeModel(let model): return model.description
        case .fileIssue(let issue): return issue.title
        case .restartChannel(let channel, let account, _, _): return "\(channel):\(account)"
        }
    }
}
