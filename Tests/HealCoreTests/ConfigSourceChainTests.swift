import Testing
@testable import HealCore

/// No file given: the plugin entry in openclaw.json, else embedded defaults.
@Suite struct ConfigSourceChainTests {
    static let pluginConfig = """
    // OpenClaw's own config, JSON5 as users write it
    {
      gateway: { mode: 'local', port: 18789, },
      plugins: {
        entries: {
          "openclaw-self-healing": {
            enabled: true,
            config: {
              modelOrder: ["anthropic/claude-opus-4-6", "openai-codex/gpt-5.2",],
              cooldownMinutes: 120,
              autoFix: { patchSessionPins: true, disableFailingCrons: true, issueRepo: "me/heal", },
            },
          },
        },
      },
    }
    """

    @Test func pluginEntryIsUsedWhenNoFileIsGiven() throws {
        let dir = ConfigScratchDir()
        let openclaw = dir.write(".openclaw/openclaw.json", Self.pluginConfig)
        let loaded = try ConfigLoader.load(path: nil, environment: dir.environment)
        #expect(loaded.source == .openclawPlugin(path: openclaw))
        #expect(loaded.config.cooldownMinutes == 120)
        #expect(loaded.config.modelOrder == ["anthropic/claude-opus-4-6", "openai-codex/gpt-5.2"])
        #expect(loaded.config.autoFix.disableFailingCrons)
        #expect(loaded.config.autoFix.issueRepo == "me/heal")
        // Not set in the entry: the guard watches the openclaw.json the config came from.
        #expect(loaded.config.configFile == openclaw)
    }

    @Test func absentOpenClawConfigMeansDefaults() throws {
        let dir = ConfigScratchDir()
        let loaded = try ConfigLoader.load(path: nil, environment: dir.environment)
        #expect(loaded.source == .defaults(note: "no config file given; \(dir.path)/.openclaw/openclaw.json does not exist"))
        #expect(loaded.config.cooldownMinutes == 300)
        #expect(loaded.config.stateFile == dir.path + "/.openclaw/workspace/memory/self-heal-state.json")
    }

    @Test(arguments: [
        ("{ gateway: { mode: 'local' } }", "has no plugins.entries[\"openclaw-self-healing\"]"),
        ("{ plugins: { entries: { other: { enabled: true } } } }", "has no plugins.entries[\"openclaw-self-healing\"]"),
        ("{ plugins: { entries: { 'openclaw-self-healing': { enabled: false } } } }", "has no plugins.entries[\"openclaw-self-healing\"].config"),
        ("{ plugins: 'weird' }", "has no plugins.entries[\"openclaw-self-healing\"]"),
    ])
    func openClawConfigWithoutAnEntryMeansDefaults(text: String, why: String) throws {
        let dir = ConfigScratchDir()
        let openclaw = dir.write(".openclaw/openclaw.json", text)
        let loaded = try ConfigLoader.load(path: nil, environment: dir.environment)
        #expect(loaded.source == .defaults(note: "no config file given; \(openclaw) \(why)"))
        #expect(loaded.config.configFile == openclaw)
    }

    @Test func brokenOpenClawConfigMeansDefaultsAndSaysWhy() throws {
        let dir = ConfigScratchDir()
        let openclaw = dir.write(".openclaw/openclaw.json", "{\n  plugins: {\n}")
        let loaded = try ConfigLoader.load(path: nil, environment: dir.environment)
        #expect(loaded.source == .defaults(note: "no config file given; \(openclaw) is not valid JSON5 (line 3, column 2: unexpected end of input, expected ',' or '}' (object opened at line 1, column 1)), so its plugin entry was not read"))
    }

