/// Why a request could not be parsed. Every case is answered and then the connection is closed,
/// because after a framing error the server can no longer tell where the next request starts.
enum HTTPParseError: Error, Equatable, Sendable {
    case requestLineTooLong
    case headerSectionTooLarge
    case tooManyHeaderFields
    case bodyTooLarge
    case badRequest(BadRequestReason)
    case unsupportedTransferCoding(String)
    case unsupportedVersion(String)

    enum BadRequestReason: Equatable, Sendable {
        case invalidRequestLine
        case invalidMethod
        case invalidTarget
        case invalidVersion
        case tooManyEmptyLines
        case obsoleteLineFolding
        case whitespaceBeforeColon
        case missingColon
        case invalidFieldName
        case invalidFieldValue
        case missingHost
        case multipleHost
        case contentLengthWithTransferEncoding
        case invalidContentLength
        case conflictingContentLength
        case transferEncodingInHTTP10
        case invalidChunkSize
        case invalidChunkFraming
        case bareLineFeedInChunk
        case invalidChunkExtension
        case invalidHost
        case multipleAuthorization

        var message: String {
            switch self {
            case .invalidRequestLine: return "the request line is not 'METHOD SP target SP HTTP-version'"
            case .invalidMethod: return "the method is not a token"
            case .invalidTarget: return "the request target is not in origin, absolute or asterisk form"
            case .invalidVersion: return "the HTTP version is malformed"
            case .tooManyEmptyLines: return "too many empty lines before the request line"
            case .obsoleteLineFolding: return "obsolete line folding (a line starting with whitespace) is not accepted"
            case .whitespaceBeforeColon: return "whitespace between a header name and its colon"
            case .missingColon: return "a header line has no colon"
            case .invalidFieldName: return "a header name contains a character that is not allowed"
            case .invalidFieldValue: return "a header value contains a control character"
            case .missingHost: return "an HTTP/1.1 request must carry a Host header"
            case .multipleHost: return "more than one Host header"
            case .contentLengthWithTransferEncoding: return "Content-Length and Transfer-Encoding together"
            case .invalidContentLength: return "Content-Length is not a decimal number"
            case .conflictingContentLength: return "Content-Length values differ"
            case .transferEncodingInHTTP10: return "Transfer-Encoding in an HTTP/1.0 request"
            case .invalidChunkSize: return "a chunk size line is malformed"
            case .invalidChunkFraming: return "chunk data is not followed by CRLF"
            case .bareLineFeedInChunk: return "a line of the chunked body ends in a bare LF; chunked framing needs CRLF"
            case .invalidChunkExtension: return "a chunk extension does not follow RFC 9112 section 7.1.1"
            case .invalidHost: return "the Host header is not a valid host[:port] (RFC 9112 section 3.2)"
            case .multipleAuthorization: return "more than one Authorization header"
            }
        }
    }

    var status: Int {
        switch self {
        case .requestLineTooLong: return 414
        case .headerSectionTooLarge, .tooManyHeaderFields: return 431
        case .bodyTooLarge: return 413
        case .badRequest: return 400
        case .unsupportedTransferCoding: return 501
        case .unsupportedVersion: return 505
        }
    }

    var message: String {
        switch self {
        case .requestLineTooLong: return "the request line is too long"
        case .headerSectionTooLarge: return "the header section is too large"
        case .tooManyHeaderFields: return "too many header fields"
        case .bodyTooLarge: return "the request body is too large"
        case .badRequest(let reason): return reason.message
        case .unsupportedTransferCoding(let coding): return "transfer coding '\(coding)' is not supported; only chunked is"
        case .unsupportedVersion(let version): return "\(version) is not supported; use HTTP/1.1 or HTTP/1.0"
        }
    }

    /// The response the server sends for this error.
    var response: HTTPResponse {
        .error(status: status, code: HTTPStatus.errorCode(status), message: message)
    }
}
