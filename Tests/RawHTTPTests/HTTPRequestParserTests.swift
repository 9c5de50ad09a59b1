import Testing
@testable import RawHTTP

@Suite struct HTTPRequestParserTests {
    @Test func parsesASimpleGet() throws {
        let driver = ParserDriver.parse("GET /health?x=1 HTTP/1.1\r\nHost: a\r\nAccept: */*\r\n\r\n")
        let request = try #require(driver.requests.first)
        #expect(driver.requests.count == 1)
        #expect(driver.failure == nil)
        #expect(request.method == "GET")
        #expect(request.target == "/health?x=1")
        #expect(request.version == .http11)
        #expect(request.headers["host"] == "a")
        #expect(request.headers["ACCEPT"] == "*/*")
        #expect(request.body.isEmpty)
        #expect(request.keepAlive)
    }

    @Test func keepsDuplicateHeadersInOrderAndTrimsOptionalWhitespace() throws {
        let driver = ParserDriver.parse("GET / HTTP/1.1\r\nHost: a\r\nX-A:  one \t\r\nx-a:two\r\n\r\n")
        let request = try #require(driver.requests.first)
        #expect(request.headers.values("X-A") == ["one", "two"])
    }

    @Test func acceptsBareLineFeedsAndLeadingEmptyLines() throws {
        let driver = ParserDriver.parse("\r\n\nGET / HTTP/1.1\nHost: a\n\n")
        #expect(driver.requests.count == 1)
        #expect(driver.failure == nil)
    }

    @Test func rejectsAFloodOfEmptyLines() {
        #expect(ParserDriver.error(String(repeating: "\r\n", count: 5) + "GET / HTTP/1.1\r\n") == .badRequest(.tooManyEmptyLines))
    }

    @Test func readsAFixedLengthBody() throws {
        let driver = ParserDriver.parse("POST /e HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhelloGET")
        let request = try #require(driver.requests.first)
        #expect(request.body == Array("hello".utf8))
        #expect(driver.parser.progress == .readingHead)
    }

