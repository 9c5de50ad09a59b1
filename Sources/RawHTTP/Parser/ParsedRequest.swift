/// What the parser produces: one complete request, body decoded.
struct ParsedRequest: Equatable, Sendable {
    var method: String
    var target: String
    var version: HTTPVersion
    var headers: HTTPHeaders
    var body: [UInt8]
    /// Whether the client lets the connection stay open after this request (RFC 9112 section 9.3).
    var keepAlive: Bool
}

/// One step of the parser.
enum HTTPParserEvent: Equatable, Sendable {
    case request(ParsedRequest)
    /// The head asked for `Expect: 100-continue` and the body has not arrived yet.
    case continueExpected
    case needMoreData
    case failure(HTTPParseError)
}

/// Where the parser is within a request; the connection's timers depend on it.
enum HTTPParserProgress: Equatable, Sendable {
    case awaitingRequest
    case readingHead
    case readingBody
}
