/// A response a handler returns. The server adds `Content-Length`, `Date` and `Connection`
/// itself (any values the handler set for those three are replaced), so framing is always right.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: HTTPHeaders
    public var body: [UInt8]

    public init(status: Int, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}
