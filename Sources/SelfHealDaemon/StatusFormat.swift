/// Which representation of the status snapshot a client gets.
public enum StatusFormat: Sendable, Equatable {
    case json
    case prometheus

    /// Picks the format from `?format=` (which wins) and the Accept header's q-values.
    ///
    /// JSON is the default. A Prometheus server's default Accept lists OpenMetrics and
    /// `text/plain;version=0.0.4;q=0.4` and no JSON, so it must get the text format: whichever of
    /// the two families has the higher q wins; `*/*` counts for JSON; ties go to JSON unless the
    /// header names text/plain or OpenMetrics explicitly and JSON not at all.
    public static func negotiate(accept: String?, formatParameter: String?) -> StatusFormat {
        switch formatParameter?.lowercased() {
        case "prometheus", "text", "openmetrics": return .prometheus
        case "json": return .json
        default: break
        }
        guard let accept, !accept.trimming(.whitespaces).isEmpty else { return .json }
        var jsonQ: Double = -1, textQ: Double = -1, wildcardQ: Double = -1
        for range in AcceptRange.parseList(accept) {
            switch range.mediaType {
            case "application/json", "application/*": jsonQ = max(jsonQ, range.q)
            case "text/plain", "application/openmetrics-text", "text/*": textQ = max(textQ, range.q)
            case "*/*": wildcardQ = max(wildcardQ, range.q)
            default: continue
            }
        }
        let effectiveJSON = max(jsonQ, wildcardQ)
        if textQ > 0 && textQ > effectiveJSON { return .prometheus }
        if textQ > 0 && jsonQ < 0 && textQ >= effectiveJSON { return .prometheus }
        return .json
    }
}
