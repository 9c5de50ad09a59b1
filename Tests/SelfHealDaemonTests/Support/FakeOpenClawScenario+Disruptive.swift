import TestSupport

extension FakeOpenClawScenario {
    /// Calls that change the gateway: restarts, disables, repins.
    var disruptiveCalls: [Call] {
        records.filter { call in
            let words = call.argv.filter { !$0.hasPrefix("-") }
            if call.tool == "systemctl" { return words.first == "restart" }
            guard call.tool == "openclaw" else { return false }
            return words.starts(with: ["gateway", "restart"]) || words.starts(with: ["cron", "disable"])
                || words.starts(with: ["plugins", "disable"]) || words.starts(with: ["gateway", "call", "sessions.patch"])
                || words.starts(with: ["cron", "edit"])
                || words.starts(with: ["gateway", "call", "channels.stop"]) || words.starts(with: ["gateway", "call", "channels.start"])
        }
    }
}