    @Test func answersPipelinedRequestsInOrder() {
        let driver = ParserDriver.parse(
            "GET /1 HTTP/1.1\r\nHost: a\r\n\r\nPOST /2 HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\nhiGET /3 HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(driver.requests.map(\.target) == ["/1", "/2", "/3"])
        #expect(driver.requests[1].body == Array("hi".utf8))
        #expect(driver.parser.progress == .awaitingRequest)
    }

    @Test func releasesItsBufferOnceARequestIsDone() {
        var driver = ParserDriver()
        driver.feed("GET / HTTP/1.1\r\nHost: a")
        #expect(driver.parser.bufferCapacity > 0)
        driver.feed("\r\n\r\n")
        #expect(driver.requests.count == 1)
        #expect(driver.parser.bufferCapacity == 0)
        #expect(driver.parser.progress == .awaitingRequest)
    }

    // MARK: - Connection semantics

    @Test(arguments: [
        ("GET / HTTP/1.1\r\nHost: a\r\n\r\n", true),
        ("GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n", false),
        ("GET / HTTP/1.1\r\nHost: a\r\nConnection: Upgrade, CLOSE\r\n\r\n", false),
        ("GET / HTTP/1.0\r\n\r\n", false),
        ("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", true),
        ("GET / HTTP/1.0\r\nConnection: Keep-Alive, close\r\n\r\n", false),
    ])
    func decidesKeepAlive(request: String, keepAlive: Bool) throws {
        let parsed = try #require(ParserDriver.parse(request).requests.first)
        #expect(parsed.keepAlive == keepAlive)
    }

    @Test func http10DoesNotNeedHost() throws {
        let parsed = try #require(ParserDriver.parse("GET / HTTP/1.0\r\n\r\n").requests.first)
        #expect(parsed.version == .http10)
    }

    @Test func signalsExpectContinueBeforeTheBody() {
        var driver = ParserDriver()
        driver.feed("POST /e HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n")
        #expect(driver.continues == 1)
        #expect(driver.requests.isEmpty)
        driver.feed("abc")
        #expect(driver.requests.first?.body == Array("abc".utf8))
        #expect(driver.continues == 1)
    }

    // MARK: - Request line

    @Test(arguments: [
        "GARBAGE\r\n\r\n",
        "GET /\r\nHost: a\r\n\r\n",
        "GET  / HTTP/1.1\r\nHost: a\r\n\r\n",
        "GET / HTTP/1.1 extra\r\nHost: a\r\n\r\n",
        " GET / HTTP/1.1\r\nHost: a\r\n\r\n",
    ])
    func rejectsAMalformedRequestLine(line: String) {
        #expect(ParserDriver.error(line)?.status == 400)
    }

    @Test func rejectsAMethodThatIsNotAToken() {
        #expect(ParserDriver.error("G(T / HTTP/1.1\r\nHost: a\r\n\r\n") == .badRequest(.invalidMethod))
    }

    @Test(arguments: ["nopath", "*", "/a\u{7F}b"])
    func rejectsABadTarget(target: String) {
        #expect(ParserDriver.error("GET \(target) HTTP/1.1\r\nHost: a\r\n\r\n") == .badRequest(.invalidTarget))
    }

    @Test func acceptsAbsoluteFormAndAsteriskForOptions() {
        #expect(ParserDriver.parse("GET http://a/x HTTP/1.1\r\nHost: a\r\n\r\n").requests.count == 1)
        #expect(ParserDriver.parse("OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n").requests.count == 1)
    }

    @Test func rejectsABareCarriageReturnInTheRequestLine() {
        #expect(ParserDriver.error("GET /a\rb HTTP/1.1\r\nHost: a\r\n\r\n")?.status == 400)
    }

    @Test(arguments: ["HTTP/2.0", "HTTP/0.9", "HTTP/1.2", "HTTP/3"])
    func answers505ForOtherVersions(version: String) {
        #expect(ParserDriver.error("GET / \(version)\r\nHost: a\r\n\r\n") == .unsupportedVersion(version))
    }

    @Test(arguments: ["http/1.1", "HTTP/1.x", "HTTP/", "HTTPS/1.1", "HTTP/1.1.1"])
    func answers400ForAMalformedVersion(version: String) {
        #expect(ParserDriver.error("GET / \(version)\r\nHost: a\r\n\r\n") == .badRequest(.invalidVersion))
    }

    // MARK: - Size bounds

    @Test func acceptsARequestLineAtTheLimit() {
        let target = "/" + String(repeating: "a", count: 8192 - "GET  HTTP/1.1".count - 1)
        let line = "GET \(target) HTTP/1.1"
        #expect(line.utf8.count == 8192)
        #expect(ParserDriver.parse(line + "\r\nHost: a\r\n\r\n").requests.count == 1)
    }

    @Test func answers414OneByteOverTheRequestLineLimit() {
        let target = "/" + String(repeating: "a", count: 8192 - "GET  HTTP/1.1".count)
        #expect(ParserDriver.error("GET \(target) HTTP/1.1\r\nHost: a\r\n\r\n") == .requestLineTooLong)
    }

    @Test func answers414BeforeTheLineEnds() {
        var driver = ParserDriver()
        driver.feed("GET /" + String(repeating: "a", count: 9000))
        #expect(driver.failure == .requestLineTooLong)
    }

    @Test func answers431WhenTheHeaderSectionIsTooLarge() {
        let big = "X-Big: " + String(repeating: "b", count: 16 * 1024) + "\r\n"
        #expect(ParserDriver.error("GET / HTTP/1.1\r\nHost: a\r\n" + big + "\r\n") == .headerSectionTooLarge)
        var driver = ParserDriver()
        driver.feed("GET / HTTP/1.1\r\nX-Big: " + String(repeating: "b", count: 17 * 1024))
        #expect(driver.failure == .headerSectionTooLarge)
    }

    @Test func acceptsAHeaderSectionAtTheLimit() {
        // "Host: a\r\n" (9) + field + "\r\n" (final empty line) == 16384.
        let valueLength = 16384 - 9 - 2 - "X-Fill: \r\n".utf8.count
        let fill = "X-Fill: " + String(repeating: "f", count: valueLength) + "\r\n"
        #expect(ParserDriver.parse("GET / HTTP/1.1\r\nHost: a\r\n" + fill + "\r\n").requests.count == 1)
        let over = "X-Fill: " + String(repeating: "f", count: valueLength + 1) + "\r\n"
        #expect(ParserDriver.error("GET / HTTP/1.1\r\nHost: a\r\n" + over + "\r\n") == .headerSectionTooLarge)
    }

    @Test func answers431ForMoreThan100Fields() {
        let fields = (1...99).map { "X-\($0): v\r\n" }.joined()
        #expect(ParserDriver.parse("GET / HTTP/1.1\r\nHost: a\r\n" + fields + "\r\n").requests.count == 1)
        let tooMany = fields + "X-100: v\r\n"
        #expect(ParserDriver.error("GET / HTTP/1.1\r\nHost: a\r\n" + tooMany + "\r\n") == .tooManyHeaderFields)
    }

    @Test func answers413ForADeclaredBodyOverTheLimit() {
        #expect(ParserDriver.error("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 65537\r\n\r\n") == .bodyTooLarge)
        #expect(ParserDriver.error("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999999\r\n\r\n") == .bodyTooLarge)
        let atLimit = "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 65536\r\n\r\n" + String(repeating: "x", count: 65536)
        #expect(ParserDriver.parse(atLimit).requests.first?.body.count == 65536)
    }

    @Test func honoursConfiguredLimits() {
        var limits = HTTPParserLimits()
        limits.maxRequestLineBytes = 20
        limits.maxHeaderCount = 2
        limits.maxBodyBytes = 3
        #expect(ParserDriver.error("GET /0123456789012345 HTTP/1.1\r\n", limits: limits) == .requestLineTooLong)
        #expect(ParserDriver.error("GET / HTTP/1.1\r\nHost: a\r\nX: y\r\nZ: z\r\n\r\n", limits: limits) == .tooManyHeaderFields)
        #expect(ParserDriver.error("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\n\r\n", limits: limits) == .bodyTooLarge)
        #expect(ParserDriver.parse("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabc", limits: limits).requests.count == 1)
    }

    // MARK: - Header fields

    @Test func rejectsWhitespaceBeforeTheColon() {
        #expect(ParserDriver.error("GET / HTTP/1.1\r\nHost : a\r\n\r\n") == .badRequest(.whitespaceBeforeColon))
        #expect(ParserDriver.error("GET / HTTP/1.1\r\nHost\t: a\r\n\r\n") == .badRequest(.whitespaceBeforeColon))
    }

    @Test func rejectsObsoleteLineFolding() {
        #expect(ParserDriver.error("GET / HTTP/1.1\r\nHost: a\r\nX-A: one\r\n two\r\n\r\n") == .badRequest(.obsoleteLineFolding))
        #expect(ParserDriver.error("GET / HTTP/1.1\r\n\tHost: a\r\n\r\n") == .badRequest(.obsoleteLineFolding))
    }

    @Test func rejectsBadFieldLines() {
        #expect(ParserDriver.error("GET / HTTP/1.1\r\nHost: a\r\nNoColon\r\n\r\n") == .badRequest(.missingColon))
        #expect(ParserDriver.error("GET / HTTP/1.1\r\nHost: a\r\n: v\r\n\r\n") == .badRequest(.invalidFieldName))
        #expect(ParserDriver.error("GET / HTTP/1.1\r\nHost: a\r\nX(Y): v\r\n\r\n") == .badRequest(.invalidFieldName))
        #expect(ParserDriver.error("GET / HTTP/1.1\r\nHost: a\r\nX: a\0b\r\n\r\n") == .badRequest(.invalidFieldValue))
        #expect(ParserDriver.error("GET / HTTP/1.1\r\nHost: a\r\nX: a\rb\r\n\r\n") == .badRequest(.invalidFieldValue))
    }

    @Test func requiresExactlyOneHostOnHTTP11() {
        #expect(ParserDriver.error("GET / HTTP/1.1\r\n\r\n") == .badRequest(.missingHost))
        #expect(ParserDriver.error("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n") == .badRequest(.multipleHost))
    }

    // MARK: - Framing and smuggling

    @Test func rejectsContentLengthWithTransferEncoding() {
        let request = "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n"
        #expect(ParserDriver.error(request) == .badRequest(.contentLengthWithTransferEncoding))
    }

    @Test func rejectsDifferingDuplicateContentLengths() {
        #expect(ParserDriver.error("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n")
            == .badRequest(.conflictingContentLength))
        #expect(ParserDriver.error("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3, 4\r\n\r\n")
            == .badRequest(.conflictingContentLength))
    }

    @Test func acceptsIdenticalDuplicateContentLengths() {
        let driver = ParserDriver.parse("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 3,3\r\n\r\nabc")
        #expect(driver.requests.first?.body == Array("abc".utf8))
    }

    @Test(arguments: ["abc", "-1", "+3", "3 3", "0x10", "", "1.5"])
    func rejectsANonNumericContentLength(value: String) {
        #expect(ParserDriver.error("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: \(value)\r\n\r\n")
            == .badRequest(.invalidContentLength))
    }

    @Test(arguments: ["gzip", "gzip, chunked", "chunked, gzip", "identity", "chunked, chunked"])
    func answers501ForATransferCodingOtherThanChunked(coding: String) {
        #expect(ParserDriver.error("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: \(coding)\r\n\r\n")?.status == 501)
    }

    @Test func rejectsTransferEncodingInHTTP10() {
        #expect(ParserDriver.error("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n") == .badRequest(.transferEncodingInHTTP10))
    }

    // MARK: - Chunked bodies

    @Test func decodesAChunkedBodyWithExtensionsAndTrailers() throws {
        let driver = ParserDriver.parse(
            "POST /c HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: Chunked\r\n\r\n"
                + "5;name=value\r\nhello\r\nB ;ext\r\n, chunked!!\r\n0\r\nX-Trailer: t\r\n\r\n")
        let request = try #require(driver.requests.first)
        #expect(String(decoding: request.body, as: UTF8.self) == "hello, chunked!!")
        #expect(request.headers["X-Trailer"] == nil)
    }

    @Test func answers413WhenChunksPassTheLimit() {
        var limits = HTTPParserLimits()
        limits.maxBodyBytes = 8
        let head = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
        #expect(ParserDriver.parse(head + "4\r\nabcd\r\n4\r\nefgh\r\n0\r\n\r\n", limits: limits).requests.count == 1)
        #expect(ParserDriver.error(head + "4\r\nabcd\r\n5\r\nefghi\r\n0\r\n\r\n", limits: limits) == .bodyTooLarge)
        #expect(ParserDriver.error(head + "FFFFFFFFFFFFFFFFF\r\n", limits: limits) == .bodyTooLarge)
    }

    @Test(arguments: ["zz\r\n", "\r\n", "5x\r\n", "-5\r\n"])
    func rejectsAMalformedChunkSize(line: String) {
        let head = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
        #expect(ParserDriver.error(head + line) == .badRequest(.invalidChunkSize))
    }

    @Test func rejectsChunkDataWithoutItsCRLF() {
        let head = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
        #expect(ParserDriver.error(head + "3\r\nabcX\r\n0\r\n\r\n") == .badRequest(.invalidChunkFraming))
    }

    @Test func boundsTheTrailerSection() {
        var limits = HTTPParserLimits()
        limits.maxHeaderBytes = 64
        let head = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n"
        #expect(ParserDriver.error(head + "X: " + String(repeating: "t", count: 100) + "\r\n\r\n", limits: limits)
            == .headerSectionTooLarge)
    }

    // MARK: - After a failure

    @Test func staysFailedAndDropsItsBuffer() {
        var driver = ParserDriver()
        driver.feed("GET / HTTP/1.1\r\nHost : a\r\n\r\n")
        #expect(driver.failure == .badRequest(.whitespaceBeforeColon))
        driver.feed("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(driver.requests.isEmpty)
        #expect(driver.parser.bufferedByteCount == 0)
    }

    @Test func reportsProgressThroughARequest() {
        var driver = ParserDriver()
        #expect(driver.parser.progress == .awaitingRequest)
        driver.feed("POST / HT")
        #expect(driver.parser.progress == .readingHead)
        driver.feed("TP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\n")
        #expect(driver.parser.progress == .readingBody)
        driver.feed("ok")
        #expect(driver.parser.progress == .awaitingRequest)
    }
}
