import HealCore

extension OpenClawControl {
    /// `infer model run --local` for the one model; on a CLI without `infer`, `models status --probe`
    /// for its provider (which probes one candidate model per provider: when that is another model,
    /// the verdict is the provider's and the detail says so). `ok` is the model's verdict.
    func probeModel(_ model: ModelID, config: HealConfig) async -> ActionOutcome {
        let result = await run(OpenClawCommands.inferProbe(config, model: model), config)
        if !InferRunParser.isUnsupported(result) {
            let probe = InferRunParser.parse(result, model: model)
            return ActionOutcome(ok: probe.ok, detail: "probe \(model): \(probe.detail)", probe: probe)
        }
        let provider = model.provider
        let fallback = await run(OpenClawCommands.modelsStatusProbe(config, provider: provider), config)
        let results: [ProbeResult]
        do {
            results = try ModelsStatusProbeParser.parse(fallback)
        } catch {
            let probe = ProbeResult(model: model, ok: false, reason: nil, latencyMs: fallback.durationMs,
                                    detail: "no `infer` in this CLI; \(error)")
            return ActionOutcome(ok: false, detail: "probe \(model): \(probe.detail)", probe: probe)
        }
        if var exact = results.first(where: { $0.model == model }) {
            exact.detail = "models status --probe: \(exact.detail)"
            return ActionOutcome(ok: exact.ok, detail: "probe \(model): \(exact.detail)", probe: exact)
        }
        if let sameProvider = results.first(where: { $0.model.provider == provider }) {
            let probe = ProbeResult(model: model, ok: sameProvider.ok, reason: sameProvider.reason, latencyMs: sameProvider.latencyMs,
                                    detail: "provider-level probe via \(sameProvider.model): \(sameProvider.detail)")
            return ActionOutcome(ok: probe.ok, detail: "probe \(model): \(probe.detail)", probe: probe)
        }
        let probe = ProbeResult(model: model, ok: false, reason: nil, latencyMs: fallback.durationMs,
                                detail: "models status --probe returned no result for provider \(provider)")
        return ActionOutcome(ok: false, detail: "probe \(model): \(probe.detail)", probe: probe)
    }
}
