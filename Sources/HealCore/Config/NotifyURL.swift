import FoundationEssentials

/// The URL rule of notification targets and the heartbeat: `https://` (or `http://`, sent in
/// clear) with a host, no credentials, nothing curl's config syntax or a request line could be
/// confused by.
public enum NotifyURL {
    public static let maxLength = 2048

    public static func problem(_ value: String) -> String? {
        guard value.count <= maxLength else { return "must be at most \(maxLength) characters" }
        guard value.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7f && $0 != "\"" && $0 != "\\" }) else {
            return "must be printable ASCII without spaces, quotes or backslashes (percent-encode them)"
        }
        guard let url = URLComponents(string: value), let scheme = url.scheme?.lowercased() else {
            return "must be an https:// URL"
        }
        guard scheme == "https" || scheme == "http" else { return "the scheme must be https (or http)" }
        guard let host = url.host, !host.isEmpty else { return "the host is missing" }
        guard url.user == nil, url.password == nil else {
            return "credentials do not belong in the URL (use tokenFile, or urlFile for a URL that is a secret)"
        }
        if let port = url.port, !(1...65535).contains(port) { return "the port must be 1 to 65535" }
        return nil
    }

    /// What a message may show of a URL: scheme, host and port, never the path or query (an
    /// incoming-webhook path or an ntfy topic is a secret).
    public static func shown(_ value: String) -> String {
        guard let url = URLComponents(string: value), let scheme = url.scheme, let host = url.host else { return "(a URL)" }
        return "\(scheme)://\(host)\(url.port.map { ":\($0)" } ?? "")/…"
    }
}
