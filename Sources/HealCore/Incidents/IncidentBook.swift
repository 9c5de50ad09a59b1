import FoundationEssentials

/// The incidents the healer keeps open and the messages owed to the outbox; saved in the state
/// so nothing is sent twice, or lost, across restarts.
public struct IncidentBook: Sendable, Equatable, Codable {
    /// Open incidents, oldest first.
    public var open: [OpenIncident]
    /// Messages decided but not yet taken by the outbox. They leave the state only once the
    /// outbox has them on disk (see `Healer.handOverNotices`); the outbox drops ids it already has.
    public var outgoing: [IncidentNotice]
    /// Resolutions decided during maintenance, sent when it ends.
    public var heldNotices: [IncidentNotice]
    /// The gateway has been seen down since then (not live); nil while it is live.
    public var gatewayDownSince: Date?
    /// Incidents resolved so far (for the metrics).
    public var resolvedTotal: Int
    public var openedTotal: Int

    public init() { open = []; outgoing = []; heldNotices = []; gatewayDownSince = nil; resolvedTotal = 0; openedTotal = 0 }

    static func key(rule: String, subject: String) -> String { subject.isEmpty ? rule : "\(rule):\(subject)" }

    private enum CodingKeys: String, CodingKey { case open, outgoing, heldNotices, gatewayDownSince, resolvedTotal, openedTotal }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        open = try c.decodeIfPresent([OpenIncident].self, forKey: .open) ?? []
        outgoing = try c.decodeIfPresent([IncidentNotice].self, forKey: .outgoing) ?? []
        heldNotices = try c.decodeIfPresent([IncidentNotice].self, forKey: .heldNotices) ?? []
        gatewayDownSince = try c.decodeIfPresent(Date.self, forKey: .gatewayDownSince)
        resolvedTotal = try c.decodeIfPresent(Int.self, forKey: .resolvedTotal) ?? 0
        openedTotal = try c.decodeIfPresent(Int.self, forKey: .openedTotal) ?? 0
    }
}
