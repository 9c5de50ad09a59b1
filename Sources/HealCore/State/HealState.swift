import FoundationEssentials

/// Everything the healer must remember across ticks and restarts. Owned by the `Healer` actor,
/// changed only by the pure `Policy`, saved by `StateStore`.
public struct HealState: Sendable, Equatable, Codable {
    /// Layout version of the saved file. A file from a newer version is treated as unreadable
    /// (moved aside) rather than half-understood.
    public static let currentVersion = 1

    public var version: Int
    /// Per model (saved keyed by `provider/model`).
    public var models: [ModelID: ModelRecord]
    /// Per session key: sessions the healer repinned and will restore.
    public var pins: [String: RememberedPin]
    public var probes: ProbeBook
    public var whatsapp: WhatsAppState
    public var gateway: GatewayState
    public var restartBudget: RestartBudgetState
    /// Per cron job id.
    public var crons: [String: CronTrack]
    /// Per plugin id.
    public var plugins: [String: PluginTrack]
    public var pendingBackups: [ConfigBackupRecord]
    public var inFlight: [InFlightAction]
    /// Numbers the incidents (see `nextIncident(at:)`).
    public var incidentCounter: Int
    /// Verifications, boots, flapping and the WhatsApp ladder.
    public var disruptive: DisruptiveState
    /// Incidents that need a human, and the messages owed about them.
    public var incidents = IncidentBook()
    /// The owner's pause, while one is set (expired ones are cleared by the next tick).
    public var maintenance: MaintenanceState?

    public init() {
        version = Self.currentVersion
        models = [:]; pins = [:]; probes = ProbeBook(); whatsapp = WhatsAppState()
        gateway = GatewayState(); restartBudget = RestartBudgetState(); crons = [:]; plugins = [:]
        pendingBackups = []; inFlight = []; incidentCounter = 0
        disruptive = DisruptiveState()
    }

    /// A new incident id. It carries the time so ids stay unique even after the state file was lost
    /// and the counter started over.
    public mutating func nextIncident(at now: Date) -> String {
        incidentCounter += 1
        return "inc-\(Int64(now.timeIntervalSince1970.rounded(.down)))-\(incidentCounter)"
    }

    private enum CodingKeys: String, CodingKey {
        case version, models, pins, probes, whatsapp, gateway, restartBudget, crons, plugins
        case pendingBackups, inFlight, incidentCounter
        case disruptive
        case incidents, maintenance
    }

    /// Groups missing from the file take their defaults, so a file written before a group existed
    /// still loads; a group that is present but malformed is an error (the file is moved aside).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        version = try c.decode(Int.self, forKey: .version)
        guard version >= 1, version <= Self.currentVersion else {
            throw DecodingError.dataCorruptedError(
                forKey: .version, in: c,
                debugDescription: "state file version \(version) is not supported (this build reads 1...\(Self.currentVersion))")
        }
        models = try c.decodeModelKeyed(ModelRecord.self, forKey: .models)
        pins = try c.decodeIfPresent([String: RememberedPin].self, forKey: .pins) ?? [:]
        probes = try c.decodeIfPresent(ProbeBook.self, forKey: .probes) ?? ProbeBook()
        whatsapp = try c.decodeIfPresent(WhatsAppState.self, forKey: .whatsapp) ?? WhatsAppState()
        gateway = try c.decodeIfPresent(GatewayState.self, forKey: .gateway) ?? GatewayState()
        restartBudget = try c.decodeIfPresent(RestartBudgetState.self, forKey: .restartBudget) ?? RestartBudgetState()
        crons = try c.decodeIfPresent([String: CronTrack].self, forKey: .crons) ?? [:]
        plugins = try c.decodeIfPresent([String: PluginTrack].self, forKey: .plugins) ?? [:]
        pendingBackups = try c.decodeIfPresent([ConfigBackupRecord].self, forKey: .pendingBackups) ?? []
        inFlight = try c.decodeIfPresent([InFlightAction].self, forKey: .inFlight) ?? []
        incidentCounter = try c.decodeIfPresent(Int.self, forKey: .incidentCounter) ?? 0
        disruptive = try c.decodeIfPresent(DisruptiveState.self, forKey: .disruptive) ?? DisruptiveState()
        incidents = try c.decodeIfPresent(IncidentBook.self, forKey: .incidents) ?? IncidentBook()
        maintenance = try c.decodeIfPresent(MaintenanceState.self, forKey: .maintenance)
    }
}
