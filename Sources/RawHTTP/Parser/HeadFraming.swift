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
        let hosts = headers.values("Host")
        if hosts.count > 1 { return .failure(.badRequest(.multipleHost)) }
        if version == .http11 && hosts.isEmpty { return .failure(.badRequest(.missingHost)) }

        let body: Body
        switch bodyFraming(headers: headers, version: version, limits: limits) {
        case .failure(let error): return .failure(error)
        case .success(let decided): body = decided
        }

        let connection = listElements(headers.values("Connection"))
        let keepAlive: Bool
        switch version {
        case .http11: keepAlive = !connection.contains("close")
        case .http10: keepAlive = connection.contains("keep-alive") && !connection.contains("close")
        }
        let expectsContinue = version == .http11 && body != .none && body != .length(0)
            && listElements(headers.values("Expect")).contains("100-continue")
        let decidedBody = body == .length(0) ? .none : body
        return .success(HeadFraming(body: decidedBody, keepAlive: keepAlive, expectsContinue: expectsContinue))
    }

    private static func bodyFraming(
        headers: HTTPHeaders, version: HTTPVersion, limits: HTTPParserLimits
    ) -> Result<Body, HTTPParseError> {
        let transferEncodings = headers.values("Transfer-Encoding")
        let contentLengths = headers.values("Content-Length")
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
        values.flatMap { $0.split(separator: ",") }
            .map { $0.trimmingOWS().lowercased() }
            .filter { !$0.isEmpty }
    }
}

extension Substring {
    func trimmingOWS() -> Substring {
        var result = self
        while let first = result.first, first == " " || first == "\t" { result = result.dropFirst() }
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }
}
