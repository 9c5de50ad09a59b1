import Testing
@testable import OpenClawKit

@Suite struct CLIJSONTests {
    @Test func wholeOutputFirst() {
        #expect(CLIJSON.parse("  {\"a\": 1}\n") == .object(["a": .int(1)]))
    }

    @Test func greedyBraceMatchWouldBreakButLineScanDoesNot() {
        let text = "info {\"plugin\":\"lossless-claw\"} [lcm] GC off\n{\n  \"a\": true\n}\n"
        #expect(CLIJSON.parse(text) == .object(["a": .bool(true)]))
    }

    @Test func arraysOnlyWhenAllowed() {
        let text = "[plugins] x\n[\n  1\n]\n"
        #expect(CLIJSON.parse(text) == nil)
        #expect(CLIJSON.parse(text, allowArray: true) == .array([.int(1)]))
    }

    @Test func strictTypes() {
        #expect(CLIJSON.parse(#"{"b": 1, "c": true, "d": 1.5, "e": null}"#) ==
                .object(["b": .int(1), "c": .bool(true), "d": .double(1.5), "e": .null]))
        #expect(JSONNode.int(1).bool == nil)
    }

    @Test func nothingOrGarbage() {
        #expect(CLIJSON.parse("") == nil)
        #expect(CLIJSON.parse("{{{ not json\n{also not\n") == nil)
    }
}
