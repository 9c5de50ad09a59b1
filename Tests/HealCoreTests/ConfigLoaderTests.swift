import Foundation
import NetAddress
import Testing
@testable import HealCore

/// A private directory for one test, removed when the test is done with it.
final class ConfigScratchDir: @unchecked Sendable {
    let path: String

    init() {
        path = FileManager.default.temporaryDirectory.path + "/healcore-config-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        let file = path + "/" + name
        try! FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true)
        try! text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    /// An environment whose home is this directory and that knows no OpenClaw variables.
    var environment: ConfigEnvironment { ConfigEnvironment(variables: ["HOME": path]) }
}

/// Loads `text` as a config file under a fixed home, for tests of validation messages.
func loadConfig(_ text: String, home: String = "/home/u") throws(ConfigLoadFailure) -> HealConfig {
    try ConfigLoader.load(text: text, path: "/etc/heal.json5",
                          environment: ConfigEnvironment(variables: ["HOME": home])).config
}

/// The errors of loading `text`, or none when it loads.
func configErrors(_ text: String) -> [ConfigError] {
    do {
        _ = try loadConfig(text)
        return []
    } catch {
        return error.errors
    }
}

@Suite struct ConfigLoaderTests {
    @Test func emptyObjectGivesTheSeedDefaultsWithPathsExpanded() throws {
        let config = try loadConfig("{}")
        var expected = HealConfig()
        expected.stateFile = "/home/u/.openclaw/workspace/memory/self-heal-state.json"
        expected.statusFile = "/home/u/.openclaw/workspace/memory/self-heal-status.json"
        expected.sessionsFile = "/home/u/.openclaw/agents/main/sessions/sessions.json"
        expected.configFile = "/home/u/.openclaw/openclaw.json"
        expected.configBackupsDir = "/home/u/.openclaw/backups/openclaw.json"
        expected.metricsFile = "/home/u/.aahp/metrics.jsonl"
        #expect(config == expected)
        #expect(config.modelOrder == ["anthropic/claude-opus-4-6", "openai-codex/gpt-5.2", "google-gemini-cli/gemini-2.5-flash"])
        #expect(config.cooldownMinutes == 300)
        #expect(config.probeIntervalSec == 300)
        #expect(config.autoFix.cronFailThreshold == 3)
        #expect(config.server.listen == "127.0.0.1:9477")
        #expect(config.restartBudget.maxRestarts == 3 && config.restartBudget.windowSec == 1800 && config.restartBudget.pauseSec == 21600)
    }

    @Test func json5WithCommentsAndTrailingCommasIsAccepted() throws {
        let config = try loadConfig("""
        // healer config
        {
          modelOrder: [
            'anthropic/claude-opus-4-6',
            "openrouter/anthropic/claude-sonnet-4", // slashes in the model id are fine
          ],
          /* one week */
          cooldownMinutes: 10080,
          dryRun: true,
          autoFix: { cronFailThreshold: 5, issueRepo: 'me/my-repo', },
          server: { listen: '[::1]:0', },
        }
        """)
        #expect(config.modelOrder == ["anthropic/claude-opus-4-6", "openrouter/anthropic/claude-sonnet-4"])
        #expect(config.cooldownMinutes == 10080)
        #expect(config.dryRun)
        #expect(config.autoFix.cronFailThreshold == 5)
        #expect(config.autoFix.issueRepo == "me/my-repo")
        #expect(config.server.listen == "[::1]:0")
        #expect(config.listenAddress == ListenAddress(host: "::1", port: 0, isIPv6: true))
    }

