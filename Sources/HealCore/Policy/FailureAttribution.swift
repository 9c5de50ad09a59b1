import Foundation

/// Decides which model a failure event is about. In order:
/// 1. the model the event names (canonicalised against `modelOrder` when given without provider);
/// 2. the pinned model of the event's session, when that session was seen at the last tick;
/// 3. the one `modelOrder` model the error text names (texts like "All models failed (2): a/x: …"
///    that name several are not guessed at);
/// 4. otherwise, for log lines and posted events, the active model: with nothing better to go on,
///    the failing turn most likely ran on it. Probe results always name their model.
public enum FailureAttribution {
    public static func blame(_ event: FailureEvent, knownPins: [SessionPin], pool: ModelPool) -> (model: String?, how: String) {
        if let named = event.model?.trimmingCharacters(in: .whitespaces), !named.isEmpty {
            return (pool.canonical(named), "named by the event")
        }
        if let key = event.sessionKey, let pin = knownPins.first(where: { $0.key == key }) {
            return (pin.model, "pinned model of session \(key)")
        }
        let lower = event.errorText.lowercased()
        let mentioned = pool.order.filter { lower.contains($0.lowercased()) }
        if mentioned.count == 1 { return (mentioned[0], "named in the error text") }
        if event.source == .probe { return (nil, "probe result without a model") }
        let active = pool.active
        guard !active.isEmpty else { return (nil, "no model named and modelOrder is empty") }
        return (active, mentioned.count > 1
                ? "active model (the error text names several models)"
                : "active model (the event names no model)")
    }
}
