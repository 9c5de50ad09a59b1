import HealCore

/// Takes every known secret out of a text before it is kept anywhere (an error message from curl
/// or a receiver could quote the URL or a header), then applies the house's `Redactor`.
public struct SecretScrubber: Sendable {
    let secrets: [String]

    public init(secrets: [String]) {
        // Longest first, so a URL is replaced whole before the token inside it.
        self.secrets = Array(Set(secrets.filter { $0.count >= 4 })).sorted { $0.count > $1.count }
    }

    public func scrub(_ text: String, maxBytes: Int = 500) -> String {
        var out = text
        for s in secrets where out.contains(s) { out = out.replacing(s, with: "[secret]") }
        return Redactor.redact(out, maxBytes: maxBytes)
    }
}
