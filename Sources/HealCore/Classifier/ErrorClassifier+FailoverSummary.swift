import FoundationEssentials

/// OpenClaw reports a turn whose every candidate failed as one line:
/// `All models failed (2): anthropic/claude-opus-4-6: 429 … (rate_limit) | openai/gpt-5.2: … (timeout)`,
/// often inside `⚠️ Agent failed before reply: ….\nLogs: openclaw logs --follow`. Classifying the
/// whole line gives one reason for several models; this splits it so each model gets its own.
extension ErrorClassifier {
    /// The models a failover summary names, each with its classification, in the summary's order;
    /// empty when `text` is no such summary.
    public static func failedModels(in text: String) -> [FailedModel] {
        // Most texts are no summary: an ASCII text without the phrase in any case is turned away by
        // a byte scan before the case-insensitive search (which also folds other scripts).
        if !text.utf8.contains(where: { $0 >= 0x80 }),
           !ByteSearch.containsIgnoringASCIICase(text.utf8, "all models failed") { return [] }
        guard let start = text.textRange(of: "all models failed", options: .caseInsensitive) else { return [] }
        var body = text[start.upperBound...]
        // `(2): ` after the phrase; the count itself is not trusted (summaries get truncated).
        if let m = body.firstMatch(of: SummaryRegexes.count.regex) { body = body[m.range.upperBound...] }
        else if body.hasPrefix(":") { body = body.dropFirst() }
        else { return [] }
        if let logs = body.textRange(of: "\nLogs:", options: .caseInsensitive) { body = body[..<logs.lowerBound] }

        return body.components(separatedBy: " | ").compactMap { segment -> FailedModel? in
            let trimmed = segment.trimming(.whitespacesAndNewlines)
            guard let colon = trimmed.textRange(of: ": ") ?? (trimmed.hasSuffix(":") ? trimmed.textRange(of: ":", options: .backwards) : nil)
            else { return nil }
            let model = String(trimmed[..<colon.lowerBound])
            guard model.firstMatch(of: SummaryRegexes.modelId.regex) != nil else { return nil }
            var detail = String(trimmed[colon.upperBound...])
            if detail.hasSuffix(".") && !detail.hasSuffix("..") { detail.removeLast() }
            return FailedModel(model: model, classification: classifySegment(detail), detail: detail)
        }
    }

    /// A segment's trailing `(reason)` tag is OpenClaw's own verdict for that model; without one
    /// the segment's text is classified like any error.
    private static func classifySegment(_ detail: String) -> Classification {
        let lower = detail.lowercased()
        guard let tag = lower.firstMatch(of: SummaryRegexes.trailingTag.regex),
              let reason = OpenClawVerdict.reason(named: tag.1) else {
            return classify(detail)
        }
        let hint = RetryHint.parse(lower)
        return Classification(reason: reason, retryAfterSec: hint.retryAfterSec, resetAt: hint.resetAt)
    }

    private enum SummaryRegexes {
        static let count = SharedRegex(#/^\s*\(\d+\)\s*:/#)
        /// `provider/model`, where the model part may hold `/`, `:`, `.`, `@` or the `…` of a
        /// truncated summary, but no spaces.
        static let modelId = SharedRegex(#/^[A-Za-z0-9][A-Za-z0-9._-]*\/\S+$/#)
        static let trailingTag = SharedRegex<(Substring, Substring)>(#/\(([a-z_]+)\)\s*$/#)
    }
}
