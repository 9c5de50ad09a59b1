// libFuzzer target for the HTTP/1.1 request parser. Built against RawHTTP compiled with testing
// enabled (see fuzz/build.sh), so it drives the internal parser exactly as `Connection` does.
//
// For every input, under the default limits and under tight ones:
// - the events (requests, 100-continue, failure) are the same whether the bytes arrive in one
//   piece, one byte at a time, or in pieces cut at pseudo-random points;
// - while bytes trickle in, the parser never buffers more than its line and section limits;
// - no emitted request breaks a limit (body size, header count), and every request has a token
//   method, a target in an accepted form, HTTP/1.0 or 1.1, and one Host header under HTTP/1.1;
// - a failed parser stays failed and answers the same error;
// - each request's target splits into path and query, and each error encodes into a response.
// A broken property traps, which libFuzzer reports as a crash with the input saved.

//
// With HTTP_PARSER_FUZZ_DUMP=<file>, each input's parse under the default limits is also appended
// to that file as one JSON line, for fuzz/differential.py to compare with a reference parser.
import Glibc
@testable import RawHTTP

@_cdecl("LLVMFuzzerTestOneInput")
public func httpParserFuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    HTTPParserFuzz.check(bytes)
    if let path = HTTPParserFuzz.dumpPath { HTTPParserFuzz.dump(bytes, to: path) }
    return 0
}

enum HTTPParserFuzz {
    static let tight = HTTPParserLimits(maxRequestLineBytes: 64, maxHeaderBytes: 160, maxHeaderCount: 4,
                                        maxBodyBytes: 48, maxChunkLineBytes: 12, maxLeadingEmptyLines: 1)

    static func check(_ bytes: [UInt8]) {
        for limits in [HTTPParserLimits(), tight] {
            let whole = run(bytes, limits: limits, pieces: [bytes.count], encodeErrors: true)
            // Byte by byte costs a parser step and an allocation per byte (the parser frees its
            // buffer whenever it has consumed everything, as it should for an idle connection):
            // it was most of the time per input. Only for short inputs; the random cuts below
            // (1 to 64 bytes) split every input, long or short.
            if bytes.count <= 128 {
                let single = run(bytes, limits: limits, pieces: Array(repeating: 1, count: bytes.count))
                require(whole == single, "one piece and byte by byte disagree", bytes)
            }
            let random = run(bytes, limits: limits, pieces: cuts(for: bytes))
            require(whole == random, "one piece and random pieces disagree", bytes)
        }
    }

    /// What the parser produced, without the needMoreData steps.
    enum Step: Equatable {
        case request(ParsedRequest)
        case continueExpected
        case failure(HTTPParseError)
    }

    /// `encodeErrors`: encode a failure into its response. Only the whole-input run does it: the
    /// other runs must end in an equal error (checked), and a response is a function of the error,
    /// so encoding theirs again (a JSON body each time) was a third of every execution.
    static func run(_ bytes: [UInt8], limits: HTTPParserLimits, pieces: [Int], encodeErrors: Bool = false) -> [Step] {
        var parser = HTTPRequestParser(limits: limits)
        var steps: [Step] = []
        var offset = 0
        let bufferBound = max(limits.maxRequestLineBytes, limits.maxHeaderBytes, limits.maxChunkLineBytes) + 2
        for length in pieces where offset < bytes.count {
            let end = min(bytes.count, offset + length)
            bytes[offset..<end].withUnsafeBytes { parser.append($0) }
            offset = end
            drain: while true {
                switch parser.next() {
                case .needMoreData:
                    if length == 1 {
                        require(parser.bufferedByteCount <= bufferBound,
                                "buffered \(parser.bufferedByteCount) bytes, bound \(bufferBound)", bytes)
                    }
                    break drain
                case .continueExpected:
                    steps.append(.continueExpected)
                case .request(let request):
                    checkRequest(request, limits: limits, bytes)
                    steps.append(.request(request))
                case .failure(let error):
                    steps.append(.failure(error))
                    if encodeErrors { _ = error.response }
                    parser.append([0x47, 0x45, 0x54, 0x20])
                    require(parser.next() == .failure(error), "a failed parser changed its answer", bytes)
                    require(parser.bufferedByteCount == 0, "a failed parser kept bytes", bytes)
                    return steps
                }
            }
        }
        return steps
    }

    static func checkRequest(_ request: ParsedRequest, limits: HTTPParserLimits, _ bytes: [UInt8]) {
        require(request.body.count <= limits.maxBodyBytes, "body of \(request.body.count) bytes", bytes)
        require(request.headers.count <= limits.maxHeaderCount, "\(request.headers.count) header fields", bytes)
        require(!request.method.isEmpty && request.method.utf8.allSatisfy(ASCII.isTokenChar), "method", bytes)
        require(!request.target.isEmpty, "empty target", bytes)
        require(HTTPRequestParser.isAcceptedTargetForm(request.target, method: request.method), "target form", bytes)
        require(request.version == .http11 || request.version == .http10, "version", bytes)
        if request.version == .http11 {
            require(request.headers.values("Host").count == 1, "HTTP/1.1 request without exactly one Host", bytes)
        }
        let (path, _) = RequestTarget.split(request.target)
        require(path.hasPrefix("/") || path == "*", "path \(path) from target \(request.target)", bytes)
    }

    /// Cut points derived from the input itself (FNV-1a), so a crash reproduces from the file alone.
    static func cuts(for bytes: [UInt8]) -> [Int] {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        var pieces: [Int] = []
        var covered = 0
        while covered < bytes.count {
            hash = hash &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let length = Int(hash >> 58) + 1 // 1...64
            pieces.append(length)
            covered += length
        }
        return pieces
    }

    static let dumpPath: String? = getenv("HTTP_PARSER_FUZZ_DUMP").map { String(cString: $0) }

    /// `{"input": hex, "steps": [{"request": {...}} | {"continue": true} | {"failure": status, "reason": text}]}`
    static func dump(_ bytes: [UInt8], to path: String) {
        func hex(_ b: [UInt8]) -> String { b.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined() }
        func string(_ s: String) -> String { "\"" + hex(Array(s.utf8)) + "\"" }
        var steps: [String] = []
        for step in run(bytes, limits: HTTPParserLimits(), pieces: [bytes.count]) {
            switch step {
            case .request(let r):
                let headers = r.headers.map { "[\(string($0.name)),\(string($0.value))]" }.joined(separator: ",")
                let version = r.version == .http11 ? "1.1" : "1.0"
                steps.append("{\"request\":{\"method\":\(string(r.method)),\"target\":\(string(r.target)),\"version\":\"\(version)\",\"headers\":[\(headers)],\"body\":\"\(hex(r.body))\",\"keepAlive\":\(r.keepAlive)}}")
            case .continueExpected:
                steps.append("{\"continue\":true}")
            case .failure(let error):
                steps.append("{\"failure\":\(error.status),\"reason\":\(string("\(error)"))}")
            }
        }
        let line = "{\"input\":\"\(hex(bytes))\",\"steps\":[\(steps.joined(separator: ","))]}\n"
        guard let file = fopen(path, "a") else { return }
        fputs(line, file)
        fclose(file)
    }

    static func require(_ condition: Bool, _ message: @autoclosure () -> String, _ bytes: [UInt8]) {
        guard !condition else { return }
        let shown = bytes.prefix(512).map { $0 >= 0x20 && $0 < 0x7f ? String(UnicodeScalar($0)) : "\\x" + String($0, radix: 16) }.joined()
        fatalError("HTTP parser property broken: \(message())\ninput (\(bytes.count) bytes): \(shown)")
    }
}
