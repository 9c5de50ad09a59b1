// libFuzzer target for the gateway log-line parser (`GatewayLogLineParser.parse`), built against
// OpenClawKit compiled with testing enabled (see fuzz/build.sh). Error texts found in lines go on
// to the classifier and the redactor, so those run on them too. (The readers of the CLI's output
// have their own targets, fuzz/targets/CLIOutputFuzz.swift.)
//
// For every input (one line, any bytes):
// - parsing never traps;
// - the marker prefilter (a Wu-Manber search) answers exactly what a plain substring search answers,
//   so it never drops a line that names a marker (the follower decodes only lines it passes);
// - the byte and the string entry points agree on valid UTF-8 (which also shows the parse is
//   deterministic);
// - every failure names a `provider/model` or no model, and a model failure class;
// - redaction is idempotent (a second pass finds nothing the first left behind) and truncation
//   keeps to its byte budget.
// A broken property traps, which libFuzzer reports as a crash with the input saved.
import Foundation
import HealCore
@testable import OpenClawKit

@_cdecl("LLVMFuzzerTestOneInput")
public func logLineFuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    LogLineFuzz.check(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

enum LogLineFuzz {
    static let receivedAt = Date(timeIntervalSince1970: 1_755_838_800)

    static func check(_ line: UnsafeRawBufferPointer) {
        let first = parse(line)

        let bytes = Array(line)
        let naive = markerBytes.contains { contains(bytes, $0) }
        require(GatewayLogLineParser.mightReportFailure(line) == naive,
                "the marker search says \(!naive) where a plain substring search says \(naive)", line)
        let valid = String(validating: bytes, as: UTF8.self)
        if let text = valid {
            let viaString = Result { () throws(GatewayLogLineError) in
                try GatewayLogLineParser.parse(Substring(text), receivedAt: receivedAt)
            }
            // Compared as values (every stored field, synthesized ==), not as printed descriptions:
            // printing both through reflection was a large share of each execution.
            require(viaString == first, "the byte and string entry points disagree: \(describe(viaString)) vs \(describe(first))", line)
        }
        if case .success(let failures) = first {
            for failure in failures {
                let event = failure.event
                if let model = event.model {
                    require(!model.provider.isEmpty && !model.model.isEmpty, "a model id with an empty part: \(model)", line)
                }
                _ = ErrorClassifier.classify(event.errorText, httpStatus: event.httpStatus)
                checkRedaction(event.errorText, line)
            }
        }
        // Valid UTF-8 decodes to the same text it validated to: decoded once.
        let text = valid ?? String(decoding: bytes, as: UTF8.self)
        checkRedaction(text, line)
    }

    /// The markers as bytes once per process, not once per marker per input.
    static let markerBytes: [[UInt8]] = GatewayLogLineParser.markers.map { Array($0.utf8) }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<start + needle.count].elementsEqual(needle) { return true }
        }
        return false
    }

    static func parse(_ line: UnsafeRawBufferPointer) -> Result<[GatewayLogLineFailure], GatewayLogLineError> {
        Result { () throws(GatewayLogLineError) in try GatewayLogLineParser.parse(line, receivedAt: receivedAt) }
    }

    static func describe(_ result: Result<[GatewayLogLineFailure], GatewayLogLineError>) -> String {
        switch result {
        case .success(let failures): return "ok \(failures)"
        case .failure(let error): return "error \(error)"
        }
    }

    static func checkRedaction(_ text: String, _ line: UnsafeRawBufferPointer) {
        let once = Redactor.redact(text)
        let twice = Redactor.redact(once)
        require(once == twice, "redaction is not idempotent: \(once.debugDescription) -> \(twice.debugDescription)", line)
        for budget in [0, 16, 200] {
            let cut = Redactor.truncate(once, maxBytes: budget)
            require(cut.utf8.count <= max(budget, " …[truncated]".utf8.count), "truncate(\(budget)) gave \(cut.utf8.count) bytes", line)
        }
    }

    static func require(_ condition: Bool, _ message: @autoclosure () -> String, _ line: UnsafeRawBufferPointer) {
        guard !condition else { return }
        let text = String(decoding: Array(line.prefix(2000)), as: UTF8.self)
        fatalError("log line parser property broken: \(message())\ninput: \(text.debugDescription)")
    }
}
