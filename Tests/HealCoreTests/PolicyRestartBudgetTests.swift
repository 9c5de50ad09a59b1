import Foundation
import Testing
@testable import HealCore

struct PolicyRestartBudgetTests {
    let config = makeConfig {
        $0.restartBudget.maxRestarts = 3; $0.restartBudget.windowSec = 3600; $0.restartBudget.pauseSec = 7200
        $0.autoFix.whatsappMinRestartIntervalSec = 60
    }

    @Test func backoffDoublesWithinTheWindow() {
        var b = RestartBudgetState()
        #expect(RestartGate.request(&b, trigger: "t", now: at(0), config: config) == .allowed)
        // 2nd restart needs 60 s, the 3rd 120 s after the 2nd.
        #expect(RestartGate.request(&b, trigger: "t", now: at(59), config: config) != .allowed)
        #expect(RestartGate.request(&b, trigger: "t", now: at(60), config: config) == .allowed)
        #expect(RestartGate.request(&b, trigger: "t", now: at(179), config: config) != .allowed)
        #expect(RestartGate.request(&b, trigger: "t", now: at(180), config: config) == .allowed)
        #expect(b.restarts == [at(0), at(60), at(180)])
    }

    @Test func aSpentBudgetPausesAndResumesByItself() throws {
        var b = RestartBudgetState(restarts: [at(0), at(60), at(180)], lastRestartAt: at(180))
        guard case .refused(let why, let pausedNow) = RestartGate.request(&b, trigger: "whatsapp-restart", now: at(1000), config: config) else {
            Issue.record("expected a refusal"); return
        }
        #expect(pausedNow)
        #expect(why.contains("restart budget spent: 3 restarts in the last 3600 s"))
        #expect(b.pausedUntil == at(1000 + 7200))
        #expect(b.isPaused(at: at(8199)))
        // Still paused, long after the window emptied.
        guard case .refused(let again, false) = RestartGate.request(&b, trigger: "t", now: at(8199), config: config) else {
            Issue.record("expected a refusal during the pause"); return
        }
        #expect(again.hasPrefix("restarts paused until"))
        #expect(RestartGate.request(&b, trigger: "t", now: at(8200), config: config) == .allowed)
        #expect(b.pausedUntil == nil && b.pauseReason == nil)
    }

    @Test func theWindowSlides() {
        var b = RestartBudgetState(restarts: [at(0), at(600), at(1800)], lastRestartAt: at(1800))
        let c = makeConfig { $0.restartBudget.maxRestarts = 3; $0.restartBudget.windowSec = 3600; $0.autoFix.whatsappMinRestartIntervalSec = 60 }
        // At 3600 the first restart leaves the window: 2 used, backoff 120 s since 1800 → allowed.
        #expect(RestartGate.request(&b, trigger: "t", now: at(3600), config: c) == .allowed)
        #expect(b.restarts == [at(600), at(1800), at(3600)])
    }

    @Test func theTickResumesAPausedBudgetAndSaysSo() {
        var s = HealState()
        s.restartBudget = RestartBudgetState(restarts: [], lastRestartAt: at(0), pausedUntil: at(500), pauseReason: "spent")
        let (still, d1) = evaluate(s, observe(at: at(499)), config: config)
        #expect(d1.with(rule: Rule.restartBudgetResumed).isEmpty && still.restartBudget.pausedUntil != nil)
        let (after, d2) = evaluate(s, observe(at: at(500)), config: config)
        #expect(d2.with(rule: Rule.restartBudgetResumed).count == 1)
        #expect(after.restartBudget.pausedUntil == nil)
    }

    @Test func everyRefusedRestartIsADecisionAndThePauseIsAnnounced() {
        let c = makeConfig {
            $0.restartBudget.maxRestarts = 1; $0.restartBudget.windowSec = 3600; $0.restartBudget.pauseSec = 3600
            $0.autoFix.whatsappDisconnectThreshold = 1; $0.autoFix.whatsappMinRestartIntervalSec = 60
            $0.openclaw.channelRestartGraceSec = 0
        }
        var s = HealState()
        var all: [Decision] = []
        for i in 0..<6 {
            let (next, d) = evaluate(s, observe(at: at(Double(i) * 60), whatsapp: .value(.down)), config: c)
            s = next; all += d
        }
        // The channel restart at 0 s, then the gateway restarts it escalates to (issue 12).
        let wanted = all.filter { $0.rule == Rule.whatsappRestart || $0.rule == Rule.channelRestart }
        #expect(wanted.count == 6, "one decision per tick, granted or refused")
        #expect(wanted.filter(\.isRunnable).count == 1)
        #expect(all.with(rule: Rule.restartBudgetPaused).count == 1)
        #expect(s.restartBudget.pausedUntil == at(60 + 3600))
    }

    struct GuardRow: Sendable, CustomStringConvertible {
        let file: ConfigFileObservation, action: HealAction, refused: Bool
        var description: String { "\(file) \(action.kind)" }
    }

    static let guardRows: [GuardRow] = [
        GuardRow(file: .valid, action: .restartGateway(reason: "x"), refused: false),
        GuardRow(file: .invalid("e"), action: .restartGateway(reason: "x"), refused: true),
        GuardRow(file: .invalid("e"), action: .disableCron(id: "j", name: "n"), refused: true),
        GuardRow(file: .invalid("e"), action: .disablePlugin(id: "p"), refused: true),
        GuardRow(file: .invalid("e"), action: .repinSession(key: "k", from: "a/b", to: "c/d"), refused: true),
        GuardRow(file: .invalid("e"), action: .probeModel(model: "a/b"), refused: false),
        GuardRow(file: .invalid("e"), action: .fileIssue(IssueRequest(repo: "o/r", title: "t", body: "b", labels: [])), refused: false),
        GuardRow(file: .missing, action: .restartGateway(reason: "x"), refused: true),
        GuardRow(file: .missing, action: .disablePlugin(id: "p"), refused: true),
        GuardRow(file: .missing, action: .disableCron(id: "j", name: "n"), refused: false),
        GuardRow(file: .missing, action: .repinSession(key: "k", from: "a/b", to: "c/d"), refused: false),
    ]

    @Test(arguments: guardRows)
    func configGuard(_ row: GuardRow) {
        #expect((ActionGuard.refusal(for: row.action, configFile: row.file) != nil) == row.refused)
    }
}
