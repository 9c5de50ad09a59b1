import FoundationEssentials

/// Everything a status snapshot is built from, copied out of the healer in one step (values
/// only, so the build and the encoding can run anywhere: the journal's writer for the status
/// file, an HTTP handler for `/status`, never the actor).
struct StatusSource: Sendable {
    var state: HealState
    var config: HealConfig
    var inputs: StatusInputs
    var notifyTargets: [NotifyTargetStatus]
    var heartbeat: HeartbeatStatus?

    func build() -> StatusSnapshot {
        var snap = StatusBuilder.build(state: state, config: config, inputs: inputs)
        snap.addIncidents(state: state, now: inputs.now, targets: notifyTargets, heartbeat: heartbeat)
        return snap
    }

    func render(_ format: RenderedStatusCache.Format) -> [UInt8] {
        let snap = build()
        switch format {
        case .json: return (try? snap.jsonData(pretty: false)).map(Array.init) ?? []
        case .prettyJSON: return (try? snap.jsonData(pretty: true)).map { Array($0) + [0x0A] } ?? []
        case .prometheus: return Array(PrometheusRenderer.render(snap).utf8)
        }
    }
}
