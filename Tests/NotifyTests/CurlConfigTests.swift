import Testing
@testable import Notify

@Suite struct CurlConfigTests {
    @Test func quotesWhatCurlsConfigSyntaxWouldMisread() {
        #expect(CurlConfig.quote(#"a "b" \c"#) == #""a \"b\" \\c""#)
        #expect(CurlConfig.quote("x\ny\tz\r") == #""x\ny\tz\r""#)
    }

    @Test func everyOtherCharacterIsWrittenAsItIs() {
        // curl's config parser knows only the five escapes; anything else goes through verbatim.
        #expect(CurlConfig.quote("é ' $HOME \u{1B} /") == "\"é ' $HOME \u{1B} /\"")
    }

    @Test func rendersURLHeadersAndBodyOnePerLine() {
        let text = CurlConfig.render(NotifyRequest(method: "POST", url: "https://h.example/p?t=1",
                                                   headers: ["Authorization: Bearer s3cr3t"], body: Array(#"{"a":"\"q\""}"#.utf8)))
        #expect(text == """
            url = "https://h.example/p?t=1"
            request = "POST"
            header = "Authorization: Bearer s3cr3t"
            data-raw = "{\\"a\\":\\"\\\\\\"q\\\\\\"\\"}"

            """)
    }
}