    @Test func reportsEveryErrorAtOnce() {
        let errors = configErrors("""
        {
          cooldownMinutes: 0,
          probeIntervalSec: "300",
          dryRun: "yes",
          autoFix: { cronFailThreshold: 21, issueRepo: "not a repo" },
          monitor: 5,
          bogus: 1,
        }
        """)
        #expect(errors.map(\.description) == [
            "autoFix.cronFailThreshold: must be between 1 and 20, got 21",
            "autoFix.issueRepo: must be empty or \"owner/repo\", got \"not a repo\"",
            "bogus: unknown key",
            "cooldownMinutes: must be between 1 and 10080, got 0",
            "dryRun: must be true or false, got \"yes\"",
            "monitor: must be an object, got 5",
            "probeIntervalSec: must be a number between 60 and 604800, got \"300\"",
        ])
    }

    @Test(arguments: [
        ("{ cooldownMinutes: 1.5 }", "cooldownMinutes: must be a whole number between 1 and 10080, got 1.5"),
        ("{ cooldownMinutes: 1e30 }", "cooldownMinutes: must be between 1 and 10080, got 1e+30"),
        ("{ cooldownMinutes: Infinity }", "cooldownMinutes: must be between 1 and 10080, got Infinity"),
        ("{ cooldownMinutes: null }", "cooldownMinutes: must be a number between 1 and 10080, got null"),
        ("{ cooldownMinutes: true }", "cooldownMinutes: must be a number between 1 and 10080, got true"),
        ("{ probeEnabled: 1 }", "probeEnabled: must be true or false, got 1"),
        ("{ stateFile: 5 }", "stateFile: must be a path string, got 5"),
        ("{ stateFile: '' }", "stateFile: must not be empty"),
        ("{ modelOrder: 'anthropic/claude' }", "modelOrder: must be an array of \"provider/model\" ids, got \"anthropic/claude\""),
        ("{ modelOrder: [] }", "modelOrder: must list at least one model, got an empty array"),
        ("{ server: { listen: 9477 } }", "server.listen: must be a string, got 9477"),
        ("{ openclaw: { sessionPatch: 'sql' } }", "openclaw.sessionPatch: must be one of \"rpc\", \"file\", got \"sql\""),
        ("{ openclaw: { bin: '' } }", "openclaw.bin: must name the openclaw command or a path to it, got \"\""),
        ("{ openclaw: { bin: 'open claw' } }", "openclaw.bin: must be a command name (letters, digits, '.', '_', '+', '-') or a path, got \"open claw\""),
        ("{ openclaw: { profile: 'a/b' } }", "openclaw.profile: must be empty or 1 to 64 letters, digits, '-' or '_', got \"a/b\""),
        ("[1, 2]", "the config must be an object, got an array of 2"),
    ])
    func wrongTypesAndValuesAreNamed(text: String, expected: String) {
        #expect(configErrors(text).map(\.description) == [expected])
    }

    @Test func modelOrderEntriesAreCheckedOneByOne() {
        let errors = configErrors("{ modelOrder: ['anthropic/claude-opus-4-6', 'gpt-5.2', 3, 'anthropic/claude-opus-4-6', 'a/ b'] }")
        #expect(errors.map(\.description) == [
            "modelOrder[1]: must be \"provider/model\" (e.g. \"anthropic/claude-opus-4-6\"), got \"gpt-5.2\"",
            "modelOrder[2]: must be a \"provider/model\" string, got 3",
            "modelOrder[3]: duplicate of modelOrder[0] (\"anthropic/claude-opus-4-6\")",
            "modelOrder[4]: must be \"provider/model\" (e.g. \"anthropic/claude-opus-4-6\"), got \"a/ b\"",
        ])
        let many = (0..<65).map { "'p/m\($0)'" }.joined(separator: ",")
        #expect(configErrors("{ modelOrder: [\(many)] }").map(\.description) == ["modelOrder: must list at most 64 models, got 65"])
    }

    @Test(arguments: [
        ("{ cooldownMinute: 5 }", "cooldownMinute: unknown key (did you mean cooldownMinutes?)"),
        ("{ dryrun: true }", "dryrun: unknown key (did you mean dryRun?)"),
        ("{ whatsappDisconnectThreshold: 2 }", "whatsappDisconnectThreshold: unknown key (did you mean autoFix.whatsappDisconnectThreshold?)"),
        ("{ autoFix: { cronFailTreshold: 3 } }", "autoFix.cronFailTreshold: unknown key (did you mean autoFix.cronFailThreshold?)"),
        ("{ server: { port: 9477 } }", "server.port: unknown key"),
        ("{ restartBudget: { maxRestart: 3 } }", "restartBudget.maxRestart: unknown key (did you mean restartBudget.maxRestarts?)"),
        ("{ openclaw: { gatewayURL: 'http://127.0.0.1:1' } }", "openclaw.gatewayURL: unknown key (did you mean openclaw.gatewayUrl?)"),
        ("{ autofix: {} }", "autofix: unknown key (did you mean autoFix?)"),
        ("{ telemetry: { on: true } }", "telemetry: unknown key"),
        ("{ enabled: true }", "enabled: unknown key"),
    ])
    func unknownKeysAreErrorsWithTheFullDottedKey(text: String, expected: String) {
        #expect(configErrors(text).map(\.description) == [expected])
    }

    @Test func aKeyGivenTwiceIsAnError() {
        let errors = configErrors("{\n  dryRun: true,\n  autoFix: { cronFailThreshold: 3 },\n  dryRun: false,\n}")
        #expect(errors.map(\.description) == ["dryRun: given more than once (again at line 4, column 3)"])
    }

    @Test func pathsExpandTildeAndHome() throws {
        let config = try loadConfig("""
        { stateFile: '~/s/state.json', statusFile: '$HOME/s/status.json', metricsFile: '${HOME}/m.jsonl',
          sessionsFile: '/var/lib/oc/sessions.json', openclaw: { bin: '~/bin/openclaw', logDir: '~' } }
        """, home: "/home/ann/")
        #expect(config.stateFile == "/home/ann/s/state.json")
        #expect(config.statusFile == "/home/ann/s/status.json")
        #expect(config.metricsFile == "/home/ann/m.jsonl")
        #expect(config.sessionsFile == "/var/lib/oc/sessions.json")
        #expect(config.openclaw.bin == "/home/ann/bin/openclaw")
        #expect(config.openclaw.logDir == "/home/ann")
        // A bare command name is looked up on PATH and stays as it is.
        #expect(try loadConfig("{}").openclaw.bin == "openclaw")
    }

    @Test(arguments: [
        ("{ stateFile: 'state.json' }", "stateFile: must be an absolute path or start with ~/ or $HOME/, got \"state.json\""),
        ("{ statusFile: '~bob/status.json' }", "statusFile: only ~ and ~/ are expanded (~user is not supported), got \"~bob/status.json\""),
        ("{ auditFile: '$STATE/audit.jsonl' }", "auditFile: only $HOME is expanded in paths, got \"$STATE/audit.jsonl\""),
    ])
    func badPathsAreNamed(text: String, expected: String) {
        #expect(configErrors(text).map(\.description) == [expected])
    }

    @Test func unknownHomeMakesTildePathsErrors() {
        do {
            _ = try ConfigLoader.load(text: "{ stateFile: '/s/state.json', statusFile: '/s/status.json', sessionsFile: '/s/x', configFile: '/s/c', configBackupsDir: '/s/b', metricsFile: '~/m' }",
                                      path: "/etc/heal.json5", environment: ConfigEnvironment(variables: [:]))
            Issue.record("loaded although HOME is unknown")
        } catch {
            #expect(error.errors.map(\.description) == ["metricsFile: cannot expand the home directory: HOME is not set, got \"~/m\""])
        }
    }

    @Test func derivedPathsSitNextToTheStateFile() throws {
        let config = try loadConfig("{ stateFile: '/var/lib/heal/state.json' }")
        #expect(config.auditFile == "")
        #expect(config.server.tokenFile == "")
        #expect(config.resolvedAuditFile == "/var/lib/heal/self-heal-audit.jsonl")
        #expect(config.resolvedTokenFile == "/var/lib/heal/self-heal.token")
        let explicit = try loadConfig("{ auditFile: '~/audit.jsonl', server: { tokenFile: '/run/heal/token' } }")
        #expect(explicit.resolvedAuditFile == "/home/u/audit.jsonl")
        #expect(explicit.resolvedTokenFile == "/run/heal/token")
        var root = HealConfig()
        root.stateFile = "/state.json"
        #expect(root.resolvedAuditFile == "/self-heal-audit.jsonl")
    }

    @Test func filesTheHealerWritesMustBeDistinct() {
        #expect(configErrors("{ stateFile: '/s/a.json', statusFile: '/s/a.json' }").map(\.description)
                == ["statusFile: is the same file as stateFile (\"/s/a.json\")"])
        #expect(configErrors("{ stateFile: '/s/state.json', auditFile: '~/x', metricsFile: '/home/u/x' }").map(\.description)
                == ["auditFile: is the same file as metricsFile (\"/home/u/x\")"])
        #expect(configErrors("{ stateFile: '/s/state.json', server: { tokenFile: '/s/self-heal-audit.jsonl' } }").map(\.description)
                == ["server.tokenFile: is the same file as auditFile (\"/s/self-heal-audit.jsonl\")"])
    }

    @Test func explicitFileIsReadAndNamedAsTheSource() throws {
        let dir = ConfigScratchDir()
        let file = dir.write("heal.json5", "{ cooldownMinutes: 60 }")
        let loaded = try ConfigLoader.load(path: file, environment: dir.environment)
        #expect(loaded.source == .file(path: file))
        #expect(loaded.config.cooldownMinutes == 60)
        #expect(loaded.config.stateFile == dir.path + "/.openclaw/workspace/memory/self-heal-state.json")
        // `~` in the path given on the command line is expanded as in the keys.
        let viaTilde = try ConfigLoader.load(path: "~/heal.json5", environment: dir.environment)
        #expect(viaTilde.source == .file(path: file))
    }

    @Test func missingExplicitFileIsAnErrorNamingIt() {
        let dir = ConfigScratchDir()
        let file = dir.path + "/nope.json5"
        #expect(throws: ConfigLoadFailure(source: .file(path: file), errors: [ConfigError(key: "", message: "no such file")])) {
            try ConfigLoader.load(path: file, environment: dir.environment)
        }
        // An explicit file never falls back, not even when openclaw.json has a plugin entry.
        dir.write(".openclaw/openclaw.json", "{ plugins: { entries: { 'openclaw-self-healing': { config: {} } } } }")
        #expect(throws: ConfigLoadFailure.self) { try ConfigLoader.load(path: file, environment: dir.environment) }
    }

    @Test func directoryAndBrokenFilesAreErrorsNamingThePath() {
        let dir = ConfigScratchDir()
        do {
            _ = try ConfigLoader.load(path: dir.path, environment: dir.environment)
            Issue.record("loaded a directory")
        } catch {
            #expect(error.lines == ["\(dir.path): is a directory, not a file"])
        }
        let broken = dir.write("broken.json5", "{\n  cooldownMinutes: 5\n  dryRun: true\n}\n")
        do {
            _ = try ConfigLoader.load(path: broken, environment: dir.environment)
            Issue.record("loaded a broken file")
        } catch {
            #expect(error.lines == ["\(broken): not valid JSON5: line 3, column 3: expected ',' or '}', found 'd'"])
        }
        let binary = dir.path + "/binary.json5"
        _ = FileManager.default.createFile(atPath: binary, contents: Data([0x7B, 0xFF, 0xFE, 0x7D]))
        #expect(throws: ConfigLoadFailure(source: .file(path: binary), errors: [ConfigError(key: "", message: "not UTF-8 text")])) {
            try ConfigLoader.load(path: binary, environment: dir.environment)
        }
    }

    @Test func oversizedFileIsRefused() {
        let dir = ConfigScratchDir()
        let file = dir.write("huge.json5", "{ modelOrder: ['a/b'], pad: '" + String(repeating: "x", count: ConfigLoader.maxConfigBytes) + "' }")
        #expect(throws: ConfigLoadFailure(source: .file(path: file), errors: [ConfigError(key: "", message: "larger than 1048576 bytes, which no config is")])) {
            try ConfigLoader.load(path: file, environment: dir.environment)
        }
    }
}
