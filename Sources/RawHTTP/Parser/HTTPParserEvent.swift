/// One step of the parser.
enum HTTPParserEvent: Equatable, Sendable {
    case request(ParsedRequest)
    /// The head asked for `Expect: 100-continue` and the body has not arrived yet.
    case continueExpected
    case needMoreData
    case failure(HTTPParseError)
}
