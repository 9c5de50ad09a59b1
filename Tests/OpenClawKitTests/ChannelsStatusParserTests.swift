import Foundation
import HealCore
import Testing
@testable import OpenClawKit

@Suite struct ChannelsStatusParserTests {
    func ok(_ stdout: String, stderr: String = "", exit: Int32 = 0) -> CommandResult {
        CommandResult(argv: ["openclaw", "channels", "status", "--json"], exitCode: exit, stdout: stdout, stderr: stderr)
    }

    @Test func connectedDefaultAccount() throws {
        let wa = try ChannelsStatusParser.parse(ok(SheetSamples.channelsConnected))
        var expected = WhatsAppObservation(present: true, gatewayReachable: true, accountId: "default", enabled: true,
                                           configured: true, linked: true, running: true, connected: true,
                                           healthState: "healthy", reconnectAttempts: 0)
        // Issue 12: the gateway's own times, for when an outage began.
        expected.lastConnectedAt = Date(timeIntervalSince1970: 1_755_849_000)
        expected.lastStartAt = Date(timeIntervalSince1970: 1_755_848_990)
        #expect(wa == expected)
    }

    @Test(arguments: [false, true]) func pluginPrefixLinesIncludingBracesAreSkipped(trailingNewline: Bool) throws {
        var text = SheetSamples.pluginPrefix + SheetSamples.channelsConnected
        if !trailingNewline { text = text.trimmingCharacters(in: .newlines) }
        let wa = try ChannelsStatusParser.parse(ok(text))
        #expect(wa.connected == true)
        #expect(wa.accountId == "default")
    }

    @Test func defaultAccountIsChosenByChannelDefaultAccountId() throws {
        let wa = try ChannelsStatusParser.parse(ok(SheetSamples.channelsReconnectingMultiAccount))
        #expect(wa.accountId == "work")
        #expect(wa.connected == false)            // the summary's connected:true is not used
        #expect(wa.running == true)
        #expect(wa.healthState == "reconnecting")
        #expect(wa.reconnectAttempts == 3)
        #expect(wa.lastDisconnectStatus == 428)
        #expect(wa.lastDisconnectAt == Date(timeIntervalSince1970: 1755849990))
        #expect(wa.lastError == "Connection Closed")
        #expect(!wa.loggedOut)
        #expect(wa.gatewayReachable)
    }

    @Test func loggedOut() throws {
        let wa = try ChannelsStatusParser.parse(ok(SheetSamples.channelsLoggedOut))
        #expect(wa.present)
        #expect(wa.linked == false)
        #expect(wa.loggedOut)
        #expect(wa.healthState == "logged-out")
        #expect(wa.lastDisconnectStatus == 401)
    }

    @Test func stopped() throws {
        let wa = try ChannelsStatusParser.parse(ok(SheetSamples.channelsStopped))
        #expect(wa.running == false)
        #expect(wa.connected == false)
        #expect(wa.healthState == "stopped")
    }

    @Test func legacySummaryOnlyWithStringLastDisconnect() throws {
        let wa = try ChannelsStatusParser.parse(ok(SheetSamples.pluginPrefix + SheetSamples.channelsLegacySummaryOnly))
        #expect(wa.present)
        #expect(wa.accountId == nil)
        #expect(wa.connected == false)
        #expect(wa.linked == true)
        #expect(wa.healthState == nil)
        #expect(wa.reconnectAttempts == 2)
        #expect(wa.lastDisconnectAt == Date(timeIntervalSince1970: 1771581600))
        #expect(wa.lastError == "stream errored out")
    }

    @Test func notConfiguredIsNotPresent() throws {
        let wa = try ChannelsStatusParser.parse(ok(SheetSamples.channelsNotConfigured))
        #expect(wa == WhatsAppObservation(present: false, gatewayReachable: true))
        let unknownChannel = try ChannelsStatusParser.parse(ok(#"{"error":"unknown channel: whatsapp"}"#))
        #expect(!unknownChannel.present)
    }

    @Test func legacyUnreachableTextWithExitZeroIsUnreachableNotDisconnected() throws {
        let wa = try ChannelsStatusParser.parse(ok(SheetSamples.channelsUnreachableLegacyStdout, stderr: SheetSamples.gatewayClosedStderr))
        #expect(!wa.gatewayReachable)
        #expect(wa.connected == nil)
        #expect(wa.running == nil)
        #expect(wa.present)
        #expect(wa.accountId == "default")
        #expect(wa.configured == true)
        #expect(wa.linked == true)
        #expect(wa.enabled == true)
    }

    @Test func newerAuthUnavailableWording() throws {
        let text = "Gateway auth unavailable; showing config-only status.\nConfig: /x\n\n- WhatsApp default: enabled, not configured, not linked\n"
        let wa = try ChannelsStatusParser.parse(ok(text))
        #expect(!wa.gatewayReachable)
        #expect(wa.configured == false)
        #expect(wa.linked == false)
    }

    @Test func currentUnreachableJSON() throws {
        let wa = try ChannelsStatusParser.parse(ok(SheetSamples.channelsUnreachableCurrent))
        #expect(!wa.gatewayReachable)
        #expect(wa.connected == nil)
        #expect(!wa.present)
    }

    @Test func nonZeroExitWithGatewayClosedIsUnreachable() throws {
        let wa = try ChannelsStatusParser.parse(ok("", stderr: "Error: gateway closed (1000 normal closure): no close reason\n", exit: 1))
        #expect(!wa.gatewayReachable)
    }

    @Test func garbageIsATypedError() {
        #expect(throws: OpenClawOutputError(command: "channels status --json",
                                            problem: .notJSON(expected: "a JSON object", excerpt: "Usage: openclaw channels status [options]"))) {
            try ChannelsStatusParser.parse(ok("Usage: openclaw channels status [options]\n"))
        }
        let error = #expect(throws: OpenClawOutputError.self) { try ChannelsStatusParser.parse(ok("Usage: openclaw [options]\n")) }
        #expect(error?.description == "channels status --json: expected a JSON object, got text 'Usage: openclaw [options]'")
        #expect(throws: OpenClawOutputError.self) { try ChannelsStatusParser.parse(ok("[1,2,3]")) }
        #expect(throws: OpenClawOutputError.self) { try ChannelsStatusParser.parse(ok(#"{"foo": 1}"#)) }
        #expect(throws: OpenClawOutputError.self) { try ChannelsStatusParser.parse(ok("", stderr: "Error: boom", exit: 2)) }
        #expect(throws: OpenClawOutputError.self) { try ChannelsStatusParser.parse(ok("")) }
    }

    @Test func truncatedOrTimedOutOutputIsATypedError() {
        var truncated = ok(String(SheetSamples.channelsConnected.prefix(100)))
        truncated.stdoutTruncated = true
        let error = #expect(throws: OpenClawOutputError.self) { try ChannelsStatusParser.parse(truncated) }
        #expect(error?.problem == .outputTruncated(bytes: 100))
        let timedOut = CommandResult(argv: [], signal: 15, timedOut: true, durationMs: 15000)
        #expect(throws: OpenClawOutputError.self) { try ChannelsStatusParser.parse(timedOut) }
    }
}
