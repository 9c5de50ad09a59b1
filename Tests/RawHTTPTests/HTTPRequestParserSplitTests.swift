import Testing
@testable import RawHTTP

/// The same bytes must give the same requests however the network cuts them.
@Suite struct HTTPRequestParserSplitTests {
    static let pipelined = Array((
        "\r\nPOST /upload?name=a%20b HTTP/1.1\r\nHost: example\r\nTransfer-Encoding: chunked\r\nX-Tag: one\r\n\r\n"
            + "4;ext=1\r\nWiki\r\n5\r\npedia\r\n0\r\nTrailer: x\r\n\r\n"
            + "PUT /fixed HTTP/1.1\r\nHost: example\r\nContent-Length: 11\r\nConnection: close\r\n\r\nhello world"
            + "GET /last HTTP/1.0\r\n\r\n"
    ).utf8)

    static func parseWhole() -> [ParsedRequest] {
        var driver = ParserDriver()
        driver.feed(pipelined)
        return driver.requests
    }

    @Test func wholeInputGivesThreeRequests() {
        let requests = Self.parseWhole()
        #expect(requests.map(\.target) == ["/upload?name=a%20b", "/fixed", "/last"])
        #expect(requests[0].body == Array("Wikipedia".utf8))
        #expect(requests[1].body == Array("hello world".utf8))
        #expect(requests[1].keepAlive == false)
        #expect(requests[2].version == .http10)
    }

    @Test func everySplitPointGivesTheSameRequests() {
        let expected = Self.parseWhole()
        for split in 0...Self.pipelined.count {
            var driver = ParserDriver()
            driver.feed(Array(Self.pipelined[..<split]))
            driver.feed(Array(Self.pipelined[split...]))
            #expect(driver.failure == nil, "split at \(split)")
            #expect(driver.requests == expected, "split at \(split)")
        }
    }

    @Test func oneByteAtATimeGivesTheSameRequests() {
        var driver = ParserDriver()
        for byte in Self.pipelined {
            driver.feed([byte])
        }
        #expect(driver.requests == Self.parseWhole())
    }

    @Test func everySplitPointOfAnInvalidRequestGivesTheSameError() {
        let bad = Array("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n".utf8)
        for split in 0...bad.count {
            var driver = ParserDriver()
            driver.feed(Array(bad[..<split]))
            driver.feed(Array(bad[split...]))
            #expect(driver.failure == .badRequest(.conflictingContentLength), "split at \(split)")
        }
    }
}
