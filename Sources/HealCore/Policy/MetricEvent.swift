/// One heal event for `metricsFile` (the seed's task T-014): the event name and its fields; the
/// healer adds `ts`, `plugin` and, in dry run, `dryRun`.
public struct MetricEvent: Sendable, Equatable, Codable {
    public var event: String
    public var fields: [String: MetricValue]
    public init(event: String, fields: [String: MetricValue]) { self.event = event; self.fields = fields }
}

/// A scalar JSON value in a metrics line.
public enum MetricValue: Sendable, Equatable, Codable {
    case string(String)
    case int(Int)
    case bool(Bool)

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let i = try? c.decode(Int.self) { self = .int(i) }
        else { self = .string(try c.decode(String.self)) }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .string(let s): try c.encode(s)
        case .int(let i): try c.encode(i)
        case .bool(let b): try c.encode(b)
        }
    }
}
