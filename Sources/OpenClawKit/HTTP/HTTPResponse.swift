import FoundationEssentials

/// A parsed HTTP/1.1 response as much as the probe needs: status, headers (lower-cased names) and the
/// body with chunked transfer coding removed.
struct HTTPResponse: Equatable {
    var status: Int
    var headers: [String: String]
    var body: [UInt8]

    enum ParseError: Error, Equatable { case incompleteHead, badStatusLine(String), badChunk }

    /// Where the head ends (index just past CRLFCRLF), if it has arrived.
    static func headEnd(in bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 0...(bytes.count - 4)
        where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
            return index + 4
        }
        return nil
    }

    /// Whether `bytes` already hold the whole response, so reading can stop before the server closes.
    static func isComplete(_ bytes: [UInt8]) -> Bool {
        guard let end = headEnd(in: bytes), let head = try? parseHead(Array(bytes[..<end])) else { return false }
        let bodyCount = bytes.count - end
        if head.headers["transfer-encoding"]?.lowercased().contains("chunked") == true {
            return bytes.suffix(5) == [48, 13, 10, 13, 10]   // "0\r\n\r\n"
        }
        if let length = head.headers["content-length"].flatMap({ Int($0) }) { return bodyCount >= length }
        return false
    }

    static func parse(_ bytes: [UInt8]) throws(ParseError) -> HTTPResponse {
        guard let end = headEnd(in: bytes) else { throw .incompleteHead }
        let head = try parseHead(Array(bytes[..<end]))
        var body = Array(bytes[end...])
        if head.headers["transfer-encoding"]?.lowercased().contains("chunked") == true {
            body = try dechunk(body)
        } else if let length = head.headers["content-length"].flatMap({ Int($0) }), body.count > length {
            body = Array(body.prefix(length))
        }
        return HTTPResponse(status: head.status, headers: head.headers, body: body)
    }

    private static func parseHead(_ head: [UInt8]) throws(ParseError) -> (status: Int, headers: [String: String]) {
        let text = String(decoding: head, as: UTF8.self)
        var lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        guard !lines.isEmpty else { throw .badStatusLine("") }
        let statusLine = lines.removeFirst()
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), let status = Int(parts[1]), (100...599).contains(status) else {
            throw .badStatusLine(String(statusLine.prefix(60)))
        }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimming(.whitespaces)
        }
        return (status, headers)
    }

    private static func dechunk(_ bytes: [UInt8]) throws(ParseError) -> [UInt8] {
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            guard let lineEnd = (index..<bytes.count - 1).first(where: { bytes[$0] == 13 && bytes[$0 + 1] == 10 }) else {
                throw .badChunk
            }
            let sizeText = String(decoding: bytes[index..<lineEnd], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimming(.whitespaces), radix: 16), size >= 0 else { throw .badChunk }
            if size == 0 { return output }
            let start = lineEnd + 2
            guard start + size <= bytes.count else { throw .badChunk }
            output.append(contentsOf: bytes[start..<start + size])
            index = start + size + 2
        }
        throw .badChunk
    }
}
