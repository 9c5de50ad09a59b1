import Foundation
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
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: Data(body), options: [])
        } catch {
            throw Invalid(message: "body is not valid JSON: \(error.localizedDescription)")
        }
        guard var object = root as? [String: Any] else { throw Invalid(message: "body is not a JSON object: " + expected) }
        // The hook form carries the event and its context side by side.
        if let event = object["event"] as? [String: Any] {
            var merged = event
            if let context = object["ctx"] as? [String: Any] ?? object["context"] as? [String: Any] {
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
            guard isJSONBool(success), let flag = success as? Bool else {
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

    /// JSONSerialization hands back booleans and numbers both as NSNumber; only the class tells
    /// `true` from `1`.
    private static let booleanType = ObjectIdentifier(type(of: NSNumber(value: true) as Any))
    private static func isJSONBool(_ value: Any) -> Bool { ObjectIdentifier(type(of: value)) == booleanType }

    private static func optionalString(_ object: [String: Any], _ key: String) throws(Invalid) -> String? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        guard let text = value as? String else { throw Invalid(message: "\(key): expected a string") }
        return text
    }

    private static func optionalStatus(_ object: [String: Any]) throws(Invalid) -> Int? {
        guard let value = object["status"] ?? object["httpStatus"], !(value is NSNull) else { return nil }
        guard !isJSONBool(value), let number = value as? NSNumber,
              let status = Int(exactly: number.doubleValue), (100...599).contains(status) else {
            throw Invalid(message: "status: expected an HTTP status code between 100 and 599")
        }
        return status
    }
}
