import HealCore

extension OpenClawControl {
    /// Through the gateway's `sessions.patch` RPC, or (with `openclaw.sessionPatch == "file"`) an
    /// atomic edit of the legacy `sessionsFile`.
    func repinSession(key: String, from: ModelID, to: ModelID, config: HealConfig) async -> ActionOutcome {
        if config.openclaw.sessionPatch == "file" {
            return await patchSessionsFile(SessionsFilePatcher.Change(key: key, from: from, to: to), config: config,
                                           failure: "repin \(key) in sessions.json failed")
        }
        return await patchSession(key: key, model: to, config: config, call: "sessions.patch \(key)",
                                  success: "session \(key) repinned \(from) → \(to) via sessions.patch")
    }
}

extension OpenClawControl {
    /// `sessions.patch` with `model: null` (or the file edit that removes the override).
    func clearSessionPin(key: String, from: ModelID, config: HealConfig) async -> ActionOutcome {
        if config.openclaw.sessionPatch == "file" {
            return await patchSessionsFile(SessionsFilePatcher.Change(key: key, from: from, to: nil), config: config,
                                           failure: "clear the pin of \(key) in sessions.json failed")
        }
        return await patchSession(key: key, model: nil, config: config, call: "sessions.patch \(key) model:null",
                                  success: "session \(key) pin \(from) cleared via sessions.patch (model: null)")
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
