import HealCore
import Testing
@testable import OpenClawKit

@Suite struct PluginsListParserTests {
    @Test(arguments: [false, true]) func sheetShape(prefixed: Bool) throws {
        let text = (prefixed ? SheetSamples.pluginPrefix : "") + SheetSamples.pluginsList
        let plugins = try PluginsListParser.parse(stdout: text)
        // origin and channelIds are read too (issue 13: bundled and channel plugins are never disabled).
        #expect(plugins == [
            PluginObservation(id: "whatsapp", name: "WhatsApp", enabled: true, status: "loaded",
                              origin: "bundled", channelIds: ["whatsapp"]),
            PluginObservation(id: "my-broken-plugin", name: "My Broken Plugin", enabled: true, status: "error",
                              error: "Cannot find module 'left-pad'", origin: "global"),
        ])
    }

    @Test func newStatusValuesAreKeptVerbatim() throws {
        let plugins = try PluginsListParser.parse(stdout: #"{"plugins":[{"id":"q","status":"configured-unavailable","enabled":true,"origin":"config","error":"quarantined at boot"},{"id":"z","status":"warming","enabled":true}]}"#)
        #expect(plugins.map(\.status) == ["configured-unavailable", "warming"])
        #expect(plugins[0].origin == "config" && plugins[0].error == "quarantined at boot")
    }

    @Test func prefixLineThatIsItselfAJSONObject() throws {
        let text = #"{"level":"info","msg":"[plugins] loaded"}"# + "\n" + SheetSamples.pluginsList
        #expect(try PluginsListParser.parse(stdout: text).count == 2)
    }

    @Test func trailingLogLineAfterTheJSON() throws {
        let text = SheetSamples.pluginsList + "[plugins] shutting down loader\n"
        #expect(try PluginsListParser.parse(stdout: text).count == 2)
    }

    @Test func missingFieldsGetSheetDefaults() throws {
        let plugins = try PluginsListParser.parse(stdout: #"{"plugins":[{"id":"a","enabled":false},{"id":"b","status":"disabled"}]}"#)
        #expect(plugins == [PluginObservation(id: "a", name: "a", enabled: false, status: "disabled"),
                            PluginObservation(id: "b", name: "b", enabled: false, status: "disabled")])
    }

    @Test func errors() {
        #expect(throws: OpenClawOutputError.self) { try PluginsListParser.parse(stdout: "") }
        #expect(throws: OpenClawOutputError.self) { try PluginsListParser.parse(stdout: #"{"workspaceDir":"/x"}"#) }
        #expect(throws: OpenClawOutputError.self) { try PluginsListParser.parse(stdout: #"{"plugins":[{"name":"no id"}]}"#) }
        #expect(throws: OpenClawOutputError.self) {
            try PluginsListParser.parse(CommandResult(argv: [], launchError: "openclaw: not found on PATH"))
        }
    }
}
