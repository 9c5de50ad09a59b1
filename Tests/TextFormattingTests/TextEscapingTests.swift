import Testing
import TextFormatting

@Suite struct TextEscapingTests {
    @Test func replacesOnlyWhatTheRuleNamesAndKeepsTheRest() {
        let escaped = TextEscaping.escape("a-b–c😀") { $0 == "-" ? "~" : nil }
        #expect(escaped == "a~b–c😀")
    }

    @Test func aRuleThatReplacesNothingGivesTheTextBack() {
        #expect(TextEscaping.escape("plain text", { _ in nil }) == "plain text")
        #expect(TextEscaping.escape("", { _ in "x" }) == "")
    }

    @Test func doubleQuotedWrapsTheEscapedText() {
        #expect(TextEscaping.doubleQuoted("", { _ in nil }) == #""""#)
        #expect(TextEscaping.doubleQuoted("ab", { $0 == "a" ? "A" : nil }) == #""Ab""#)
    }

    @Test(arguments: [("\\", #"\\"#), ("\"", #"\""#), ("\n", #"\n"#), ("\r", #"\r"#), ("\t", #"\t"#)])
    func theSharedBackslashEscapes(scalar: Unicode.Scalar, escape: String) {
        #expect(TextEscaping.backslashEscape(scalar) == escape)
    }

    @Test func otherScalarsHaveNoSharedBackslashEscape() {
        for scalar: Unicode.Scalar in ["a", "'", "\u{01}", "\u{1B}", "\u{7F}", "é", "/"] {
            #expect(TextEscaping.backslashEscape(scalar) == nil)
        }
    }
}
