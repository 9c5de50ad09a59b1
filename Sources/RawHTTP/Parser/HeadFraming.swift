/// How a request's body is delimited and whether the connection may stay open, decided from its
/// header section (RFC 9112 sections 6.1-6.3 and 9.3). Pure, so each smuggling rule is testable.
struct HeadFraming: Equatable {
    enum Body: Equatable {
        case none
        case length(Int)
        case chunked
    }

    var body: Body
    var keepAlive: Bool
    var expectsContinue: Bool

    static func decide(
        headers: HTTPHeaders, version: HTTPVersion, limits: HTTPParserLimits
    ) -> Result<HeadFraming, HTTPParseError> {
        let fields = FramingFields(headers)
        if fields.hostCount > 1 { return .failure(.badRequest(.multipleHost)) }
        if version == .http11 && fields.hostCount == 0 { return .failure(.badRequest(.missingHost)) }
        if let host = fields.host, HostField.host(of: host) == nil { return .failure(.badRequest(.invalidHost)) }
        // Two credentials: a proxy and this server could each believe a different one.
        if fields.authorizationCount > 1 { return .failure(.badRequest(.multipleAuthorization)) }

        let body: Body
        switch bodyFraming(fields, version: version, limits: limits) {
        case .failure(let error): return .failure(error)
        case .success(let decided): body = decided
        }

        let connection = listElements(fields.connection)
        let keepAlive: Bool
        switch version {
        case .http11: keepAlive = !connection.contains("close")
        case .http10: keepAlive = connection.contains("keep-alive") && !connection.contains("close")
        }
        let expectsContinue = version == .http11 && body != .none && body != .length(0)
            && listElements(fields.expect).contains("100-continue")
        let decidedBody = body == .length(0) ? .none : body
        return .success(HeadFraming(body: decidedBody, keepAlive: keepAlive, expectsContinue: expectsContinue))
    }

    /// The fields framing depends on, gathered in one pass over the header section.
    private struct FramingFields {
        var hostCount = 0
        var host: String?
        var authorizationCount = 0
        var transferEncoding: [String] = []
        var contentLength: [String] = []
        var connection: [String] = []
        var expect: [String] = []

        init(_ headers: HTTPHeaders) {
            for field in headers {
                switch field.name.utf8.count {
                case 4 where HTTPHeaders.namesMatch(field.name, "Host"):
                    hostCount += 1
                    host = field.value
                case 13 where HTTPHeaders.namesMatch(field.name, "Authorization"):
                    authorizationCount += 1
                case 6 where HTTPHeaders.namesMatch(field.name, "Expect"):
                    expect.append(field.value)
                case 10 where HTTPHeaders.namesMatch(field.name, "Connection"):
                    connection.append(field.value)
                case 14 where HTTPHeaders.namesMatch(field.name, "Content-Length"):
                    contentLength.append(field.value)
                case 17 where HTTPHeaders.namesMatch(field.name, "Transfer-Encoding"):
                    transferEncoding.append(field.value)
                default:
                    break
                }
            }
        }
    }

    private static func bodyFraming(
        _ fields: FramingFields, version: HTTPVersion, limits: HTTPParserLimits
    ) -> Result<Body, HTTPParseError> {
        let transferEncodings = fields.transferEncoding
        let contentLengths = fields.contentLength
        if !transferEncodings.isEmpty {
            // Either header could be the one a proxy in front believed: refuse both (section 6.3).
            if !contentLengths.isEmpty { return .failure(.badRequest(.contentLengthWithTransferEncoding)) }
            if version == .http10 { return .failure(.badRequest(.transferEncodingInHTTP10)) }
            let codings = listElements(transferEncodings)
            guard codings == ["chunked"] else {
                let unsupported = codings.first { $0 != "chunked" } ?? codings.joined(separator: ", ")
                return .failure(.unsupportedTransferCoding(unsupported))
            }
            return .success(.chunked)
        }
        guard !contentLengths.isEmpty else { return .success(.none) }
        // A list of identical values is one length (RFC 9110 section 8.6); anything else is an attack.
        var length: Int?
        for element in contentLengths.flatMap({ $0.split(separator: ",", omittingEmptySubsequences: false) }) {
            let digits = element.trimmingOWS()
            guard !digits.isEmpty, digits.utf8.allSatisfy(ASCII.isDigit) else {
                return .failure(.badRequest(.invalidContentLength))
            }
            let significant = digits.drop { $0 == "0" }
            guard significant.count <= 18, let value = Int(significant.isEmpty ? "0" : significant) else {
                return .failure(.bodyTooLarge)
            }
            if let earlier = length, earlier != value { return .failure(.badRequest(.conflictingContentLength)) }
            length = value
        }
        let decided = length ?? 0
        if decided > limits.maxBodyBytes { return .failure(.bodyTooLarge) }
        return .success(.length(decided))
    }

    /// The lower-cased elements of comma-separated list headers, empty elements dropped.
    static func listElements(_ values: [String]) -> [String] {
        if values.isEmpty { return [] }
        return values.flatMap { $0.split(separator: ",") }
            .map { $0.trimmingOWS().lowercased() }
            .filter { !$0.isEmpty }
    }
}
