import Foundation
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
        guard let headline = text.range(of: summaryHeadline) else { return [] }
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
        while let separator = rest.range(of: " | ", range: searchStart..<rest.endIndex) {
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
        let trimmed = piece.drop { $0 == " " }
        guard let (model, detailStart) = entryModel(in: trimmed) else { return nil }
        var detail = trimmed[detailStart...].trimmingCharacters(in: .whitespaces)[...]
        while detail.hasSuffix(".") || detail.hasSuffix("…") { detail = detail.dropLast() }
        var reason: String?
        if detail.hasSuffix(")"), let open = detail.lastIndex(of: "(") {
            let token = detail[detail.index(after: open)..<detail.index(before: detail.endIndex)]
            if isReasonToken(token) {
                reason = String(token)
                detail = detail[..<open]
            }
        }
        return SummaryEntry(model: model, detail: detail.trimmingCharacters(in: .whitespaces), reason: reason)
    }

    /// `provider/model: …` at the start of `text`: the model and where its detail starts. The model
    /// may contain `:` (`ollama/llama3:8b`), so it ends at the first `": "` (or a final `:`).
    private static func entryModel(in text: Substring) -> (String, Substring.Index)? {
        let end: Substring.Index
        let detailStart: Substring.Index
        if let separator = text.range(of: ": ") {
            end = separator.lowerBound
            detailStart = separator.upperBound
        } else if text.hasSuffix(":") {
            end = text.index(before: text.endIndex)
            detailStart = text.endIndex
        } else {
            return nil
        }
        let model = text[text.startIndex..<end]
        guard model.count <= 200, let slash = model.firstIndex(of: "/"), slash != model.startIndex,
              model.index(after: slash) != model.endIndex,
              !model.contains(where: { $0.isWhitespace || $0 == "|" }),
              !model.contains("…"), !model.contains("...") else { return nil }
        return (String(model), detailStart)
    }
}
