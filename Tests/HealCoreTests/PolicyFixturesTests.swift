import Foundation
import Testing
@testable import HealCore
import TestSupport

// Shared fixtures for the HealCore tests (named *Tests.swift to sit with the tests it serves).

let modelA: ModelID = "anthropic/claude-opus-4-6"
let modelB: ModelID = "openai/gpt-5.2"
let modelC: ModelID = "google/gemini-2.5-flash"
let t0 = TestClock.epoch

func at(_ seconds: Double) -> Date { t0.addingTimeInterval(seconds) }

func makeConfig(_ change: (inout HealConfig) -> Void = { _ in }) -> HealConfig {
    var c = HealConfig()
    c.modelOrder = [modelA, modelB, modelC]
    c.cooldownMinutes = 300
    c.probeIntervalSec = 300
    c.autoFix.whatsappDisconnectThreshold = 2
    c.autoFix.whatsappMinRestartIntervalSec = 300
    c.openclaw.channelRestartGraceSec = 600
    c.autoFix.disableFailingCrons = true
    c.autoFix.disableFailingPlugins = true
    // A channel restart is judged by the next 60-second tick: the ladder's next step (a gateway
    // restart) then comes one tick later, as a restart used to.
    c.gateway.channelRestartVerifySec = 10
    change(&c)
    return c
}

extension WhatsAppObservation {
    static let connected = WhatsAppObservation(present: true, accountId: "default", enabled: true, configured: true,
                                               linked: true, running: true, connected: true, healthState: "healthy")
    /// Down for good: OpenClaw's reconnect attempts are spent (issue 12: a link still reconnecting
    /// is not a disconnect, so this fixture is `stale` with 10 attempts, no longer `reconnecting`).
    static let down = WhatsAppObservation(present: true, accountId: "default", enabled: true, configured: true,
                                          linked: true, running: true, connected: false, healthState: "stale",
                                          reconnectAttempts: 10, lastDisconnectStatus: 428, lastError: "Connection Closed")
    /// OpenClaw is still reconnecting it.
    static let reconnecting = WhatsAppObservation(present: true, accountId: "default", enabled: true, configured: true,
                                                  linked: true, running: true, connected: false, healthState: "reconnecting",
                                                  reconnectAttempts: 3, lastDisconnectStatus: 428, lastError: "Connection Closed")
    static let notPresent = WhatsAppObservation(present: false)
    static let unreachable = WhatsAppObservation(present: false, gatewayReachable: false)
    static let loggedOut = WhatsAppObservation(present: true, accountId: "default", enabled: true, configured: true,
                                               linked: false, running: true, connected: false, healthState: "logged-out",
                                               lastDisconnectStatus: 401, loggedOut: true)
    static let conflict = WhatsAppObservation(present: true, accountId: "default", enabled: true, configured: true,
                                              linked: true, running: false, connected: false, healthState: "conflict")
}

let gatewayLive = GatewayObservation(reachable: true, live: true, ready: true, detail: "live")
let gatewayDown = GatewayObservation(reachable: false, live: false, ready: false, detail: "connect ECONNREFUSED 127.0.0.1:18789")

func observe(at time: Date, gateway: GatewayObservation = gatewayLive,
             whatsapp: Observed<WhatsAppObservation> = .value(.connected),
             cron: Observed<[CronJobObservation]> = .value([]), plugins: Observed<[PluginObservation]> = .value([]),
             sessions: Observed<[SessionPin]> = .value([]), config: ConfigFileObservation = .valid) -> Observation {
    Observation(at: time, gateway: gateway, whatsapp: whatsapp, cronJobs: cron, plugins: plugins, sessions: sessions,
                openclawConfig: config)
}

func failure(_ model: ModelID?, _ reason: FailureReason?, text: String = "429 rate_limit_error", at time: Date = t0,
             session: String? = nil, retryAfter: Int? = nil, source: FailureEvent.Source = .log) -> FailureEvent {
    FailureEvent(at: time, source: source, model: model, sessionKey: session, errorText: text, reason: reason,
                 retryAfterSec: retryAfter)
}

func pin(_ key: String, _ model: ModelID, source: String? = "user") -> SessionPin {
    SessionPin(key: key, providerOverride: model.provider, modelOverride: model.model, modelOverrideSource: source)
}

/// Runs `Policy.ingest` and returns the new state, decisions and verdict.
func ingest(_ state: HealState, _ event: FailureEvent, now: Date = t0, config: HealConfig = makeConfig(),
            pins: [SessionPin] = [], file: ConfigFileObservation = .valid) -> (HealState, [Decision], FailureVerdict) {
    let (r, v) = Policy.ingest(state: state, event: event, context: PolicyContext(knownPins: pins, configFile: file),
                               now: now, config: config)
    return (r.state, r.decisions, v)
}

/// Runs one `Policy.evaluate`.
func evaluate(_ state: HealState, _ observation: Observation, config: HealConfig = makeConfig()) -> (HealState, [Decision]) {
    let r = Policy.evaluate(state: state, observation: observation, now: observation.at, config: config)
    return (r.state, r.decisions)
}

extension Array where Element == Decision {
    func rules() -> [String] { map(\.rule) }
    func runnable() -> [Decision] { filter(\.isRunnable) }
    func actions() -> [HealAction] { compactMap { $0.isRunnable ? $0.action : nil } }
    func with(rule: String) -> [Decision] { filter { $0.rule == rule } }
}

/// A deterministic generator for the scenario tests (SplitMix64).
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A fresh temporary directory, removed by the caller with `removeTemp`.
func makeTempDir(_ name: String = #function) -> String {
    let safe = name.filter { $0.isLetter || $0.isNumber }
    let dir = NSTemporaryDirectory() + "healcore-\(safe)-\(UUID().uuidString.prefix(8))"
    try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}

func removeTemp(_ dir: String) { try? FileManager.default.removeItem(atPath: dir) }

func fileMode(_ path: String) -> Int? {
    (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue
}
