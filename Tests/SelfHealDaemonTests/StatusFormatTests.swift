import Testing
@testable import SelfHealDaemon

struct StatusFormatTests {
    @Test(arguments: [
        (nil, nil, StatusFormat.json),
        ("", nil, .json),
        ("application/json", nil, .json),
        ("*/*", nil, .json),
        ("text/plain", nil, .prometheus),
        ("text/plain; version=0.0.4", nil, .prometheus),
        // Prometheus 2.x default scrape Accept header.
        ("application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1", nil, .prometheus),
        // Prometheus 3.x style: OpenMetrics preferred, 0.0.4 text at q=0.4, no JSON.
        ("application/openmetrics-text;version=1.0.0;escaping=allow-utf-8;q=0.6,application/openmetrics-text;version=0.0.1;q=0.5,text/plain;version=1.0.0;escaping=allow-utf-8;q=0.4,text/plain;version=0.0.4;q=0.3,*/*;q=0.2", nil, .prometheus),
        ("application/json, text/plain;q=0.5", nil, .json),
        ("text/plain;q=0.9, application/json", nil, .json),
        ("text/plain, application/json;q=0.5", nil, .prometheus),
        ("text/html,application/xhtml+xml,*/*;q=0.8", nil, .json),
        ("text/plain;q=0", nil, .json),
        ("application/json", "prometheus", .prometheus),
        ("text/plain", "json", .json),
        (nil, "PROMETHEUS", .prometheus),
        ("garbage;;;", nil, .json),
    ] as [(String?, String?, StatusFormat)])
    func negotiates(accept: String?, format: String?, expected: StatusFormat) {
        #expect(StatusFormat.negotiate(accept: accept, formatParameter: format) == expected)
    }

    @Test func parsesQValues() {
        let ranges = AcceptRange.parseList("text/plain;version=0.0.4;q=0.4, application/json ;q=bogus")
        #expect(ranges == [AcceptRange(mediaType: "text/plain", q: 0.4), AcceptRange(mediaType: "application/json", q: 1)])
    }
}
