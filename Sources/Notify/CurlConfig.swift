import TextFormatting

/// The text of a curl config file (`curl --config -`) for one request: the URL, headers and body
/// go here, on standard input, so no secret is ever in argv (which every local user can read in
/// /proc). Values are double-quoted with curl's escapes.
public enum CurlConfig {
    public static func render(_ request: NotifyRequest) -> String {
        var lines = ["url = \(quote(request.url))", "request = \(quote(request.method))"]
        lines += request.headers.map { "header = \(quote($0))" }
        if let body = request.body {
            lines.append("data-raw = \(quote(String(decoding: body, as: UTF8.self)))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// curl's config quoting: `\\`, `\"`, `\n`, `\r`, `\t` inside double quotes; every other
    /// character is written as it is.
    static func quote(_ s: String) -> String {
        TextEscaping.doubleQuoted(s, TextEscaping.backslashEscape)
    }
}
