import Testing
@testable import RawHTTP

@Suite struct HTTPHeadersTests {
    @Test func looksUpNamesCaseInsensitively() {
        let headers = HTTPHeaders([("Content-Type", "a"), ("X-One", "1"), ("x-one", "2")])
        #expect(headers["content-type"] == "a")
        #expect(headers["X-ONE"] == "1")
        #expect(headers.values("x-One") == ["1", "2"])
        #expect(headers["missing"] == nil)
        #expect(headers.values("missing").isEmpty)
    }

    @Test func addKeepsAndSetReplaces() {
        var headers = HTTPHeaders()
        headers.add("A", "1")
        headers.add("a", "2")
        #expect(headers.count == 2)
        headers.set("A", "3")
        #expect(headers.values("a") == ["3"])
        headers.remove("A")
        #expect(headers.isEmpty)
    }

    @Test func iteratesInOrder() {
        let headers = HTTPHeaders([("B", "2"), ("A", "1")])
        #expect(headers.map(\.name) == ["B", "A"])
        #expect(headers.map(\.value) == ["2", "1"])
    }

    @Test func namesThatDifferOnlyInLengthDoNotMatch() {
        #expect(!HTTPHeaders.namesMatch("Host", "Hostx"))
        #expect(!HTTPHeaders.namesMatch("", "a"))
        #expect(HTTPHeaders.namesMatch("", ""))
    }
}
