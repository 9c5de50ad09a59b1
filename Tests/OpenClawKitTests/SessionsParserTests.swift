import Foundation
import HealCore
import Testing
@testable import OpenClawKit

@Suite struct SessionsParserTests {
    @Test func legacyStorePinsOnlyEntriesWithOverrides() throws {
        let pins = try SessionsParser.parseStore(Data(SheetSamples.sessionsStore.utf8))
        #expect(pins == [
            SessionPin(key: "agent:main:legacy", providerOverride: "openai", modelOverride: "gpt-5.2"),
            SessionPin(key: "agent:main:whatsapp:direct:+15557654321", providerOverride: "anthropic",
                       modelOverride: "claude-opus-4-6", modelOverrideSource: "user"),
        ])
    }

    @Test func storeErrors() {
        #expect(throws: OpenClawOutputError.self) { try SessionsParser.parseStore(Data("{ nope".utf8), path: "/x/sessions.json") }
        let error = #expect(throws: OpenClawOutputError.self) { try SessionsParser.parseStore(Data("[]".utf8), path: "/x/sessions.json") }
        #expect(error?.description == "/x/sessions.json: expected an object keyed by session key, got an array")
    }

    @Test func sessionsListShapes() throws {
        let wrapped = #"{"sessions":[{"key":"agent:main:main","providerOverride":"openai","modelOverride":"gpt-5.2","modelOverrideSource":"auto"},{"key":"k2"}]}"#
        #expect(try SessionsParser.parseList(stdout: wrapped) == [
            SessionPin(key: "agent:main:main", providerOverride: "openai", modelOverride: "gpt-5.2", modelOverrideSource: "auto"),
        ])
        let bare = #"[{"key":"a","providerOverride":"p","modelOverride":"m"}]"#
        #expect(try SessionsParser.parseList(stdout: SheetSamples.pluginPrefix + bare).map(\.model) == ["p/m"])
        let result = #"{"ok":true,"result":{"sessions":[{"sessionKey":"b","providerOverride":"p","modelOverride":"m"}]}}"#
        #expect(try SessionsParser.parseList(stdout: result).map(\.key) == ["b"])
    }

    @Test func sessionsListErrors() {
        #expect(throws: OpenClawOutputError.self) { try SessionsParser.parseList(stdout: #"{"count":3}"#) }
        #expect(throws: OpenClawOutputError.self) { try SessionsParser.parseList(stdout: #"{"sessions":[{"providerOverride":"p"}]}"#) }
        #expect(throws: OpenClawOutputError.self) {
            try SessionsParser.parseList(CommandResult(argv: [], exitCode: 1, stderr: "Error: unknown method: sessions.list"))
        }
    }
}
