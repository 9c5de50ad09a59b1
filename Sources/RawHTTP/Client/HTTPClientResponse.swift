/// A response as the client read it: status, fields with lower-cased names (a repeated field
/// joined with ", " as RFC 9110 section 5.3 allows) and the body, chunked coding removed.
public struct HTTPClientResponse: Sendable, Equatable {
    public var status: Int
    public var headers: [String: String]
    public var body: [UInt8]

    public init(status: Int, headers: [String: String], body: [UInt8]) {
        self.status = status; self.headers = headers; self.body = body
    }

    public var text: String { String(decoding: body, as: UTF8.self) }
}