    @Test func invalidPluginEntryIsAnErrorWithEveryProblem() {
        let dir = ConfigScratchDir()
        let openclaw = dir.write(".openclaw/openclaw.json", """
        { plugins: { entries: { "openclaw-self-healing": { enabled: true, config: {
            cooldownMinutes: 10,
            autoFix: { cronFailThreshold: 99, },
            enabled: true,
            cooldownMinutes: 5,
        } } } } }
        """)
        do {
            _ = try ConfigLoader.load(path: nil, environment: dir.environment)
            Issue.record("loaded an invalid plugin entry")
        } catch {
            #expect(error.source == .openclawPlugin(path: openclaw))
            #expect(error.errors.map(\.description) == [
                "cooldownMinutes: given more than once (again at line 5, column 5)",
                "autoFix.cronFailThreshold: must be between 1 and 20, got 99",
                "enabled: unknown key",
            ])
            #expect(error.lines.first == "\(openclaw) plugins.entries.openclaw-self-healing.config: cooldownMinutes: given more than once (again at line 5, column 5)")
        }
    }

    @Test func pluginEntryThatIsNotAnObjectIsAnError() {
        let dir = ConfigScratchDir()
        let openclaw = dir.write(".openclaw/openclaw.json", "{ plugins: { entries: { 'openclaw-self-healing': true } } }")
        #expect(throws: ConfigLoadFailure(source: .openclawPlugin(path: openclaw), errors: [
            ConfigError(key: "", message: "plugins.entries[\"openclaw-self-healing\"] must be an object, got true"),
        ])) {
            try ConfigLoader.load(path: nil, environment: dir.environment)
        }
        let dir2 = ConfigScratchDir()
        let openclaw2 = dir2.write(".openclaw/openclaw.json", "{ plugins: { entries: { 'openclaw-self-healing': { config: [] } } } }")
        #expect(throws: ConfigLoadFailure(source: .openclawPlugin(path: openclaw2), errors: [
            ConfigError(key: "", message: "the config must be an object, got an empty array"),
        ])) {
            try ConfigLoader.load(path: nil, environment: dir2.environment)
        }
    }

    @Test func openClawConfigPathFollowsOpenClawsEnvironment() {
        let env = { (vars: [String: String]) in
            OpenClawPaths.configFile(environment: ConfigEnvironment(variables: vars.merging(["HOME": "/home/u"]) { a, _ in a }))
        }
        #expect(env([:]) == "/home/u/.openclaw/openclaw.json")
        #expect(env(["OPENCLAW_CONFIG_PATH": "/etc/openclaw/main.json"]) == "/etc/openclaw/main.json")
        #expect(env(["OPENCLAW_CONFIG_PATH": "~/oc.json5"]) == "/home/u/oc.json5")
        #expect(env(["OPENCLAW_STATE_DIR": "/srv/oc"]) == "/srv/oc/openclaw.json")
        #expect(env(["OPENCLAW_PROFILE": "work"]) == "/home/u/.openclaw-work/openclaw.json")
        #expect(env(["OPENCLAW_PROFILE": "default"]) == "/home/u/.openclaw/openclaw.json")
        #expect(env(["OPENCLAW_HOME": "/opt/ochome"]) == "/opt/ochome/.openclaw/openclaw.json")
        #expect(env(["OPENCLAW_HOME": "/opt/ochome", "OPENCLAW_CONFIG_PATH": "~/x.json"]) == "/opt/ochome/x.json")
        #expect(env(["OPENCLAW_CONFIG_PATH": ""]) == "/home/u/.openclaw/openclaw.json")
        #expect(OpenClawPaths.configFile(environment: ConfigEnvironment(variables: [:])) == nil)
    }

    @Test func configPathEnvironmentVariableSelectsThePluginEntry() throws {
        let dir = ConfigScratchDir()
        let elsewhere = dir.write("etc/oc.json5", Self.pluginConfig)
        var environment = dir.environment
        environment.variables["OPENCLAW_CONFIG_PATH"] = elsewhere
        let loaded = try ConfigLoader.load(path: nil, environment: environment)
        #expect(loaded.source == .openclawPlugin(path: elsewhere))
        #expect(loaded.config.configFile == elsewhere)
        // An explicit file that does not set configFile also gets the located openclaw.json...
        let own = dir.write("heal.json5", "{ dryRun: true }")
        #expect(try ConfigLoader.load(path: own, environment: environment).config.configFile == elsewhere)
        // ...and one that sets it keeps its own.
        let pinned = dir.write("pinned.json5", "{ configFile: '/srv/openclaw.json' }")
        #expect(try ConfigLoader.load(path: pinned, environment: environment).config.configFile == "/srv/openclaw.json")
    }

    @Test func noHomeAndNoFileStillNamesWhy() {
        do {
            _ = try ConfigLoader.load(path: nil, environment: ConfigEnvironment(variables: [:]))
            Issue.record("defaults with ~ paths loaded without a home")
        } catch {
            #expect(error.source == .defaults(note: "no config file given, and no home directory to find openclaw.json in"))
            #expect(error.errors.first?.description == "stateFile: cannot expand the home directory: HOME is not set, got \"~/.openclaw/workspace/memory/self-heal-state.json\"")
        }
    }
}
