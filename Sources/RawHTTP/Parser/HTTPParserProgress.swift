/// Where the parser is within a request; the connection's timers depend on it.
enum HTTPParserProgress: Equatable, Sendable {
    case awaitingRequest
    case readingHead
    case readingBody
}
