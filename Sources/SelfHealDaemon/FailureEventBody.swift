import FoundationEssentials
import HealCore

/// Reads the body of `POST /events`: a failure forwarded by a gateway hook or a cron webhook.
///
/// Accepted shapes:
/// - OpenClaw's `agent_end`: `{"success": false, "error": "...", "sessionKey": "..."}`, flat or as
///   `{"event": {...}, "ctx": {"sessionKey": ...}}` (the hook's two arguments);
/// - `message_sent`: `{"content": "..."}` (the outbound text, e.g. "⚠️ API rate limit reached…");
/// - plain: `{"model": "provider/model", "error": "...", "sessionKey": "...", "status": 429}`.
public enum FailureEventBody {
    public enum Parsed: Equatable, Sendable {
        /// The failure to hand to the healer.
        case failure(FailureEvent)
        /// A well-formed body that reports no failure (e.g. `success: true`).
        case ignored(String)
    }

    public struct Invalid: Error, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    static let expected = "expected an agent_end {success, error, sessionKey}, a message_sent {content} "
        + "or a plain {model, error, sessionKey} object"

    public static func parse(_ body: [UInt8], now: Date) throws(Invalid) -> Parsed {
        guard !body.isEmpty else { throw Invalid(message: "empty body: " + expected) }
        let root: JSON5Value
        do {
            root = try JSON5Value.parseJSON(body)
        } catch {
            throw Invalid(message: "body is not valid JSON: \(error.plainDescription)")
        }
        guard case .object(var object) = root else { throw Invalid(message: "body is not a JSON object: " + expected) }
        // The hook form carries the event and its context side by side.
        if case .object(let event) = object["event"] {
            var merged = event
            if let context = [object["ctx"], object["context"]].lazy.compactMap({ value -> [String: JSON5Value]? in
                if case .object(let members) = value { return members }
                return nil
            }).first {
                for (key, value) in context where merged[key] == nil { merged[key] = value }
            }
            object = merged
        }
        let sessionKey = try optionalString(object, "sessionKey")
        let model = try optionalString(object, "model")
        if let model, !ModelID.isValid(model) {
            throw Invalid(message: "model: expected provider/model, got '\(model)'")
        }
        let status = try optionalStatus(object)

        if let success = object["success"] {
            guard case .bool(let flag) = success else {
                throw Invalid(message: "success: expected true or false")
            }
            if flag { return .ignored("success: true is not a failure") }
            let error = try optionalString(object, "error") ?? ""
            return .failure(FailureEvent(at: now, source: .http, model: model, sessionKey: sessionKey,
                                         errorText: error, httpStatus: status))
        }
        if let error = try optionalString(object, "error") {
            guard !error.isEmpty || status != nil else { throw Invalid(message: "error: is empty") }
            return .failure(FailureEvent(at: now, source: .http, model: model, sessionKey: sessionKey,
                                         errorText: error, httpStatus: status))
        }
        if let content = try optionalString(object, "content") {
            let classification = ErrorClassifier.classify(content)
            guard let reason = classification.reason, reason.isModelFailure else {
                return .ignored("content carries no model failure")
            }
            return .failure(FailureEvent(at: now, source: .http, model: model, sessionKey: sessionKey,
                                         errorText: content, reason: reason,
                                         retryAfterSec: classification.retryAfterSec))
        }
        throw Invalid(message: "no 'success', 'error' or 'content' field: " + expected)
    }

    private static func optionalString(_ object: [String: JSON5Value], _ key: String) throws(Invalid) -> String? {
        guard let value = object[key], value != .null else { return nil }
        guard case .string(let text) = value else { throw Invalid(message: "\(key): expected a string") }
        return text
    }

    private static func optionalStatus(_ object: [String: JSON5Value]) throws(Invalid) -> Int? {
        guard let value = object["status"] ?? object["httpStatus"], value != .null else { return nil }
        let whole: Int?
        switch value {
        case .integer(let i): whole = i
        case .number(let d): whole = Int(exactly: d)
        default: whole = nil
        }
        guard let status = whole, (100...599).contains(status) else {
            throw Invalid(message: "status: expected an HTTP status code between 100 and 599")
        }
        return status
    }
}
