/// A route's handler.
public enum HTTPHandler: Sendable {
    /// Runs inline on the connection's event queue: no task hop, the fast path. It must not block.
    case sync(@Sendable (HTTPRequest) -> HTTPResponse)
    /// Runs in a task; the connection stops reading until it answers, so responses stay in order.
    case async(@Sendable (HTTPRequest) async -> HTTPResponse)
}
