/// Reads one HTTP/1.1 response from bytes as they arrive, with the server's own framing rules
/// (`HTTPRequestParser`'s field-line and chunk-size grammar, CRLF only): the client is held to
/// the strictness the server holds its peers to.
///
/// `read(_:)` is called with everything received so far and answers as soon as the response is
/// whole, so a keep-alive or slow-closing server is not waited for. The work done on earlier
/// calls is kept (the head, the chunks already framed), so a large body costs linear time.
public struct HTTPResponseReader: Sendable {
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case badStatusLine(String)
        case badField(String)
        case badFraming(String)

        public var description: String {
            switch self {
            case .badStatusLine(let line): return "malformed status line '\(line)'"
            case .badField(let why): return "malformed header field: \(why)"
            case .badFraming(let why): return "malformed body framing: \(why)"
            }
        }
    }

    public enum Progress: Sendable, Equatable {
        case incomplete
        case complete(HTTPClientResponse)
    }

    private enum Framing: Sendable { case length(Int), chunked, untilClose }

    private var head: (status: Int, headers: [String: String], bodyStart: Int, framing: Framing)?
    private var chunkCursor = 0
    private var body: [UInt8] = []
    /// Where the search for the end of the head resumes.
    private var scanned = 0
    /// A HEAD request's answer has no body whatever its fields say.
    private let expectsBody: Bool

    public init(expectsBody: Bool = true) { self.expectsBody = expectsBody }

    /// `closed` says the peer closed the connection: a body framed by the close ends there,
    /// anything else still missing is an error.
    public mutating func read(_ bytes: [UInt8], closed: Bool = false) throws(Failure) -> Progress {
        if head == nil {
            guard let end = findHeadEnd(bytes) else {
                if closed { throw .badFraming(bytes.isEmpty ? "no answer" : "the header section never ended") }
                return .incomplete
            }
            head = try Self.parseHead(bytes[..<end], bodyStart: end, expectsBody: expectsBody)
            chunkCursor = end
        }
        guard let head else { return .incomplete }
        switch head.framing {
        case .length(let length):
            if bytes.count - head.bodyStart >= length {
                return .complete(HTTPClientResponse(status: head.status, headers: head.headers,
                                                    body: Array(bytes[head.bodyStart..<head.bodyStart + length])))
            }
            if closed { throw .badFraming("the body ended after \(bytes.count - head.bodyStart) of \(length) bytes") }
            return .incomplete
        case .untilClose:
            guard closed else { return .incomplete }
            return .complete(HTTPClientResponse(status: head.status, headers: head.headers, body: Array(bytes[head.bodyStart...])))
        case .chunked:
            if try readChunks(bytes) {
                return .complete(HTTPClientResponse(status: head.status, headers: head.headers, body: body))
            }
            if closed { throw .badFraming("the chunked body ended before its last chunk") }
            return .incomplete
        }
    }

    private mutating func findHeadEnd(_ bytes: [UInt8]) -> Int? {
        var i = max(0, scanned - 3)
        while i + 3 < bytes.count {
            if bytes[i] == ASCII.cr, bytes[i + 1] == ASCII.lf, bytes[i + 2] == ASCII.cr, bytes[i + 3] == ASCII.lf { return i + 4 }
            i += 1
        }
        scanned = bytes.count
        return nil
    }

    /// Frames every whole chunk from `chunkCursor` on; true once the last chunk and the trailer
    /// section (fields ignored, CRLF only) have arrived.
    private mutating func readChunks(_ bytes: [UInt8]) throws(Failure) -> Bool {
        while true {
            guard let lineEnd = Self.lineEnd(bytes, from: chunkCursor) else { return false }
            let size: Int
            switch HTTPRequestParser.parseChunkSize(bytes[chunkCursor..<lineEnd]) {
            case .success(let value): size = value
            case .failure: throw .badFraming("bad chunk-size line")
            }
            let dataStart = lineEnd + 2
            if size == 0 {
                // Trailer fields until an empty line.
                var cursor = dataStart
                while true {
                    guard let end = Self.lineEnd(bytes, from: cursor) else { return false }
                    if end == cursor { return true }
                    cursor = end + 2
                }
            }
            guard bytes.count >= dataStart + size + 2 else { return false }
            guard bytes[dataStart + size] == ASCII.cr, bytes[dataStart + size + 1] == ASCII.lf else {
                throw .badFraming("a chunk's data is not followed by CRLF")
            }
            body.append(contentsOf: bytes[dataStart..<dataStart + size])
            chunkCursor = dataStart + size + 2
        }
    }

    /// The index of the CR of the next CRLF at or after `from`; a bare LF is not a line end.
    private static func lineEnd(_ bytes: [UInt8], from: Int) -> Int? {
        var i = from
        while i + 1 < bytes.count {
            if bytes[i] == ASCII.cr && bytes[i + 1] == ASCII.lf { return i }
            i += 1
        }
        return nil
    }

    private static func parseHead(_ bytes: ArraySlice<UInt8>, bodyStart: Int, expectsBody: Bool)
        throws(Failure) -> (status: Int, headers: [String: String], bodyStart: Int, framing: Framing) {
        var lines: [ArraySlice<UInt8>] = []
        var start = bytes.startIndex
        var i = bytes.startIndex
        let end = bytes.endIndex - 4
        while i < end {
            if bytes[i] == ASCII.cr && bytes[i + 1] == ASCII.lf {
                lines.append(bytes[start..<i]); i += 2; start = i
            } else if bytes[i] == ASCII.lf {
                throw .badField("a bare LF ends a line")
            } else { i += 1 }
        }
        lines.append(bytes[start..<end])
        let statusLine = lines.removeFirst()
        let statusText = String(decoding: statusLine.prefix(80), as: UTF8.self)
        let parts = statusLine.split(separator: ASCII.space, maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, parts[0].starts(with: Array("HTTP/1.".utf8)), parts[0].count == 8,
              parts[1].count == 3, parts[1].allSatisfy(ASCII.isDigit),
              let status = Int(String(decoding: parts[1], as: UTF8.self)), (100...599).contains(status) else {
            throw .badStatusLine(statusText)
        }
        var headers: [String: String] = [:]
        for line in lines {
            switch HTTPRequestParser.parseFieldLine(line) {
            case .success(let field):
                let name = field.name.lowercased()
                headers[name] = headers[name].map { "\($0), \(field.value)" } ?? field.value
            case .failure(let error):
                throw .badField("\(error)")
            }
        }
        let noBody = !expectsBody || (100..<200).contains(status) || status == 204 || status == 304
        if noBody { return (status, headers, bodyStart, .length(0)) }
        if let coding = headers["transfer-encoding"] {
            guard coding.lowercased().split(separator: ",").last.map({ $0.trimmingCharacters() == "chunked" }) == true else {
                return (status, headers, bodyStart, .untilClose)
            }
            return (status, headers, bodyStart, .chunked)
        }
        if let length = headers["content-length"] {
            guard !length.isEmpty, length.count <= 12, length.utf8.allSatisfy(ASCII.isDigit), let value = Int(length) else {
                throw .badFraming("Content-Length '\(length.prefix(40))' is not a length")
            }
            return (status, headers, bodyStart, .length(value))
        }
        return (status, headers, bodyStart, .untilClose)
    }
}

private extension Substring {
    func trimmingCharacters() -> Substring {
        var s = self
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return s
    }
}
