/// Serialises a response head and body into one byte buffer, so each response leaves in one
/// `send` (two writes without TCP_NODELAY cost a delayed-ACK wait per response).
enum ResponseEncoder {
    /// What the connection decided about this response.
    struct Framing {
        /// Answering HEAD: same headers, `Content-Length` of the body that would be sent, no body.
        var isHead = false
        /// The connection closes after this response.
        var close = false
        /// An HTTP/1.0 client that asked for keep-alive must be told it got it.
        var announceKeepAlive = false
    }

    static func encode(_ response: HTTPResponse, framing: Framing, date: [UInt8], into output: inout [UInt8]) {
        let response = withErrorBodyIfMissing(response)
        let status = (100...999).contains(response.status) ? response.status : 500
        let sendsBody = !framing.isHead && !HTTPStatus.forbidsBody(status)
        output.reserveCapacity(output.count + 160 + response.body.count + response.headers.count * 48)

        appendASCII("HTTP/1.1 \(status) \(HTTPStatus.reasonPhrase(status))\r\n", to: &output)
        // Content-Length, Transfer-Encoding, Connection and Date belong to the encoder: a
        // handler's values for them are dropped so the framing cannot lie.
        for field in response.headers where !isManaged(field.name) {
            appendField(field.name, field.value, to: &output)
        }
        // 1xx, 204 and 304 carry no Content-Length: a 304's would have to be the GET body's length.
        if !HTTPStatus.forbidsBody(status) {
            appendASCII("Content-Length: \(response.body.count)\r\n", to: &output)
        }
        output.append(contentsOf: dateFieldPrefix)
        output.append(contentsOf: date)
        output.append(contentsOf: crlf)
        if framing.close {
            output.append(contentsOf: connectionClose)
        } else if framing.announceKeepAlive {
            output.append(contentsOf: connectionKeepAlive)
        }
        output.append(contentsOf: crlf)
        if sendsBody { output.append(contentsOf: response.body) }
    }

    /// Whether the handler asked to close the connection after this response.
    static func requestsClose(_ response: HTTPResponse) -> Bool {
        guard response.headers.contains("Connection") else { return false }
        return HeadFraming.listElements(response.headers.values("Connection")).contains("close")
    }

    /// Every 4xx/5xx carries the JSON error shape, even when a handler returned an empty body.
    static func withErrorBodyIfMissing(_ response: HTTPResponse) -> HTTPResponse {
        guard response.status >= 400, response.body.isEmpty else { return response }
        return .error(
            status: response.status, code: HTTPStatus.errorCode(response.status),
            message: HTTPStatus.reasonPhrase(response.status), headers: response.headers)
    }

    private static func isManaged(_ name: String) -> Bool {
        // Length first: most names are rejected without comparing a byte.
        switch name.utf8.count {
        case 4: return HTTPHeaders.namesMatch(name, "Date")
        case 10: return HTTPHeaders.namesMatch(name, "Connection")
        case 14: return HTTPHeaders.namesMatch(name, "Content-Length")
        case 17: return HTTPHeaders.namesMatch(name, "Transfer-Encoding")
        default: return false
        }
    }

    /// CR, LF and NUL in a handler's header would split the response; they become spaces (in
    /// values) or hyphens (in names). Clean fields, the norm, are appended in one piece.
    private static func appendField(_ name: String, _ value: String, to output: inout [UInt8]) {
        if name.utf8.allSatisfy(ASCII.isTokenChar) {
            output.append(contentsOf: name.utf8)
        } else {
            for byte in name.utf8 { output.append(ASCII.isTokenChar(byte) ? byte : 0x2D) }
        }
        output.append(ASCII.colon)
        output.append(ASCII.space)
        if value.utf8.allSatisfy(ASCII.isFieldValueByte) {
            output.append(contentsOf: value.utf8)
        } else {
            for byte in value.utf8 { output.append(ASCII.isFieldValueByte(byte) ? byte : ASCII.space) }
        }
        output.append(contentsOf: crlf)
    }

    private static func appendASCII(_ text: String, to output: inout [UInt8]) {
        output.append(contentsOf: text.utf8)
    }

    private static let crlf: [UInt8] = [ASCII.cr, ASCII.lf]
    private static let dateFieldPrefix = Array("Date: ".utf8)
    private static let connectionClose = Array("Connection: close\r\n".utf8)
    private static let connectionKeepAlive = Array("Connection: keep-alive\r\n".utf8)

    /// The interim response for `Expect: 100-continue`.
    static let continueResponse = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)
}
