// Usage: FlyingFoxPeer PORT. Serves GET /health on 127.0.0.1:PORT with the same JSON body and
// content type as openclaw-self-heal, using FlyingFox's defaults (epoll socket pool) and no logging.
import FlyingFox
import Foundation

guard CommandLine.arguments.count == 2, let port = UInt16(CommandLine.arguments[1]) else {
    fatalError("usage: FlyingFoxPeer PORT")
}

let body = Data(#"{"status":"ok"}"#.utf8)
let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: port), logger: .disabled)
await server.appendRoute("GET /health") { _ in
    HTTPResponse(statusCode: .ok, headers: [.contentType: "application/json"], body: body)
}
try await server.run()
