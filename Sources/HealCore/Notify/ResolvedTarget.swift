/// A target with its secrets read: what a delivery needs. Never encoded, logged or shown; only
/// the delivery's request carries `url`, `bearerToken` and anything built from them.
public struct ResolvedTarget: Sendable, Equatable {
    public var target: NotifyTarget
    /// The full endpoint (for telegram: the Bot API `sendMessage` URL with the token in it).
    public var url: String
    public var bearerToken: String?

    public var name: String { target.name }

    public init(target: NotifyTarget, url: String, bearerToken: String? = nil) {
        self.target = target; self.url = url; self.bearerToken = bearerToken
    }

    /// Strings that must never leave in anything but this target's own request: every secret
    /// read from a file, and the URL when it came from one.
    public var secrets: [String] {
        var s: [String] = []
        if !target.urlFile.isEmpty || target.kind == .telegram { s.append(url) }
        if let bearerToken { s.append(bearerToken) }
        return s
    }
}
