/// The two protocol versions this server speaks (RFC 9112). Anything else is answered with 505.
public enum HTTPVersion: Sendable, Equatable {
    case http10
    case http11

    public var text: String {
        switch self {
        case .http10: return "HTTP/1.0"
        case .http11: return "HTTP/1.1"
        }
    }
}
