/// A session whose key holds a credential (a channel id that is a token, a key pasted into a
/// label) is never repinned: repinning means remembering the key in the state file and showing it
/// in the status, and no output of the healer may carry a credential. The refusal names the key
/// redacted.
extension ActionGuard {
    static func credentialRefusal(for action: HealAction) -> String? {
        let key: String
        switch action {
        case .repinSession(let session, _, _), .restoreSessionPin(let session, _, _): key = session
        default: return nil
        }
        let redacted = Redactor.redact(key)
        guard redacted != key else { return nil }
        return "the session key \(redacted) holds a credential; it is not repinned, so it is never written to the state or the status"
    }
}
