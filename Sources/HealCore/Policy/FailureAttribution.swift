import FoundationEssentials

/// Decides which model a failure event is about. In order:
/// 1. the model the event names;
/// 2. the pinned model of the event's session, when that session was seen at the last tick;
/// 3. the one `modelOrder` model the error text names (texts like "All models failed (2): a/x: …"
///    that name several are not guessed at).
/// Otherwise nobody is blamed: the failure is recorded as unattributed. Guessing the active model
/// (or `modelOrder[0]`) cooled a healthy model whenever another one failed.
public enum FailureAttribution {
    public static func blame(_ event: FailureEvent, knownPins: [SessionPin], pool: ModelPool) -> (model: ModelID?, how: String) {
        if let named = event.model { return (named, "named by the event") }
        if let key = event.sessionKey, let pin = knownPins.first(where: { $0.key == key }) {
            return (pin.model, "pinned model of session \(key)")
        }
        let lower = event.errorText.lowercased()
        let mentioned = pool.order.filter { lower.contains($0.description.lowercased()) }
        if mentioned.count == 1 { return (mentioned[0], "named in the error text") }
        if event.source == .probe { return (nil, "probe result without a model") }
        if mentioned.count > 1 { return (nil, "unattributed: the error text names several models") }
        if let key = event.sessionKey { return (nil, "unattributed: session \(key) was not seen with a pin") }
        return (nil, "unattributed: the event names no model and no session")
    }
}
