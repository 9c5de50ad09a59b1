import FoundationEssentials
import HealCore

/// `All models failed (2): anthropic/claude-opus-4-6: 429 … (rate_limit) | openai/gpt-5.2: … (timeout)`:
/// OpenClaw's summary when every candidate of a turn failed, one `model: error (reason)` per candidate.
extension GatewayLogLineParser {
    static let summaryHeadline = "All models failed"

    struct SummaryEntry: Equatable {
        var model: String
        var detail: String
        var reason: String?
    }

    static func summaryFailures(in text: String, sessionKey: String?, runId: String?, at: Date) -> [GatewayLogLineFailure] {
        summaryEntries(in: text).compactMap { entry in
            let fields = FailureFields(
                provider: nil, model: entry.model, explicitReason: entry.reason,
                status: httpStatus(in: entry.detail), errorText: entry.detail,
                classificationText: entry.detail, sessionKey: sessionKey, runId: runId)
            return makeFailure(fields, origin: .failureSummary, at: at)
        }
    }

    static func summaryEntries(in text: String) -> [SummaryEntry] {
        guard let headline = firstRange(of: summaryHeadline, in: text[...]) else { return [] }
        var rest = text[headline.upperBound...].drop { $0 == " " }
        if rest.hasPrefix("("), let close = rest.firstIndex(of: ")") {
            rest = rest[rest.index(after: close)...]
        }
        guard rest.hasPrefix(":") else { return [] }
        rest = rest.dropFirst()
        // The user-facing copy goes on with `\nLogs: openclaw logs --follow`.
        if let newline = rest.firstIndex(where: \.isNewline) { rest = rest[..<newline] }

        // Entries are joined by " | ", but an error text may contain " | " itself: split only where
        // the next entry's `provider/model: ` follows.
        var pieces: [Substring] = []
        var pieceStart = rest.startIndex
        var searchStart = rest.startIndex
        while let separator = firstRange(of: " | ", in: rest[searchStart...]) {
            if entryModel(in: rest[separator.upperBound...]) != nil {
                pieces.append(rest[pieceStart..<separator.lowerBound])
                pieceStart = separator.upperBound
            }
            searchStart = separator.upperBound
        }
        pieces.append(rest[pieceStart...])
        return pieces.compactMap(summaryEntry(from:))
    }

    private static func summaryEntry(from piece: Substring) -> SummaryEntry? {
        let trimmed = trimmingSpaces(piece)
        guard let (model, detailStart) = entryModel(in: trimmed) else { return nil }
        var detail = trimmingSpaces(trimmed[detailStart...])
        while true {
            if detail.utf8.last == UInt8(ascii: ".") {
                detail = droppingLastBytes(1, of: detail)
            } else if detail.utf8.count >= 3, detail.utf8.suffix(3).elementsEqual("…".utf8) {
                detail = droppingLastBytes(3, of: detail)
            } else {
                break
            }
        }
        var reason: String?
        if detail.utf8.last == UInt8(ascii: ")"), let open = detail.utf8.lastIndex(of: UInt8(ascii: "(")) {
            let token = detail[detail.utf8.index(after: open)..<detail.utf8.index(before: detail.utf8.endIndex)]
            if isReasonToken(token) {
                reason = String(token)
                detail = detail[..<open]
            }
        }
        return SummaryEntry(model: model, detail: String(trimmingSpaces(detail)), reason: reason)
    }

    /// `provider/model: …` at the start of `text`: the model and where its detail starts. The model
    /// may contain `:` (`ollama/llama3:8b`), so it ends at the first `": "` (or a final `:`).
    private static func entryModel(in text: Substring) -> (String, Substring.Index)? {
        let end: Substring.Index
        let detailStart: Substring.Index
        if let separator = firstRange(of: ": ", in: text) {
            end = separator.lowerBound
            detailStart = separator.upperBound
        } else if text.utf8.last == UInt8(ascii: ":") {
            end = text.utf8.index(before: text.utf8.endIndex)
            detailStart = text.endIndex
        } else {
            return nil
        }
        let model = text[text.startIndex..<end]
        let bytes = model.utf8
        guard bytes.count <= 400, let slash = bytes.firstIndex(of: UInt8(ascii: "/")), slash != bytes.startIndex,
              bytes.index(after: slash) != bytes.endIndex,
              !bytes.contains(where: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == UInt8(ascii: "|") }),
              !contains("…", in: model), !contains("...", in: model) else { return nil }
        return (String(model), detailStart)
    }
}
