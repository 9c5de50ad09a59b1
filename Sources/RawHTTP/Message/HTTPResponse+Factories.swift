extension HTTPResponse {
    /// A JSON body with `Content-Type: application/json`.
    public static func json(status: Int = 200, _ body: [UInt8]) -> HTTPResponse {
        HTTPResponse(status: status, headers: HTTPHeaders([("Content-Type", "application/json")]), body: body)
    }

    public static func json(status: Int = 200, string: String) -> HTTPResponse {
        json(status: status, Array(string.utf8))
    }

    public static func text(
        status: Int = 200, _ body: String, contentType: String = "text/plain; charset=utf-8"
    ) -> HTTPResponse {
        HTTPResponse(status: status, headers: HTTPHeaders([("Content-Type", contentType)]), body: Array(body.utf8))
    }

    /// The house error shape: `{"error": "<code>", "message": "<text>"}`.
    public static func error(
        status: Int, code: String, message: String, headers: HTTPHeaders = HTTPHeaders()
    ) -> HTTPResponse {
        var allHeaders = headers
        allHeaders.set("Content-Type", "application/json")
        let body = "{\"error\": \(JSONString.quoted(code)), \"message\": \(JSONString.quoted(message))}"
        return HTTPResponse(status: status, headers: allHeaders, body: Array(body.utf8))
    }
}
