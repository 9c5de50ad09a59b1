import HealCore

extension OpenClawControl {
    /// Through the gateway's `sessions.patch` RPC, or (with `openclaw.sessionPatch == "file"`) an
    /// atomic edit of the legacy `sessionsFile`.
    func repinSession(key: String, from: ModelID, to: ModelID, config: HealConfig) async -> ActionOutcome {
        if config.openclaw.sessionPatch == "file" {
            let change = SessionsFilePatcher.Change(key: key, from: from, to: to)
            let path = config.sessionsFile
            let outcome = await DedicatedThread.run(name: "sessions.json patch") { () -> ActionOutcome in
                do {
                    return ActionOutcome(ok: true, detail: try SessionsFilePatcher.apply(change, path: path))
                } catch {
                    return ActionOutcome(ok: false, detail: "repin \(key) in sessions.json failed: \(error)")
                }
            }
            return outcome
        }
        let result = await run(OpenClawCommands.sessionsPatch(config, key: key, model: to), config)
        guard result.succeeded else {
            return ActionOutcome(ok: false, detail: "sessions.patch \(key) failed: \(result.failureSummary)")
        }
        if let reply = CLIJSON.parse(result.stdout)?.object, reply["ok"]?.bool == false {
            let why = reply["error"]?.string ?? reply["error"]?["message"]?.string ?? "ok:false"
            return ActionOutcome(ok: false, detail: "sessions.patch \(key) refused: \(why)")
        }
        return ActionOutcome(ok: true, detail: "session \(key) repinned \(from) → \(to) via sessions.patch")
    }
}

extension OpenClawControl {
    /// `sessions.patch` with `model: null` (or the file edit that removes the override).
    func clearSessionPin(key: String, from: ModelID, config: HealConfig) async -> ActionOutcome {
        if config.openclaw.sessionPatch == "file" {
            let change = SessionsFilePatcher.Change(key: key, from: from, to: nil)
            let path = config.sessionsFile
            return await DedicatedThread.run(name: "sessions.json patch") { () -> ActionOutcome in
                do {
                    return ActionOutcome(ok: true, detail: try SessionsFilePatcher.apply(change, path: path))
                } catch {
                    return ActionOutcome(ok: false, detail: "clear the pin of \(key) in sessions.json failed: \(error)")
                }
            }
        }
        let result = await run(OpenClawCommands.sessionsPatch(config, key: key, model: nil), config)
        guard result.succeeded else {
            return ActionOutcome(ok: false, detail: "sessions.patch \(key) model:null failed: \(result.failureSummary)")
        }
        if let reply = CLIJSON.parse(result.stdout)?.object, reply["ok"]?.bool == false {
            let why = reply["error"]?.string ?? reply["error"]?["message"]?.string ?? "ok:false"
            return ActionOutcome(ok: false, detail: "sessions.patch \(key) model:null refused: \(why)")
        }
        return ActionOutcome(ok: true, detail: "session \(key) pin \(from) cleared via sessions.patch (model: null)")
    }
}
