extension HealAction {
    /// The action in words, for the audit log and the in-flight record.
    public var summary: String {
        switch self {
        case .restartGateway(let reason): return "restart the gateway (\(reason))"
        case .disableCron(let id, let name): return "disable cron job \(name) (\(id))"
        case .disablePlugin(let id): return "disable plugin \(id)"
        case .repinSession(let key, let from, let to), .restoreSessionPin(let key, let from, let to):
            return "repin session \(key) from \(from) to \(to)"
        case .clearSessionPin(let key, let from): return "clear the pin of session \(key) (was \(from)): back to the agent's default"
        case .probeModel(let model): return "probe \(model)"
        case .fileIssue(let issue): return "file issue in \(issue.repo): \(issue.title)"
        case .restartChannel(let channel, let account, let stopFirst, let reason):
            return "\(stopFirst ? "restart" : "start") channel \(channel):\(account) (\(reason))"
        }
    }
}
