import Glibc

/// An incremental HTTP/1.1 request parser (RFC 9112): feed it bytes with `append`, then call
/// `next()` until it answers `.needMoreData`. It does no I/O and keeps no clock, so it is tested
/// from literal bytes, split anywhere.
///
/// It only keeps the bytes of the request in progress: once a request is emitted and nothing
/// follows it, the buffer is released, so an idle keep-alive connection holds no buffer at all.
/// Every bound is checked while bytes arrive, before the end of the line or section is seen,
/// so a client can never make it buffer more than the limits allow.
struct HTTPRequestParser {
    enum Phase: Equatable {
        case requestLine
        case headerLines
        case fixedBody(remaining: Int)
        case chunkSizeLine
        case chunkData(remaining: Int)
        case chunkDataEnd
        case trailerLines
        case failed(HTTPParseError)
    }

    let limits: HTTPParserLimits
    private(set) var phase: Phase = .requestLine

    private var buffer: [UInt8] = []
    /// First byte not yet consumed.
    private var readIndex = 0
    /// Where the search for the next LF resumes, so bytes arriving one by one are scanned once.
    private var scanIndex = 0

    // The request in progress.
    var method = ""
    var target = ""
    var version = HTTPVersion.http11
    var headers = HTTPHeaders()
    private var body: [UInt8] = []
    private var sectionBytes = 0
    private var sectionFields = 0
    private var leadingEmptyLines = 0
    private var keepAlive = true
    private var continuePending = false

    init(limits: HTTPParserLimits = HTTPParserLimits()) {
        self.limits = limits
    }

    /// How far the request in progress has come; an idle connection is `.awaitingRequest`.
    var progress: HTTPParserProgress {
        switch phase {
        case .requestLine:
            return readIndex < buffer.count ? .readingHead : .awaitingRequest
        case .headerLines, .failed:
            return .readingHead
        case .fixedBody, .chunkSizeLine, .chunkData, .chunkDataEnd, .trailerLines:
            return .readingBody
        }
    }

