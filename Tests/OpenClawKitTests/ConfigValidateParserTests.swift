import HealCore
import Testing
@testable import OpenClawKit

@Suite struct ConfigValidateParserTests {
    func result(_ exit: Int32, _ stdout: String, _ stderr: String = "") -> CommandResult {
        CommandResult(argv: ["openclaw", "config", "validate"], exitCode: exit, stdout: stdout, stderr: stderr)
    }

    @Test func validText() throws {
        #expect(try ConfigValidateParser.parse(result(0, "Config valid: /home/u/.openclaw/openclaw.json\n")) == .valid)
    }

    @Test func issuesAndNonZeroExit() throws {
        let parsed = try ConfigValidateParser.parse(result(1, "", "Config invalid: /home/u/.openclaw/openclaw.json\n- gateway.mode: Invalid input\n"))
        #expect(parsed == .invalid("Config invalid: /home/u/.openclaw/openclaw.json; - gateway.mode: Invalid input"))
    }

    @Test func jsonVariant() throws {
        #expect(try ConfigValidateParser.parse(result(0, #"{"valid":true,"path":"/x"}"#)) == .valid)
        let invalid = try ConfigValidateParser.parse(result(1, #"{"valid":false,"issues":[{"path":["gateway","mode"],"message":"Invalid input"}]}"#))
        #expect(invalid == .invalid("gateway.mode: Invalid input"))
    }

    @Test func missingFile() throws {
        #expect(try ConfigValidateParser.parse(result(1, "", "Error: ENOENT: no such file or directory, open '/x/openclaw.json'")) == .missing)
    }

    @Test func unexpectedTextOrNoRunIsATypedError() {
        #expect(throws: OpenClawOutputError.self) { try ConfigValidateParser.parse(result(0, "Usage: openclaw config [options]")) }
        #expect(throws: OpenClawOutputError.self) {
            try ConfigValidateParser.parse(CommandResult(argv: [], launchError: "openclaw: not found on PATH"))
        }
    }
}
