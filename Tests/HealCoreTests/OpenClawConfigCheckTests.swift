import Testing
@testable import HealCore

@Suite struct OpenClawConfigCheckTests {
    /// Valid JSON5 that `JSON.parse` (the original plugin's check) rejects: every one of these
    /// blocked every guarded action of the plugin.
    @Test(arguments: [
        "{\n  // comment\n  gateway: { mode: 'local' },\n}",
        "{ \"gateway\": { \"mode\": \"local\", }, }",
        "/* header */ { agents: { defaults: { model: { primary: 'anthropic/claude-opus-4-6' } } } }",
        "{ 'single': 'quotes', unquoted: 1, hex: 0xFF, lead: .5, plus: +1, inf: Infinity }",
        "{ multi: 'line \\\n continued' }",
        "\u{FEFF}{ bom: true }",
    ])
    func validJSON5IsValid(text: String) {
        let dir = ConfigScratchDir()
        let file = dir.write("openclaw.json", text)
        #expect(OpenClawConfigCheck.check(path: file) == .valid)
    }

    @Test func missingFileIsMissing() {
        let dir = ConfigScratchDir()
        #expect(OpenClawConfigCheck.check(path: dir.path + "/openclaw.json") == .missing)
    }

    @Test(arguments: [
        ("{\n  gateway: { mode: 'local' }\n  agents: {}\n}", "not valid JSON5: line 3, column 3: expected ',' or '}', found 'a'"),
        ("{ gateway: ", "not valid JSON5: line 1, column 12: unexpected end of input, expected a value"),
        ("", "not valid JSON5: line 1, column 1: the document is empty"),
        ("[1, 2]", "the top level must be an object, got an array of 2"),
        ("\"just a string\"", "the top level must be an object, got \"just a string\""),
    ])
    func brokenFilesAreInvalidWithTheReason(text: String, reason: String) {
        let dir = ConfigScratchDir()
        let file = dir.write("openclaw.json", text)
        #expect(OpenClawConfigCheck.check(path: file) == .invalid("\(file): \(reason)"))
    }

    @Test func aDirectoryIsInvalidNotMissing() {
        let dir = ConfigScratchDir()
        #expect(OpenClawConfigCheck.check(path: dir.path) == .invalid("\(dir.path): is a directory, not a file"))
    }
}
