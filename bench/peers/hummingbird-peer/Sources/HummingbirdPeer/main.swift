// Usage: HummingbirdPeer PORT. Serves GET /health on 127.0.0.1:PORT with the same JSON body and
// content type as openclaw-self-heal, using Hummingbird's defaults (one event loop per core).
import Hummingbird

guard CommandLine.arguments.count == 2, let port = Int(CommandLine.arguments[1]) else {
    fatalError("usage: HummingbirdPeer PORT")
}

let body = ByteBuffer(string: #"{"status":"ok"}"#)
let router = Router()
router.get("/health") { _, _ -> Response in
    Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: body))
}
let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)))
try await app.runService()
