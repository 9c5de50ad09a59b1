import FoundationEssentials
import HealCore

/// Failures written as text: a warning or error line (or a console line) whose message carries a
/// provider error and names the provider and model, in its meta or as `provider=… model=…`.
extension GatewayLogLineParser {
    static func errorTextFailures(_ line: GatewayLogLine, at: Date) -> [GatewayLogLineFailure] {
        let meta = line.meta
        let runId = firstString(meta, ["runId"])
        let texts = [line.message] + ["error", "errorMessage", "rawError", "rawErrorPreview", "consoleMessage"]
            .compactMap { meta[$0]?.stringValue }

        for text in texts where contains(summaryHeadline, in: text) {
            let failures = summaryFailures(in: text, sessionKey: line.sessionKey, runId: runId, at: at)
            if !failures.isEmpty { return failures }
        }

        let pairs = keyValues(in: line.message)
        if pairs["isError"] == "false" { return [] }
        let errorText = pairs["error"] ?? firstString(meta, ["error", "errorMessage", "rawErrorPreview"]) ?? line.message
        let classificationText = ([errorText, pairs["rawError"] ?? ""] + texts).joined(separator: "\n")
        let cooldownProvider = texts.lazy.compactMap(providerInCooldown(in:)).first
        let status = firstStatus(meta) ?? pairs["status"].flatMap { Int($0) }.flatMap { (100...599).contains($0) ? $0 : nil }
            ?? httpStatus(in: errorText) ?? httpStatus(in: line.message)
        let explicitReason = firstString(meta, ["failoverReason", "reason"]) ?? pairs["reason"] ?? pairs["failoverReason"]

        var provider = firstString(meta, ["provider", "candidateProvider"]) ?? pairs["provider"] ?? cooldownProvider
        var model = firstString(meta, ["model", "candidateModel"]) ?? pairs["model"]
        if model == nil, let combined = provider, combined.utf8.contains(UInt8(ascii: "/")) {
            // The failover decision's console form writes `provider=anthropic/claude-opus-4-6`.
            model = combined
            provider = nil
        }
        let fields = FailureFields(
            provider: provider, model: model,
            explicitReason: explicitReason, status: status, errorText: errorText,
            classificationText: classificationText,
            sessionKey: line.sessionKey ?? pairs["sessionKey"], runId: runId ?? pairs["runId"],
            profileId: firstString(meta, ["profileId"]) ?? pairs["profile"] ?? pairs["profileId"],
            decision: firstString(meta, ["decision"]) ?? pairs["decision"])

        // Only an error: an HTTP error status, a reason (given or classified), or a provider in cooldown.
        // When only the classifier can tell, its answer is handed on, so the line is classified once.
        var classified: Classification?
        if (status ?? 0) < 400 && failureReason(fromLog: explicitReason) == nil && cooldownProvider == nil {
            let owner = modelIdentifier(provider: provider, model: model)?.provider
            let c = ErrorClassifier.classify(classificationText, httpStatus: status, provider: owner)
            guard c.reason != nil else { return [] }
            classified = c
        }
        return makeFailure(fields, origin: .providerError, at: at, classified: classified).map { [$0] } ?? []
    }

