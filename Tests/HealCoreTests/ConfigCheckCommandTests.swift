import Foundation
import Testing
@testable import HealCore

@Suite struct ConfigCheckCommandTests {
    @Test func validFilePrintsTheSourceAndTheEffectiveConfig() throws {
        let dir = ConfigScratchDir()
        let file = dir.write("heal.json5", "{ cooldownMinutes: 42, stateFile: '/var/lib/heal/state.json' }")
        let report = CheckConfigCommand.run(path: file, environment: dir.environment)
        #expect(report.exitCode == 0)
        let lines = report.output.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "config OK, from config file \(file)")
        let json = lines.dropFirst().joined(separator: "\n")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["cooldownMinutes"] as? Int == 42)
        // Derived paths are written out.
        #expect(object["auditFile"] as? String == "/var/lib/heal/self-heal-audit.jsonl")
        #expect((object["server"] as? [String: Any])?["tokenFile"] as? String == "/var/lib/heal/self-heal.token")
        #expect(Set(object.keys) == Set(ConfigSchema.keys.map { String($0.split(separator: ".")[0]) }))
        // Sorted keys, pretty printed: deterministic output.
        #expect(json.contains("\"auditFile\""))
        #expect(json.range(of: "\"autoFix\"")!.lowerBound < json.range(of: "\"configBackupsDir\"")!.lowerBound)
        #expect(json.range(of: "\"configBackupsDir\"")!.lowerBound < json.range(of: "\"cooldownMinutes\"")!.lowerBound)
        #expect(json.contains("\n  "))
        #expect(!json.contains("\\/"))
        #expect(report.output.hasSuffix("}\n"))
    }

    @Test func invalidFilePrintsEveryErrorPrefixedWithTheFile() {
        let dir = ConfigScratchDir()
        let file = dir.write("heal.json5", "{ cooldownMinutes: 0, autoFix: { cronFailThreshold: 0 }, extra: 1 }")
        let report = CheckConfigCommand.run(path: file, environment: dir.environment)
        #expect(report.exitCode == 1)
        #expect(report.output == """
        \(file): autoFix.cronFailThreshold: must be between 1 and 20, got 0
        \(file): cooldownMinutes: must be between 1 and 10080, got 0
        \(file): extra: unknown key
        config invalid: 3 errors in config file \(file)

        """)
    }

    @Test func unreadableOrBrokenFileIsOneLineNamingThePath() {
        let dir = ConfigScratchDir()
        let missing = dir.path + "/missing.json5"
        let report = CheckConfigCommand.run(path: missing, environment: dir.environment)
        #expect(report.exitCode == 1)
        #expect(report.output == "\(missing): no such file\nconfig invalid: 1 error in config file \(missing)\n")
        let broken = dir.write("broken.json5", "{ a: }")
        let brokenReport = CheckConfigCommand.run(path: broken, environment: dir.environment)
        #expect(brokenReport.exitCode == 1)
        #expect(brokenReport.output.hasPrefix("\(broken): not valid JSON5: line 1, column 6: unexpected '}', expected a value\n"))
    }

    @Test func noFileReportsTheFallbackSource() {
        let dir = ConfigScratchDir()
        let report = CheckConfigCommand.run(path: nil, environment: dir.environment)
        #expect(report.exitCode == 0)
        #expect(report.output.hasPrefix("config OK, from embedded defaults (no config file given; \(dir.path)/.openclaw/openclaw.json does not exist)\n{"))

        let openclaw = dir.write(".openclaw/openclaw.json", "{ plugins: { entries: { 'openclaw-self-healing': { config: { cooldownMinutes: 0 } } } } }")
        let bad = CheckConfigCommand.run(path: nil, environment: dir.environment)
        #expect(bad.exitCode == 1)
        #expect(bad.output.hasPrefix("\(openclaw) plugins.entries.openclaw-self-healing.config: cooldownMinutes: must be between 1 and 10080, got 0\n"))
    }
}
