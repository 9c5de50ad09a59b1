@testable import RawHTTP

/// Feeds bytes to a parser and collects what it produces.
struct ParserDriver {
    var parser: HTTPRequestParser
    var requests: [ParsedRequest] = []
    var continues = 0
    var failure: HTTPParseError?

    init(limits: HTTPParserLimits = HTTPParserLimits()) {
        parser = HTTPRequestParser(limits: limits)
    }

    mutating func feed(_ bytes: [UInt8]) {
        parser.append(bytes)
        drain()
    }

    mutating func feed(_ text: String) {
        feed(Array(text.utf8))
    }

    private mutating func drain() {
        while true {
            switch parser.next() {
            case .needMoreData: return
            case .continueExpected: continues += 1
            case .request(let request): requests.append(request)
            case .failure(let error):
                failure = error
                return
            }
        }
    }

    /// Parses `text` in one piece.
    static func parse(_ text: String, limits: HTTPParserLimits = HTTPParserLimits()) -> ParserDriver {
        var driver = ParserDriver(limits: limits)
        driver.feed(text)
        return driver
    }

    /// The error `text` produces, if any.
    static func error(_ text: String, limits: HTTPParserLimits = HTTPParserLimits()) -> HTTPParseError? {
        parse(text, limits: limits).failure
    }
}
