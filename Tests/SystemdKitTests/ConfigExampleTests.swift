import Foundation
import Testing

/// deploy/config.example.json5 lists every config key with its default. The keys are compared with
/// the properties of HealConfig (read from its source, since this test target does not link
/// HealCore); the daemon's `check-config` run on the file is the complete check.
@Suite struct ConfigExampleTests {
    /// Just enough of JSON to walk the example's keys.
    enum JSONValue: Decodable, Equatable {
        case object([String: JSONValue])
        case array([JSONValue])
        case string(String)
        case number(Double)
        case bool(Bool)
        case null

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() { self = .null }
            else if let value = try? container.decode(Bool.self) { self = .bool(value) }
            else if let value = try? container.decode(Double.self) { self = .number(value) }
            else if let value = try? container.decode(String.self) { self = .string(value) }
            else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
            else { self = .object(try container.decode([String: JSONValue].self)) }
        }
    }

    private func example() throws -> [String: JSONValue] {
        let data = try Data(contentsOf: Repository.deploy("config.example.json5"))
        let decoder = JSONDecoder()
        decoder.allowsJSON5 = true
        return try decoder.decode([String: JSONValue].self, from: data)
    }

    /// Every key path, nested groups joined with dots.
    private func keyPaths(_ object: [String: JSONValue], prefix: String = "") -> Set<String> {
        var result: Set<String> = []
        for (key, value) in object {
            if case .object(let group) = value {
                result.formUnion(keyPaths(group, prefix: prefix + key + "."))
            } else {
                result.insert(prefix + key)
            }
        }
        return result
    }

    /// `public var name` declarations of HealConfig and its nested groups, as key paths: a nested
    /// struct's properties are prefixed with the top-level property holding it.
    private func healConfigKeyPaths() throws -> Set<String> {
        // HealConfig.swift, then the groups declared in extensions of their own files.
        let source = try ["HealConfig.swift", "HealConfig+Judgement.swift", "HealConfig+Notify.swift"].map {
            try String(contentsOf: Repository.root.appendingPathComponent("Sources/HealCore/Config/" + $0), encoding: .utf8)
        }.joined(separator: "\n")
        var groupOfType: [String: String] = [:]  // "AutoFix" -> "autoFix"
        var properties: [(type: String, name: String, value: String)] = []
        var currentType = "HealConfig"
        for raw in source.split(separator: "\n") {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("public struct ") {
                currentType = String(line.dropFirst("public struct ".count).prefix { $0.isLetter || $0.isNumber })
            } else if line.hasPrefix("public var ") {
                let declaration = line.dropFirst("public var ".count)
                let name = String(declaration.prefix { $0.isLetter || $0.isNumber })
                let value = declaration.split(separator: "=", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
                properties.append((currentType, name, value))
            }
        }
        for property in properties where property.type == "HealConfig" && property.value.hasSuffix("()") {
            groupOfType[String(property.value.dropLast(2))] = property.name
        }
        // A group inside a group (notify.heartbeat).
        for property in properties where property.type != "HealConfig" && property.value.hasSuffix("()") {
            if let parent = groupOfType[property.type] { groupOfType[String(property.value.dropLast(2))] = parent + "." + property.name }
        }
        var result: Set<String> = []
        for property in properties {
            if property.type == "HealConfig" {
                if groupOfType.values.contains(property.name) { continue }
                result.insert(property.name)
            } else if let group = groupOfType[property.type] {
                if groupOfType.values.contains(group + "." + property.name) { continue }
                result.insert(group + "." + property.name)
            }
        }
        return result
    }

    @Test func parsesAsJSON5() throws {
        let config = try example()
        #expect(config["cooldownMinutes"] == .number(300))
        #expect(config["server"] == .object([
            "listen": .string("127.0.0.1:9477"), "tokenFile": .string(""),
            "maxConnections": .number(1024), "authenticateReads": .bool(false),
            "allowedHosts": .array([]), "bodyTimeoutSec": .number(10),
        ]))
    }

    @Test func listsExactlyTheKeysOfHealConfig() throws {
        let expected = try healConfigKeyPaths()
        #expect(expected.count > 30, "could not read HealConfig's properties")
        let listed = keyPaths(try example())
        #expect(expected.subtracting(listed).sorted() == [], "keys missing from the example")
        #expect(listed.subtracting(expected).sorted() == [], "keys the config does not have")
    }
}
