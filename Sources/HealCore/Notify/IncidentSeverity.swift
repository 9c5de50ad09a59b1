/// How urgently a human should look. Targets filter on it (`minSeverity`).
public enum IncidentSeverity: String, Sendable, Codable, Comparable, CaseIterable {
    case info, warning, critical

    private var rank: Int {
        switch self {
        case .info: return 0
        case .warning: return 1
        case .critical: return 2
        }
    }

    public static func < (a: IncidentSeverity, b: IncidentSeverity) -> Bool { a.rank < b.rank }
}
