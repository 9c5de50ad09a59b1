import Testing
@testable import RawHTTP

@Suite struct ResponseEncoderTests {
    static let date = Array("Sun, 06 Nov 1994 08:49:37 GMT".utf8)

    static func encode(_ response: HTTPResponse, _ framing: ResponseEncoder.Framing = .init()) -> String {
        var output: [UInt8] = []
        ResponseEncoder.encode(response, framing: framing, date: date, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    @Test func writesStatusHeadersLengthDateAndBody() {
        let text = Self.encode(.json(string: "{\"ok\":true}"))
        #expect(text == "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n"
            + "Date: Sun, 06 Nov 1994 08:49:37 GMT\r\n\r\n{\"ok\":true}")
    }

    @Test func headKeepsTheLengthAndDropsTheBody() {
        let text = Self.encode(.text("hello"), .init(isHead: true))
        #expect(text.contains("Content-Length: 5\r\n"))
        #expect(text.hasSuffix("\r\n\r\n"))
    }

    @Test func replacesFramingHeadersAHandlerSet() {
        let response = HTTPResponse(
            status: 200, headers: HTTPHeaders([("content-length", "999"), ("Transfer-Encoding", "chunked"), ("Date", "x")]),
            body: Array("abc".utf8))
        let text = Self.encode(response, .init(close: true))
        #expect(!text.contains("999"))
        #expect(!text.contains("chunked"))
        #expect(text.contains("Content-Length: 3\r\n"))
        #expect(text.contains("Connection: close\r\n"))
    }

    @Test func neutralisesLineBreaksInHeaderValues() {
        let response = HTTPResponse(status: 200, headers: HTTPHeaders([("X-Evil", "a\r\nSet-Cookie: b")]))
        let text = Self.encode(response)
        #expect(text.contains("X-Evil: a  Set-Cookie: b\r\n"))
    }

    @Test func fillsTheErrorShapeForAnEmptyErrorBody() {
        let text = Self.encode(HTTPResponse(status: 403))
        #expect(text.hasPrefix("HTTP/1.1 403 Forbidden\r\n"))
        #expect(text.contains("Content-Type: application/json\r\n"))
        #expect(text.hasSuffix("{\"error\": \"forbidden\", \"message\": \"Forbidden\"}"))
    }

    @Test func noContentHasNoLengthAndNoBody() {
        let text = Self.encode(HTTPResponse(status: 204, body: Array("ignored".utf8)))
        #expect(!text.contains("Content-Length"))
        #expect(text.hasSuffix("GMT\r\n\r\n"))
    }

    @Test func announcesKeepAliveToHTTP10() {
        #expect(Self.encode(.text("a"), .init(announceKeepAlive: true)).contains("Connection: keep-alive\r\n"))
    }

    @Test func errorFactoryEscapesJSON() {
        let response = HTTPResponse.error(status: 400, code: "bad", message: "a \"quoted\"\nline\u{01}")
        #expect(String(decoding: response.body, as: UTF8.self)
            == "{\"error\": \"bad\", \"message\": \"a \\\"quoted\\\"\\nline\\u0001\"}")
        #expect(response.headers["Content-Type"] == "application/json")
    }

    @Test func jsonStringEscapesBackslashesReturnsTabsAndEveryControlInLowercaseHex() {
        #expect(JSONString.quoted("C:\\tmp\r\t\u{1F}\u{1B}") == #""C:\\tmp\r\t\u001f\u001b""#)
        // DEL and non-ASCII need no escape in JSON.
        #expect(JSONString.quoted("\u{7F}é") == "\"\u{7F}é\"")
    }

    @Test func handlerAskingToCloseIsDetected() {
        #expect(ResponseEncoder.requestsClose(HTTPResponse(status: 200, headers: HTTPHeaders([("Connection", "Close")]))))
        #expect(!ResponseEncoder.requestsClose(.text("x")))
    }

    @Test func formatsIMFFixdate() {
        #expect(HTTPDate.format(secondsSinceEpoch: 784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDate.format(secondsSinceEpoch: 0) == "Thu, 01 Jan 1970 00:00:00 GMT")
    }
}
