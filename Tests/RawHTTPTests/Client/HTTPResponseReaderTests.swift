import Testing
@testable import RawHTTP

@Suite struct HTTPResponseReaderTests {
    private func read(_ text: String, closed: Bool = true, expectsBody: Bool = true) throws -> HTTPResponseReader.Progress {
        var reader = HTTPResponseReader(expectsBody: expectsBody)
        return try reader.read(Array(text.utf8), closed: closed)
    }

    private func response(_ text: String, closed: Bool = true) throws -> HTTPClientResponse {
        guard case .complete(let response) = try read(text, closed: closed) else {
            Issue.record("incomplete: \(text.debugDescription)")
            return HTTPClientResponse(status: 0, headers: [:], body: [])
        }
        return response
    }

    @Test func aLengthFramedBodyEndsAtItsLength() throws {
        let parsed = try response("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nX-A: b\r\n\r\nokEXTRA", closed: false)
        #expect(parsed.status == 200)
        #expect(parsed.body == Array("ok".utf8))
        #expect(parsed.headers["x-a"] == "b")
    }

    @Test func aChunkedBodyIsDecodedAndEndsAtTheLastChunk() throws {
        let parsed = try response("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n1\r\n!\r\n0\r\nX-T: 1\r\n\r\n", closed: false)
        #expect(parsed.text == "hello!")
    }

    @Test func aBodyWithoutFramingEndsWithTheConnection() throws {
        #expect(try read("HTTP/1.1 200 OK\r\n\r\npartial", closed: false) == .incomplete)
        #expect(try response("HTTP/1.1 200 OK\r\n\r\nall of it").text == "all of it")
    }

    @Test func answersWithoutABody() throws {
        #expect(try response("HTTP/1.1 204 No Content\r\nContent-Length: 9\r\n\r\n", closed: false).body.isEmpty)
        guard case .complete(let head) = try read("HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\n", closed: false, expectsBody: false) else {
            Issue.record("a HEAD answer waited for a body"); return
        }
        #expect(head.body.isEmpty)
    }

    @Test func repeatedFieldsAreJoined() throws {
        #expect(try response("HTTP/1.1 200 OK\r\nVary: a\r\nVary: b\r\nContent-Length: 0\r\n\r\n").headers["vary"] == "a, b")
    }

    /// Fed a byte at a time, the reader reaches the same answer, and only once everything is in.
    @Test func bytesArrivingOneByOneGiveTheSameAnswer() throws {
        let text = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n"
        let bytes = Array(text.utf8)
        var reader = HTTPResponseReader()
        for end in 1..<bytes.count {
            #expect(try reader.read(Array(bytes[..<end])) == .incomplete, "complete after \(end) bytes")
        }
        guard case .complete(let whole) = try reader.read(bytes) else { Issue.record("never complete"); return }
        #expect(whole.text == "abcde")
    }

    @Test(arguments: [
        ("SSH-2.0-OpenSSH\r\n\r\n", "status line"),
        ("HTTP/1.1 2000 OK\r\n\r\n", "status line"),
        ("HTTP/1.1 200 OK\r\nBad Field: x\r\n\r\n", "header field"),
        ("HTTP/1.1 200 OK\nContent-Length: 0\r\n\r\n", "bare LF"),
        ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "chunk-size"),
        ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhelloXX0\r\n\r\n", "not followed by CRLF"),
        ("HTTP/1.1 200 OK\r\nContent-Length: x\r\n\r\n", "not a length"),
    ])
    func malformedAnswersAreRefusedWithTheReason(text: String, reason: String) {
        do {
            _ = try read(text)
            Issue.record("accepted: \(text.debugDescription)")
        } catch let error as HTTPResponseReader.Failure {
            #expect(error.description.contains(reason), "\(error)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func aConnectionClosedEarlySaysWhatWasMissing() {
        #expect(throws: HTTPResponseReader.Failure.badFraming("the body ended after 2 of 5 bytes")) {
            try read("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nab")
        }
        #expect(throws: HTTPResponseReader.Failure.badFraming("the header section never ended")) { try read("HTTP/1.1 200") }
        #expect(throws: HTTPResponseReader.Failure.badFraming("the chunked body ended before its last chunk")) {
            try read("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel")
        }
    }
}
