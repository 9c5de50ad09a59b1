/// One HTTP request to a target, fully built: everything in it may be secret, so it only ever
/// travels on curl's standard input (`CurlConfig`).
public struct NotifyRequest: Sendable, Equatable {
    public var method: String
    public var url: String
    /// `Name: value` lines.
    public var headers: [String]
    public var body: [UInt8]?

    public init(method: String, url: String, headers: [String] = [], body: [UInt8]? = nil) {
        self.method = method; self.url = url; self.headers = headers; self.body = body
    }
}
