import Foundation
@testable import HealCore
import Testing
import TestSupport

/// deploy/config.example.json5 lists every config key with its default: read with the config's
/// own JSON5 reader, its keys are compared with the schema the loader validates against, and the
/// file loads as a config whose values are the defaults.
@Suite struct ConfigExampleTests {
    private func exampleText() throws -> String {
        try String(contentsOf: Repository.deploy("config.example.json5"), encoding: .utf8)
    }

    /// Every key path, nested groups joined with dots.
    private func keyPaths(_ value: JSON5Value, prefix: String = "") -> Set<String> {
        guard case .object(let object) = value else { return [] }
        var result: Set<String> = []
        for (key, child) in object {
            if case .object = child, ConfigSchema.groups.contains(prefix + key) {
                result.formUnion(keyPaths(child, prefix: prefix + key + "."))
            } else {
                result.insert(prefix + key)
            }
        }
        return result
    }

    @Test func parsesAsJSON5() throws {
        let config = try JSON5.parse(exampleText())
        guard case .object(let top) = config else { Issue.record("not an object"); return }
        #expect(top["cooldownMinutes"] == .integer(300))
        #expect(top["server"] == .object([
            "listen": .string("127.0.0.1:9477"), "tokenFile": .string(""),
            "maxConnections": .integer(1024), "authenticateReads": .bool(false),
            "allowedHosts": .array([]), "bodyTimeoutSec": .integer(10),
        ]))
    }

    @Test func listsExactlyTheKeysOfTheSchema() throws {
        let expected = Set(ConfigSchema.keys)
        #expect(expected.count > 30, "the schema lists \(expected.count) keys")
        let listed = keyPaths(try JSON5.parse(exampleText()))
        #expect(expected.subtracting(listed).sorted() == [], "keys missing from the example")
        #expect(listed.subtracting(expected).sorted() == [], "keys the config does not have")
    }

    /// The example is a config the loader accepts, and every value in it is the default.
    @Test func loadsAndHoldsTheDefaults() throws {
        let environment = ConfigEnvironment(variables: [:], homeDirectory: "/home/u")
        let loaded = try ConfigLoader.load(text: exampleText(), path: "/etc/openclaw-self-heal/config.json5", environment: environment)
        let defaults = try ConfigLoader.load(text: "{}", path: "/etc/openclaw-self-heal/config.json5", environment: environment)
        #expect(loaded.config.changedKeys(from: defaults.config) == [], "the example differs from the defaults")
    }
}
