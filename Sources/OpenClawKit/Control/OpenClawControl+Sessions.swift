import HealCore

extension OpenClawControl {
    /// A session's pin moved to `to`, or (`to == nil`) removed so the session goes back to the
    /// agent's default: through the gateway's `sessions.patch` RPC (`model: null` for a clear),
    /// or (with `openclaw.sessionPatch == "file"`) an atomic edit of the legacy `sessionsFile`.
    func setSessionPin(key: String, from: ModelID, to: ModelID?, config: HealConfig) async -> ActionOutcome {
        if config.openclaw.sessionPatch == "file" {
            let failure = to == nil ? "clear the pin of \(key) in sessions.json failed" : "repin \(key) in sessions.json failed"
            return await patchSessionsFile(SessionsFilePatcher.Change(key: key, from: from, to: to), config: config,
                                           failure: failure)
        }
        guard let to else {
            return await patchSession(key: key, model: nil, config: config, call: "sessions.patch \(key) model:null",
                                      success: "session \(key) pin \(from) cleared via sessions.patch (model: null)")
        }
        return await patchSession(key: key, model: to, config: config, call: "sessions.patch \(key)",
                                  success: "session \(key) repinned \(from) → \(to) via sessions.patch")
    }
}

extension OpenClawControl {
    /// The file edit, off the cooperative pool (it fsyncs); `failure` heads the error's text.
    private func patchSessionsFile(_ change: SessionsFilePatcher.Change, config: HealConfig, failure: String) async -> ActionOutcome {
        let path = config.sessionsFile
        return await DedicatedThread.run(name: "sessions.json patch") { () -> ActionOutcome in
            do {
                return ActionOutcome(ok: true, detail: try SessionsFilePatcher.apply(change, path: path))
            } catch {
                return ActionOutcome(ok: false, detail: "\(failure): \(error)")
            }
        }
    }

    /// The RPC: a failed command and an `ok: false` reply are both failures, told apart in the
    /// detail (`<call> failed: …`, `<call> refused: …`).
    private func patchSession(key: String, model: ModelID?, config: HealConfig, call: String, success: String) async -> ActionOutcome {
        let result = await run(OpenClawCommands.sessionsPatch(config, key: key, model: model), config)
        guard result.succeeded else {
            return ActionOutcome(ok: false, detail: "\(call) failed: \(result.failureSummary)")
        }
        if let reply = CLIJSON.parse(result.stdout)?.object, reply["ok"]?.bool == false {
            let why = reply["error"]?.string ?? reply["error"]?["message"]?.string ?? "ok:false"
            return ActionOutcome(ok: false, detail: "\(call) refused: \(why)")
        }
        return ActionOutcome(ok: true, detail: success)
    }
}