    /// `key=value` pairs of a console message (`embedded run agent end: runId=r1 isError=true
    /// model=gpt-5.4 provider=windhub error=HTTP 524: …`). `error=` runs to ` rawError=` or the end,
    /// and `rawError=` to the end, since both are free text.
    static func keyValues(in text: String) -> [String: String] {
        var pairs: [String: String] = [:]
        var rest = Substring(text)
        if let rawError = firstRange(of: " rawError=", in: rest) {
            pairs["rawError"] = String(rest[rawError.upperBound...])
            rest = rest[..<rawError.lowerBound]
        }
        if let error = firstRange(of: " error=", in: rest) ?? (rest.hasPrefix("error=") ? firstRange(of: "error=", in: rest) : nil) {
            pairs["error"] = String(rest[error.upperBound...]).trimming(.whitespaces)
            rest = rest[..<error.lowerBound]
        }
        for token in rest.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            guard let equals = token.firstIndex(of: "="), equals != token.startIndex else { continue }
            let key = token[..<equals]
            guard key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else { continue }
            let value = token[token.index(after: equals)...].trimming(ScalarSet(charactersIn: ",;:"))
            if pairs[String(key)] == nil, !value.isEmpty { pairs[String(key)] = value }
        }
        return pairs
    }

    /// `Provider custom-x is in cooldown …` → `custom-x`.
    static func providerInCooldown(in text: String) -> String? {
        guard let cooldown = firstRange(of: " is in cooldown", in: text[...]),
              let provider = firstRange(of: "Provider ", in: text[..<cooldown.lowerBound], backwards: true) else { return nil }
        let name = text[provider.upperBound..<cooldown.lowerBound]
        guard !name.isEmpty, !name.contains(where: \.isWhitespace) else { return nil }
        return String(name)
    }

    /// The HTTP status an error text states: a leading code (`429 {…}`, `400 status code (no body)`),
    /// `HTTP 524` / `HTTP/1.1 503`, `status: 429` / `status=429` / `"status":429`, or the code just
    /// before an Anthropic-style `{"type":"error"` payload. Codes outside 100…599 are ignored.
    static func httpStatus(in text: String) -> Int? {
        let bytes = Array(text.utf8)
        func isDigit(_ index: Int) -> Bool {
            index >= 0 && index < bytes.count && bytes[index] >= UInt8(ascii: "0") && bytes[index] <= UInt8(ascii: "9")
        }
        /// A three-digit code starting at `index`, not part of a longer number.
        func code(at index: Int) -> Int? {
            guard isDigit(index), isDigit(index + 1), isDigit(index + 2), !isDigit(index + 3), !isDigit(index - 1) else { return nil }
            if index + 3 < bytes.count, bytes[index + 3] == UInt8(ascii: ".") || bytes[index + 3] == UInt8(ascii: ",") && isDigit(index + 4) {
                return nil  // 429.5, 1,429: not a status
            }
            let value = Int(bytes[index] - 48) * 100 + Int(bytes[index + 1] - 48) * 10 + Int(bytes[index + 2] - 48)
            return (100...599).contains(value) ? value : nil
        }
        func lowercased(_ index: Int) -> UInt8 { bytes[index] | 0x20 }
        func matches(_ word: String, at index: Int) -> Bool {
            let needle = Array(word.utf8)
            guard index + needle.count <= bytes.count else { return false }
            for offset in 0..<needle.count where lowercased(index + offset) != needle[offset] { return false }
            return true
        }

        var start = 0
        while start < bytes.count, bytes[start] == 0x20 { start += 1 }
        if let leading = code(at: start) { return leading }

        var index = 0
        while index < bytes.count {
            if matches("http", at: index) {
                var cursor = index + 4
                if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "/") {
                    cursor += 1
                    while cursor < bytes.count, isDigit(cursor) || bytes[cursor] == UInt8(ascii: ".") { cursor += 1 }
                }
                while cursor < bytes.count, bytes[cursor] == 0x20 || bytes[cursor] == UInt8(ascii: ":") { cursor += 1 }
                if let value = code(at: cursor) { return value }
            } else if matches("status", at: index) {
                var cursor = index + 6
                if matches(" code", at: cursor) { cursor += 5 }
                var skipped = 0
                while cursor < bytes.count, skipped < 3,
                      [UInt8(ascii: " "), UInt8(ascii: ":"), UInt8(ascii: "="), UInt8(ascii: "\"")].contains(bytes[cursor]) {
                    cursor += 1
                    skipped += 1
                }
                if let value = code(at: cursor) { return value }
            } else if matches(#" {"type":"error""#, at: index), index >= 3, let value = code(at: index - 3) {
                return value
            }
            index += 1
        }
        return nil
    }
}
