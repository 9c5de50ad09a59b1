import Testing
@testable import HealCore

@Suite struct ConfigDiffTests {
    @Test func identicalConfigsHaveNoChanges() {
        #expect(HealConfig().changedKeys(from: HealConfig()) == [])
    }

    @Test func everyChangedKeyIsNamedDottedAndSorted() throws {
        let old = try loadConfig("{}")
        let new = try loadConfig("""
        { modelOrder: ['a/b'], cooldownMinutes: 60, dryRun: true,
          autoFix: { issueRepo: 'o/r', cronFailThreshold: 4 },
          server: { listen: '127.0.0.1:9999' }, restartBudget: { pauseSec: 600 }, probe: { budgetPerHour: 0 } }
        """)
        #expect(new.changedKeys(from: old) == [
            "autoFix.cronFailThreshold", "autoFix.issueRepo", "cooldownMinutes", "dryRun", "modelOrder",
            "probe.budgetPerHour", "restartBudget.pauseSec", "server.listen",
        ])
        #expect(old.changedKeys(from: new) == new.changedKeys(from: old))
    }

    @Test func modelOrderChangesOnReorderOnly() {
        var a = HealConfig()
        var b = HealConfig()
        a.modelOrder = ["x/1", "y/2"]
        b.modelOrder = ["y/2", "x/1"]
        #expect(a.changedKeys(from: b) == ["modelOrder"])
        b.modelOrder = ["x/1", "y/2"]
        #expect(a.changedKeys(from: b) == [])
    }

    @Test func everyFieldOfTheSchemaTakesPartInTheDiff() {
        // Change every key at once: each one must be reported, so no field is forgotten.
        var changed = HealConfig()
        changed.modelOrder = ["z/z"]; changed.cooldownMinutes += 1; changed.probeEnabled.toggle()
        changed.probeIntervalSec += 1; changed.dryRun.toggle(); changed.stateFile += "x"; changed.statusFile += "x"
        changed.sessionsFile += "x"; changed.configFile += "x"; changed.configBackupsDir += "x"
        changed.metricsFile += "x"; changed.auditFile += "x"
        changed.autoFix.patchSessionPins.toggle(); changed.autoFix.disableFailingCrons.toggle()
        changed.autoFix.disableFailingPlugins.toggle(); changed.autoFix.restartWhatsappOnDisconnect.toggle()
        changed.autoFix.whatsappDisconnectThreshold += 1; changed.autoFix.whatsappMinRestartIntervalSec += 1
        changed.autoFix.cronFailThreshold += 1; changed.autoFix.issueCooldownSec += 1; changed.autoFix.issueRepo += "x"
        changed.autoFix.pluginDisableCooldownSec += 1
        changed.server.listen += "x"; changed.server.tokenFile += "x"; changed.server.maxConnections += 1
        changed.server.authenticateReads.toggle(); changed.monitor.intervalSec += 1
        changed.openclaw.bin += "x"; changed.openclaw.commandTimeoutSec += 1; changed.openclaw.logDir += "x"
        changed.openclaw.gatewayUrl += "x"; changed.openclaw.profile += "x"; changed.openclaw.sessionPatch += "x"
        changed.openclaw.channelRestartGraceSec += 1
        changed.openclaw.maxOutputMiB += 1
        changed.restartBudget.maxRestarts += 1; changed.restartBudget.windowSec += 1; changed.restartBudget.pauseSec += 1
        changed.probe.budgetPerHour += 1
        changed.server.allowedHosts = ["healer.lan"]; changed.server.bodyTimeoutSec += 1
        changed.retention.logMaxBytes += 1; changed.retention.logGenerations += 1
        changed.retention.configBackupsMax += 1; changed.retention.configBackupsMaxAgeDays += 1
        changed.gateway.downTicks += 1; changed.gateway.downWindowSec += 1; changed.gateway.restartTimeoutSec += 1
        changed.gateway.verifyWindowSec += 1; changed.gateway.channelRestartVerifySec += 1
        changed.gateway.breakerBoots += 1; changed.gateway.breakerWindowSec += 1
        changed.flap.count += 1; changed.flap.windowSec += 1; changed.flap.quietSec += 1
        changed.notify.targets = [NotifyTarget(name: "x", kind: .webhook, url: "https://x.example/")]
        changed.notify.repeatIntervalSec += 1; changed.notify.sendResolved.toggle(); changed.notify.caFile += "x"
        changed.notify.maxAgeSec += 1; changed.notify.timeoutSec += 1; changed.notify.heartbeat.url += "x"
        changed.notify.heartbeat.urlFile += "x"; changed.notify.heartbeat.intervalSec += 1
        #expect(changed.changedKeys(from: HealConfig()) == ConfigSchema.keys.sorted())
        #expect(ConfigSchema.keys.count == 64)
    }
}
