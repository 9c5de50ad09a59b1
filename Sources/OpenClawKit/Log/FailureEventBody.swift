import FoundationEssentials
import HealCore

/// Reads the body of `POST /events`: a failure forwarded by a gateway hook or a cron webhook.
///
/// Accepted shapes:
/// - OpenClaw's `agent_end`: `{"success": false, "error": "...", "sessionKey": "..."}`, flat or as
///   `{"event": {...}, "ctx": {"sessionKey": ...}}` (the hook's two arguments);
/// - `message_sent`: `{"content": "..."}` (the outbound text, e.g. "⚠️ API rate limit reached…");
/// - plain: `{"model": "provider/model", "error": "...", "sessionKey": "...", "status": 429}`.
///
/// The body is read by the log's own JSON reader (`LogJSONReader`): the `agent_end` a hook posts is
/// the record the log writes as `embedded_run_agent_end`, and both are read the same way. Each
/// failure is classified here, once; the verdict goes with it to the healer.
public enum FailureEventBody {
    public enum Parsed: Equatable, Sendable {
        /// The failure to hand to the healer, with its verdict.
        case failure(ClassifiedFailure)
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
        let read = body.withUnsafeBytes { bytes in
            Result { () throws(LogJSONError) in try LogJSONReader.read(bytes) }
        }
        let root: LogJSONValue
        switch read {
        case .success(let value): root = value
        case .failure(let error): throw Invalid(message: "body is not valid JSON: \(error.description)")
        }
        guard var object = root.objectValue else { throw Invalid(message: "body is not a JSON object: " + expected) }
        // The hook form carries the event and its context side by side.
        if let event = object["event"]?.objectValue {
            var merged = event
            if let context = object["ctx"]?.objectValue ?? object["context"]?.objectValue {
                for (key, value) in context where merged[key] == nil { merged[key] = value }
            }
            object = merged
        }
        let sessionKey = try optionalString(object, "sessionKey")
        let model = try optionalString(object, "model").map { named throws(Invalid) -> ModelID in
            guard ModelID.isValid(named), let id = ModelID(named) else {
                throw Invalid(message: "model: expected provider/model, got '\(named)'")
            }
            return id
        }
        let status = try optionalStatus(object)

        if let success = present(object, "success") {
            guard case .bool(let flag) = success else { throw Invalid(message: "success: expected true or false") }
            if flag { return .ignored("success: true is not a failure") }
            let error = try optionalString(object, "error") ?? ""
            return .failure(ClassifiedFailure(classifying: FailureEvent(
                at: now, source: .http, model: model, sessionKey: sessionKey, errorText: error, httpStatus: status)))
        }
        if let error = try optionalString(object, "error") {
            guard !error.isEmpty || status != nil else { throw Invalid(message: "error: is empty") }
            return .failure(ClassifiedFailure(classifying: FailureEvent(
                at: now, source: .http, model: model, sessionKey: sessionKey, errorText: error, httpStatus: status)))
        }
        if let content = try optionalString(object, "content") {
            let classification = ErrorClassifier.classify(content)
            guard let reason = classification.reason, reason.isModelFailure else {
                return .ignored("content carries no model failure")
            }
            let event = FailureEvent(at: now, source: .http, model: model, sessionKey: sessionKey,
                                     errorText: content, reason: reason, retryAfterSec: classification.retryAfterSec)
            return .failure(ClassifiedFailure(event: event, classification: classification))
        }
        throw Invalid(message: "no 'success', 'error' or 'content' field: " + expected)
    }

    /// A member that is there and not `null` (JSON's `null` counts as absent, as it did before).
    private static func present(_ object: [String: LogJSONValue], _ key: String) -> LogJSONValue? {
        guard let value = object[key], value != .null else { return nil }
        return value
    }

    private static func optionalString(_ object: [String: LogJSONValue], _ key: String) throws(Invalid) -> String? {
        guard let value = present(object, key) else { return nil }
        guard case .string(let text) = value else { throw Invalid(message: "\(key): expected a string") }
        return text
    }

    private static func optionalStatus(_ object: [String: LogJSONValue]) throws(Invalid) -> Int? {
        guard let value = present(object, "status") ?? present(object, "httpStatus") else { return nil }
        guard case .number(let number) = value, let status = Int(exactly: number), (100...599).contains(status) else {
            throw Invalid(message: "status: expected an HTTP status code between 100 and 599")
        }
        return status
    }
}
