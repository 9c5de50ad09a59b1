import Testing
@testable import RawHTTP

/// Round two of the parser's strictness: CRLF-only chunked framing, chunk extensions by their
/// grammar, the Host value's syntax, and one Authorization header at most. Each of these is
/// answered 400 and closes the connection (the parser stays failed).
@Suite struct HTTPRequestParserStrictnessTests {
    static let chunkedHead = "POST /e HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"

    @Test(arguments: [
        "5\nhello\r\n0\r\n\r\n",          // size line ended by LF
        "5\r\nhello\n0\r\n\r\n",          // chunk data ended by LF
        "40;\n" + String(repeating: "a", count: 64) + "\r\n0\r\n\r\n",
        "5;a=b\nhello\r\n0\r\n\r\n",
        "5\r\nhello\r\n0\n\r\n",          // last-chunk line
        "0\r\nX: y\n\r\n",                // trailer field
        "0\r\n\n",                        // end of the trailer section
    ])
    func aBareLineFeedInChunkedFramingIs400(body: String) {
        #expect(ParserDriver.error(Self.chunkedHead + body) == .badRequest(.bareLineFeedInChunk))
    }

    @Test(arguments: [
        "5;\r\n", "5;;a\r\n", "5;a b\r\n", "5;a=\r\n", "5;a=\"b\r\n", "5;a=b c\r\n", "5;=b\r\n",
        "5;a=b \r\n", "5 \r\n", "5 x\r\n", "5;a=\"\u{7F}\"\r\n", "5;a@b\r\n", "5;a=\"x\\\u{01}\"\r\n",
    ])
    func aChunkExtensionOutsideTheGrammarIs400(line: String) {
        #expect(ParserDriver.error(Self.chunkedHead + line + "hello\r\n0\r\n\r\n") == .badRequest(.invalidChunkExtension))
    }

    @Test(arguments: [
        "5;a\r\n", "5;a=b\r\n", "5 ;a\r\n", "5\t; a = b\r\n", "5;a=\"b c\"\r\n", "5;a=\"q\\\"x\"\r\n", "5;a;b=c;d=\"\"\r\n",
        "5;name=value;other\r\n",
    ])
    func aChunkExtensionInTheGrammarIsAccepted(line: String) throws {
        let driver = ParserDriver.parse(Self.chunkedHead + line + "hello\r\n0\r\n\r\n")
        #expect(driver.failure == nil)
        let request = try #require(driver.requests.first)
        #expect(request.body == Array("hello".utf8))
    }

    @Test func nothingAfterABadChunkIsParsed() {
        let driver = ParserDriver.parse(Self.chunkedHead + "5\nhello\r\n0\r\n\r\nGET /h HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(driver.requests.isEmpty)
        #expect(driver.failure?.status == 400)
        #expect(driver.parser.bufferedByteCount == 0)
    }

    @Test(arguments: [
        "a, b", "u@evil/x", "evil/x", "a b", "[::1", "[zz::1]", "[::1]x", "a:99999", "a:8o", "a:123456", "a:b:c",
        "exa%mple", "ex\"ample", "<x>", "a?b", "a#b", "[::1]:99999",
    ])
    func anInvalidHostIs400(host: String) {
        #expect(ParserDriver.error("GET / HTTP/1.1\r\nHost: \(host)\r\n\r\n") == .badRequest(.invalidHost))
    }

    @Test(arguments: [
        "", "a", "localhost:9477", "127.0.0.1", "127.0.0.1:80", "[::1]", "[::1]:9477", "[::ffff:127.0.0.1]:1",
        "healer.lan.", "xn--bcher-kva.example", "a-b_c~d", "exa%20mple", "a:", "sub.delims!$&'()*+,;=",
    ])
    func aValidHostIsAccepted(host: String) {
        let driver = ParserDriver.parse("GET / HTTP/1.1\r\nHost: \(host)\r\n\r\n")
        #expect(driver.failure == nil)
        #expect(driver.requests.count == 1)
    }

    @Test func twoAuthorizationHeadersAre400() {
        let head = "GET / HTTP/1.1\r\nHost: a\r\nAuthorization: Bearer one\r\nauthorization: Bearer two\r\n\r\n"
        #expect(ParserDriver.error(head) == .badRequest(.multipleAuthorization))
        #expect(ParserDriver.parse("GET / HTTP/1.1\r\nHost: a\r\nAuthorization: Bearer one\r\n\r\n").requests.count == 1)
    }

    @Test func hostFieldNamesTheHostLowerCased() {
        #expect(HostField.host(of: "LocalHost:9477") == "localhost")
        #expect(HostField.host(of: "[::1]:1") == "[::1]")
        #expect(HostField.host(of: "") == "")
        #expect(HostField.authority(ofAbsoluteTarget: "http://Evil.example:80/status?x") == "Evil.example:80")
        #expect(HostField.authority(ofAbsoluteTarget: "/status") == nil)
    }

    /// Found by the http-parser fuzz target: a chunk-size line past the line limit that ends in a
    /// bare LF was "bare LF" in one piece but "too long" when it trickled in. The length is judged
    /// first now, so the answer does not depend on the split; the same for the trailer section.
    @Test(arguments: [
        (Self.chunkedHead + String(repeating: "f", count: 20) + "\n", HTTPParseError.badRequest(.invalidChunkSize)),
        (Self.chunkedHead + "0\r\n" + String(repeating: "x", count: 60) + "\n", HTTPParseError.headerSectionTooLarge),
        (Self.chunkedHead + "5;a\n", HTTPParseError.badRequest(.bareLineFeedInChunk)),
    ])
    func theAnswerDoesNotDependOnHowTheBytesArrive(text: String, error: HTTPParseError) {
        var limits = HTTPParserLimits()
        limits.maxChunkLineBytes = 12
        limits.maxHeaderBytes = 48
        let whole = ParserDriver.parse(text, limits: limits).failure
        var trickled = ParserDriver(limits: limits)
        for byte in Array(text.utf8) where trickled.failure == nil { trickled.feed([byte]) }
        #expect(whole == error)
        #expect(trickled.failure == error)
    }
}
