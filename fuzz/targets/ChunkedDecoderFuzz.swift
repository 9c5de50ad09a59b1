// libFuzzer target for the chunked body decoder of the HTTP parser (RawHTTP), with an oracle: a
// reference decoder written here from RFC 9112 section 7.1 alone (CRLF only, chunk extensions
// by their grammar, trailer fields as field lines), independent of the parser's code.
//
// For every input (the bytes after a `Transfer-Encoding: chunked` head):
// - when the reference decodes a body within the limits, the parser emits one request with
//   exactly that body, whether the bytes come in one piece or cut at pseudo-random points;
// - when the reference says the framing is invalid, the parser fails (400) and emits nothing;
// - when the reference needs more bytes, the parser emits nothing.
// A disagreement is a framing difference a proxy could exploit: it traps, and libFuzzer saves it.
@testable import RawHTTP

@_cdecl("LLVMFuzzerTestOneInput")
public func chunkedDecoderFuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    ChunkedDecoderFuzz.check(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

enum ChunkedDecoderFuzz {
    static let head = Array("POST /c HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n".utf8)
    static let limits = HTTPParserLimits()

    enum Reference: Equatable {
        case body([UInt8])
        case invalid
        case incomplete
        /// A size or length bound of the parser is passed; the parser may refuse however it likes.
        case overLimit
    }

    static func check(_ input: [UInt8]) {
        let expected = reference(input)
        for pieces in [[head.count + input.count], cuts(input)] {
            let got = parse(head + input, pieces: pieces)
            switch (expected, got) {
            case (.body(let body), .request(let request)):
                require(request == body, "decoded \(request.count) bytes, the reference \(body.count)", input)
            case (.body, _):
                require(false, "the reference decodes a body, the parser answers \(got)", input)
            case (.invalid, .failure):
                break
            case (.invalid, _):
                require(false, "the reference rejects the framing, the parser answers \(got)", input)
            case (.incomplete, .request):
                require(false, "the reference needs more bytes, the parser emitted a request", input)
            case (.incomplete, _), (.overLimit, _):
                break
            }
        }
    }

    enum Parsed: Equatable {
        case request([UInt8])
        case failure(HTTPParseError)
        case needMore
    }

    static func parse(_ bytes: [UInt8], pieces: [Int]) -> Parsed {
        var parser = HTTPRequestParser(limits: limits)
        var offset = 0
        var pieceIndex = 0
        while offset < bytes.count {
            let length = pieceIndex < pieces.count ? pieces[pieceIndex] : bytes.count
            pieceIndex += 1
            let end = min(bytes.count, offset + max(1, length))
            bytes[offset..<end].withUnsafeBytes { parser.append($0) }
            offset = end
            while true {
                switch parser.next() {
                case .needMoreData: break
                case .continueExpected: continue
                case .request(let request): return .request(request.body)
                case .failure(let error): return .failure(error)
                }
                break
            }
        }
        return .needMore
    }

    // MARK: - The reference decoder

    static func reference(_ b: [UInt8]) -> Reference {
        var i = 0
        var body: [UInt8] = []
        func line() -> (content: ArraySlice<UInt8>, next: Int)? {
            // A line ends at the first LF; it must be CR LF.
            guard let lf = b[i...].firstIndex(of: 0x0A) else { return nil }
            return (b[i..<lf], lf + 1)
        }
        while true {
            guard let (raw, next) = line() else {
                return b.count - i > limits.maxChunkLineBytes + 1 ? .overLimit : .incomplete
            }
            guard raw.last == 0x0D else { return .invalid }
            let content = raw.dropLast()
            if content.count > limits.maxChunkLineBytes { return .overLimit }
            var digits = 0
            var size = 0
            var j = content.startIndex
            while j < content.endIndex, let v = hex(content[j]) {
                digits += 1
                if digits > 8 { return .overLimit }
                size = size * 16 + v
                j += 1
            }
            if digits == 0 { return .invalid }
            if !extensionsValid(content[j...]) { return .invalid }
            i = next
            if size == 0 { break }
            if body.count + size > limits.maxBodyBytes { return .overLimit }
            guard b.count - i >= size else { return .incomplete }
            body += b[i..<i + size]
            i += size
            guard b.count - i >= 2 else {
                // One byte left: a CR may still be followed by LF; anything else is wrong already.
                if b.count - i == 1 && b[i] != 0x0D { return .invalid }
                return .incomplete
            }
            guard b[i] == 0x0D, b[i + 1] == 0x0A else { return .invalid }
            i += 2
        }
        // The trailer section: field lines, then an empty line.
        var trailerBytes = 0
        var fields = 0
        while true {
            guard let (raw, next) = line() else {
                return trailerBytes + (b.count - i) > limits.maxHeaderBytes ? .overLimit : .incomplete
            }
            trailerBytes += next - i
            if trailerBytes > limits.maxHeaderBytes { return .overLimit }
            guard raw.last == 0x0D else { return .invalid }
            let content = raw.dropLast()
            i = next
            if content.isEmpty { return .body(body) }
            fields += 1
            if fields > limits.maxHeaderCount { return .overLimit }
            if !fieldLineValid(content) { return .invalid }
        }
    }

    static func hex(_ c: UInt8) -> Int? {
        switch c {
        case 0x30...0x39: return Int(c - 0x30)
        case 0x41...0x46: return Int(c - 0x41 + 10)
        case 0x61...0x66: return Int(c - 0x61 + 10)
        default: return nil
        }
    }

    static let tchar = Set(Array("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8))

    /// `*( BWS ";" BWS name [ BWS "=" BWS ( token / quoted-string ) ] )`, as a small state machine.
    static func extensionsValid(_ s: ArraySlice<UInt8>) -> Bool {
        enum State { case beforeSemicolon, beforeName, inName, afterName, beforeValue, inToken, inQuoted, escaped, afterValue }
        var state = State.beforeSemicolon
        for c in s {
            let ws = c == 0x20 || c == 0x09
            switch state {
            case .beforeSemicolon, .afterName, .afterValue:
                if ws { continue }
                if c == 0x3B { state = .beforeName; continue }
                if state == .afterName && c == 0x3D { state = .beforeValue; continue }
                return false
            case .beforeName:
                if ws { continue }
                guard tchar.contains(c) else { return false }
                state = .inName
            case .inName:
                if tchar.contains(c) { continue }
                if ws { state = .afterName; continue }
                if c == 0x3B { state = .beforeName; continue }
                if c == 0x3D { state = .beforeValue; continue }
                return false
            case .beforeValue:
                if ws { continue }
                if c == 0x22 { state = .inQuoted; continue }
                guard tchar.contains(c) else { return false }
                state = .inToken
            case .inToken:
                if tchar.contains(c) { continue }
                if ws { state = .afterValue; continue }
                if c == 0x3B { state = .beforeName; continue }
                return false
            case .inQuoted:
                if c == 0x22 { state = .afterValue; continue }
                if c == 0x5C { state = .escaped; continue }
                guard c == 0x09 || c == 0x20 || c == 0x21 || (0x23...0x5B).contains(c) || (0x5D...0x7E).contains(c) || c >= 0x80 else { return false }
            case .escaped:
                guard c == 0x09 || (c >= 0x20 && c != 0x7F) else { return false }
                state = .inQuoted
            }
        }
        // Whitespace may only stand before a ";", so a list may not end in it.
        switch state {
        case .beforeSemicolon: return s.isEmpty
        case .inName, .inToken: return true
        case .afterValue: return s.last == 0x22
        default: return false
        }
    }

    /// `field-name ":" OWS field-value OWS`, no whitespace before the colon or at the start.
    static func fieldLineValid(_ s: ArraySlice<UInt8>) -> Bool {
        guard let colon = s.firstIndex(of: 0x3A), colon > s.startIndex else { return false }
        guard s[..<colon].allSatisfy(tchar.contains) else { return false }
        return s[(colon + 1)...].allSatisfy { $0 == 0x09 || ($0 >= 0x20 && $0 != 0x7F) }
    }

    static func cuts(_ bytes: [UInt8]) -> [Int] {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        var pieces = [head.count]
        var covered = 0
        while covered < bytes.count {
            hash = hash &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let length = Int(hash >> 59) + 1
            pieces.append(length)
            covered += length
        }
        return pieces
    }

    static func require(_ condition: Bool, _ message: @autoclosure () -> String, _ input: [UInt8]) {
        guard !condition else { return }
        let shown = input.prefix(512).map { $0 >= 0x20 && $0 < 0x7f ? String(UnicodeScalar($0)) : "\\x" + String($0, radix: 16) }.joined()
        fatalError("chunked decoder disagrees with the reference: \(message())\ninput (\(input.count) bytes): \(shown)")
    }
}
