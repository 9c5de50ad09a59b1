import Testing
@testable import RawHTTP

@Suite struct RequestTargetTests {
    @Test func splitsPathAndDecodedQuery() {
        let parts = RequestTarget.split("/events?since=10&limit=5&name=a%20b+c&flag&since=20")
        #expect(parts.path == "/events")
        #expect(parts.query == ["since": "20", "limit": "5", "name": "a b c", "flag": ""])
    }

    @Test func keepsMalformedEscapesLiterally() {
        #expect(RequestTarget.split("/x?a=%zz&b=%4").query == ["a": "%zz", "b": "%4"])
        #expect(RequestTarget.split("/x?a=%41").query == ["a": "A"])
    }

    @Test func routesAbsoluteFormByItsPath() {
        #expect(RequestTarget.split("http://host:1/status?format=prometheus").path == "/status")
        #expect(RequestTarget.split("http://host:1/status?format=prometheus").query == ["format": "prometheus"])
        #expect(RequestTarget.split("http://host").path == "/")
        #expect(RequestTarget.split("http://host?a=1").path == "/")
    }

    @Test func requestInitialiserFillsPathAndQuery() {
        let request = HTTPRequest(target: "/status?format=prometheus")
        #expect(request.path == "/status")
        #expect(request.query["format"] == "prometheus")
        #expect(request.method == "GET")
        #expect(request.isLoopbackPeer)
    }
}