    /// Bytes held for requests not yet emitted (memory accounting and tests).
    var bufferedByteCount: Int { buffer.count - readIndex }
    var bufferCapacity: Int { buffer.capacity }

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        if case .failed = phase { return }
        buffer.append(contentsOf: bytes)
    }

    mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { append($0) }
    }

    /// Advances as far as the buffered bytes allow.
    mutating func next() -> HTTPParserEvent {
        while true {
            switch phase {
            case .failed(let error):
                return .failure(error)
            case .requestLine:
                if let event = stepRequestLine() { return event }
            case .headerLines:
                if let event = stepHeaderLine() { return event }
            case .fixedBody(let remaining):
                let taken = takeBody(upTo: remaining)
                if taken == remaining { return .request(emit()) }
                phase = .fixedBody(remaining: remaining - taken)
                return needMore()
            case .chunkSizeLine:
                if let event = stepChunkSizeLine() { return event }
            case .chunkData(let remaining):
                let taken = takeBody(upTo: remaining)
                if taken < remaining {
                    phase = .chunkData(remaining: remaining - taken)
                    return needMore()
                }
                phase = .chunkDataEnd
            case .chunkDataEnd:
                if let event = stepChunkDataEnd() { return event }
            case .trailerLines:
                if let event = stepTrailerLine() { return event }
            }
        }
    }

    // MARK: - Phases

    private mutating func stepRequestLine() -> HTTPParserEvent? {
        guard let lineFeed = findLineFeed() else {
            // +1: the CR of the CRLF may already be here.
            if bufferedByteCount > limits.maxRequestLineBytes + 1 { return fail(.requestLineTooLong) }
            return needMore()
        }
        let line = takeLine(endingAt: lineFeed)
        if line.isEmpty {
            leadingEmptyLines += 1
            return leadingEmptyLines > limits.maxLeadingEmptyLines ? fail(.badRequest(.tooManyEmptyLines)) : nil
        }
        if line.count > limits.maxRequestLineBytes { return fail(.requestLineTooLong) }
        if let error = parseRequestLine(line) { return fail(error) }
        phase = .headerLines
        return nil
    }

    private mutating func stepHeaderLine() -> HTTPParserEvent? {
        switch nextFieldLine() {
        case .event(let event): return event
        case .end: return finishHead()
        case .field(let name, let value):
            headers.add(name, value)
            return nil
        }
    }

    /// One line of a field section (the header or the chunked trailer), under the section's byte
    /// and field-count bounds.
    private enum FieldLine {
        case event(HTTPParserEvent?)
        case end
        case field(name: String, value: String)
    }

    private mutating func nextFieldLine() -> FieldLine {
        guard let lineFeed = findLineFeed() else {
            if sectionBytes + bufferedByteCount > limits.maxHeaderBytes { return .event(fail(.headerSectionTooLarge)) }
            return .event(needMore())
        }
        sectionBytes += lineFeed - readIndex + 1
        if sectionBytes > limits.maxHeaderBytes { return .event(fail(.headerSectionTooLarge)) }
        let line = takeLine(endingAt: lineFeed)
        if line.isEmpty { return .end }
        sectionFields += 1
        if sectionFields > limits.maxHeaderCount { return .event(fail(.tooManyHeaderFields)) }
        switch Self.parseFieldLine(line) {
        case .success(let field): return .field(name: field.name, value: field.value)
        case .failure(let error): return .event(fail(error))
        }
    }

    private mutating func stepChunkSizeLine() -> HTTPParserEvent? {
        guard let lineFeed = findLineFeed() else {
            if bufferedByteCount > limits.maxChunkLineBytes + 1 { return fail(.badRequest(.invalidChunkSize)) }
            return needMore()
        }
        // Too long is judged first, as it is while the bytes trickle in, so the answer does not
        // depend on how the line was split.
        if lineFeed - readIndex > limits.maxChunkLineBytes + 1 { return fail(.badRequest(.invalidChunkSize)) }
        // CRLF only: a proxy in front that ends chunk lines at CRLF alone would read a bare LF
        // as part of the line and frame the body differently (request smuggling).
        guard lineFeed > readIndex, buffer[lineFeed - 1] == ASCII.cr else { return fail(.badRequest(.bareLineFeedInChunk)) }
        let line = takeLine(endingAt: lineFeed)
        if line.count > limits.maxChunkLineBytes { return fail(.badRequest(.invalidChunkSize)) }
        switch Self.parseChunkSize(line) {
        case .failure(let error):
            return fail(error)
        case .success(0):
            sectionBytes = 0
            sectionFields = 0
            phase = .trailerLines
        case .success(let size):
            if size > limits.maxBodyBytes - body.count { return fail(.bodyTooLarge) }
            phase = .chunkData(remaining: size)
        }
        return nil
    }

    private mutating func stepChunkDataEnd() -> HTTPParserEvent? {
        guard bufferedByteCount > 0 else { return needMore() }
        let first = buffer[readIndex]
        if first == ASCII.lf {
            return fail(.badRequest(.bareLineFeedInChunk))
        } else if first == ASCII.cr {
            guard bufferedByteCount > 1 else { return needMore() }
            guard buffer[readIndex + 1] == ASCII.lf else { return fail(.badRequest(.invalidChunkFraming)) }
            consume(2)
        } else {
            return fail(.badRequest(.invalidChunkFraming))
        }
        phase = .chunkSizeLine
        return nil
    }

    /// Trailer fields are checked like header fields and bounded the same way, then dropped:
    /// nothing this server serves needs them, and merging them into the headers invites smuggling.
    private mutating func stepTrailerLine() -> HTTPParserEvent? {
        // The trailer belongs to the chunked framing: CRLF only here too. (A line past the
        // section's size is left to the size check, which answers the same for any split.)
        if let lineFeed = findLineFeed(), lineFeed == readIndex || buffer[lineFeed - 1] != ASCII.cr,
           sectionBytes + lineFeed - readIndex + 1 <= limits.maxHeaderBytes {
            return fail(.badRequest(.bareLineFeedInChunk))
        }
        switch nextFieldLine() {
        case .event(let event): return event
        case .end: return .request(emit())
        case .field: return nil
        }
    }

    /// The empty line ended the header section: decide the framing (RFC 9112 section 6).
    private mutating func finishHead() -> HTTPParserEvent? {
        switch HeadFraming.decide(headers: headers, version: version, limits: limits) {
        case .failure(let error):
            return fail(error)
        case .success(let framing):
            keepAlive = framing.keepAlive
            switch framing.body {
            case .none:
                return .request(emit())
            case .length(let length):
                phase = .fixedBody(remaining: length)
            case .chunked:
                phase = .chunkSizeLine
            }
            if framing.expectsContinue {
                continuePending = true
            }
        }
        if continuePending {
            continuePending = false
            return .continueExpected
        }
        return nil
    }

    // MARK: - Buffer handling

    private mutating func findLineFeed() -> Int? {
        let end = buffer.count
        guard scanIndex < end else { return nil }
        let found: Int? = buffer.withUnsafeBytes { raw in
            guard let base = raw.baseAddress,
                  let hit = memchr(base + scanIndex, Int32(ASCII.lf), end - scanIndex) else { return nil }
            return base.distance(to: UnsafeRawPointer(hit))
        }
        scanIndex = found ?? end
        return found
    }

    /// The line before `lineFeed` without its CR, and consumes it with its terminator.
    private mutating func takeLine(endingAt lineFeed: Int) -> ArraySlice<UInt8> {
        var end = lineFeed
        if end > readIndex && buffer[end - 1] == ASCII.cr { end -= 1 }
        let line = buffer[readIndex..<end]
        readIndex = lineFeed + 1
        scanIndex = readIndex
        return line
    }

    private mutating func takeBody(upTo wanted: Int) -> Int {
        let count = min(wanted, bufferedByteCount)
        if count > 0 {
            body.append(contentsOf: buffer[readIndex..<readIndex + count])
            consume(count)
        }
        return count
    }

    private mutating func consume(_ count: Int) {
        readIndex += count
        scanIndex = max(scanIndex, readIndex)
    }

    /// Drops consumed bytes; frees the buffer entirely once everything is consumed.
    private mutating func compact() {
        if readIndex == buffer.count {
            buffer = []
            readIndex = 0
            scanIndex = 0
        } else if readIndex >= 4096 || readIndex * 2 >= buffer.count {
            buffer.removeSubrange(0..<readIndex)
            scanIndex -= readIndex
            readIndex = 0
        }
    }

    private mutating func needMore() -> HTTPParserEvent {
        compact()
        return .needMoreData
    }

    private mutating func fail(_ error: HTTPParseError) -> HTTPParserEvent {
        phase = .failed(error)
        buffer = []
        readIndex = 0
        scanIndex = 0
        body = []
        return .failure(error)
    }

    private mutating func emit() -> ParsedRequest {
        let request = ParsedRequest(
            method: method, target: target, version: version, headers: headers, body: body, keepAlive: keepAlive)
        method = ""
        target = ""
        headers = HTTPHeaders()
        body = []
        sectionBytes = 0
        sectionFields = 0
        leadingEmptyLines = 0
        keepAlive = true
        phase = .requestLine
        compact()
        return request
    }
}
