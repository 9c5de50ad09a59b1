import Testing
@testable import HealCore

/// Every numeric key at both ends of its range: the edge itself is accepted, one past it is
/// refused with a message naming the range and the value.
@Suite struct ConfigRangeTests {
    struct Bound: Sendable, CustomTestStringConvertible {
        let key: String
        let range: ClosedRange<Int>
        var testDescription: String { "\(key) \(range)" }
    }

    static let bounds: [Bound] = [
        Bound(key: "cooldownMinutes", range: 1...10080),
        Bound(key: "probeIntervalSec", range: 60...604_800),
        Bound(key: "autoFix.whatsappDisconnectThreshold", range: 1...10),
        Bound(key: "autoFix.whatsappMinRestartIntervalSec", range: 60...604_800),
        Bound(key: "autoFix.cronFailThreshold", range: 1...20),
        Bound(key: "autoFix.issueCooldownSec", range: 300...2_592_000),
        Bound(key: "autoFix.pluginDisableCooldownSec", range: 60...604_800),
        Bound(key: "server.maxConnections", range: 1...100_000),
        Bound(key: "monitor.intervalSec", range: 1...3600),
        Bound(key: "openclaw.commandTimeoutSec", range: 1...600),
        Bound(key: "openclaw.channelRestartGraceSec", range: 0...86_400),
        Bound(key: "openclaw.maxOutputMiB", range: 1...1024),
        Bound(key: "restartBudget.maxRestarts", range: 1...100),
        Bound(key: "restartBudget.windowSec", range: 60...604_800),
        Bound(key: "restartBudget.pauseSec", range: 60...2_592_000),
        Bound(key: "probe.budgetPerHour", range: 0...3600),
        Bound(key: "server.bodyTimeoutSec", range: 1...300),
        Bound(key: "retention.logMaxBytes", range: 65_536...1_073_741_824),
        Bound(key: "retention.logGenerations", range: 1...100),
        Bound(key: "retention.configBackupsMax", range: 1...1000),
        Bound(key: "retention.configBackupsMaxAgeDays", range: 1...3650),
        Bound(key: "gateway.downTicks", range: 1...100),
        Bound(key: "gateway.downWindowSec", range: 0...86_400),
        Bound(key: "gateway.restartTimeoutSec", range: 30...1800),
        Bound(key: "gateway.verifyWindowSec", range: 30...86_400),
        Bound(key: "gateway.channelRestartVerifySec", range: 10...3600),
        Bound(key: "gateway.breakerBoots", range: 2...20),
        Bound(key: "gateway.breakerWindowSec", range: 60...86_400),
        Bound(key: "flap.count", range: 1...100),
        Bound(key: "flap.windowSec", range: 60...604_800),
        Bound(key: "flap.quietSec", range: 60...604_800),
        Bound(key: "notify.repeatIntervalSec", range: 10...2_592_000),
        Bound(key: "notify.maxAgeSec", range: 60...604_800),
        Bound(key: "notify.timeoutSec", range: 2...120),
        Bound(key: "notify.heartbeat.intervalSec", range: 10...86_400),
    ]

    /// `{ a: { b: value } }` for `a.b`.
    static func config(_ key: String, _ value: Int) -> String {
        key.split(separator: ".").reversed().reduce("\(value)") { inner, part in "{ \(part): \(inner) }" }
    }

    static func read(_ key: String, from config: HealConfig) -> JSON5Value? {
        ConfigSchema.fieldsByKey[key]?.read(config)
    }

    @Test(arguments: bounds)
    func edgesInsideAreAccepted(bound: Bound) throws {
        for value in [bound.range.lowerBound, bound.range.upperBound] {
            let config = try loadConfig(Self.config(bound.key, value))
            #expect(Self.read(bound.key, from: config) == .integer(value), "\(bound.key) = \(value)")
        }
    }

    @Test(arguments: bounds)
    func edgesOutsideAreRefused(bound: Bound) {
        for value in [bound.range.lowerBound - 1, bound.range.upperBound + 1] {
            #expect(configErrors(Self.config(bound.key, value)).map(\.description) == [
                "\(bound.key): must be between \(bound.range.lowerBound) and \(bound.range.upperBound), got \(value)",
            ])
        }
    }

    @Test func everyIntegerKeyOfTheSchemaIsCovered() {
        let integerKeys = ConfigSchema.fields.compactMap { field -> String? in
            if case .integer = field.kind { return field.key } else { return nil }
        }
        #expect(Set(integerKeys) == Set(Self.bounds.map(\.key)))
        for bound in Self.bounds {
            guard case .integer(_, let range) = ConfigSchema.fieldsByKey[bound.key]!.kind else { continue }
            #expect(range == bound.range, "\(bound.key)")
        }
    }

    @Test func everyDefaultIsInsideItsOwnRange() throws {
        // The defaults pass validation: loading an empty file must not fail.
        let config = try loadConfig("{}")
        #expect(config.cooldownMinutes == HealConfig().cooldownMinutes)
    }
}
