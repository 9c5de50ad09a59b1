import FoundationEssentials

/// What changed between two states, as one record of the state's delta log (`StateLog`): the
/// keyed groups (models, pins, cron jobs, plugins) by key, every other group whole when it
/// changed. Applying it to the older state gives the newer one exactly. In a failure storm a
/// batch of events touches a few dozen models while the state holds thousands of cron jobs, so
/// the record is a few kilobytes where the whole file is megabytes.
struct StateDelta: Codable, Equatable, Sendable {
    /// Entries set (added or changed) and keys removed, under the group's own key (a text id, or
    /// a `ModelID` written as its `provider/model` text).
    struct Keyed<Key: Hashable & Comparable & Codable & CodingKeyRepresentable & Sendable,
                 Value: Codable & Equatable & Sendable>: Codable, Equatable, Sendable {
        var set: [Key: Value] = [:]
        var removed: [Key] = []

        init?(from old: [Key: Value], to new: [Key: Value]) {
            guard old != new else { return nil }
            for (key, value) in new where old[key] != value { set[key] = value }
            removed = old.keys.filter { new[$0] == nil }.sorted()
        }

        func apply(to dictionary: inout [Key: Value]) {
            for key in removed { dictionary[key] = nil }
            for (key, value) in set { dictionary[key] = value }
        }
    }

    /// The `HealState` fields this record carries, in declaration order. `coversHealState`
    /// compares them with the state's own fields, so a field added to `HealState` without a
    /// line here turns the delta log off (every save is whole) instead of being lost.
    static let fields = ["version", "models", "pins", "probes", "whatsapp", "gateway", "restartBudget", "crons",
                         "plugins", "pendingBackups", "inFlight", "incidentCounter", "disruptive", "incidents",
                         "maintenance"]

    static let coversHealState: Bool = Mirror(reflecting: HealState()).children.compactMap(\.label) == fields

    var version: Int?
    var models: Keyed<ModelID, ModelRecord>?
    var pins: Keyed<String, RememberedPin>?
    var probes: ProbeBook?
    var whatsapp: WhatsAppState?
    var gateway: GatewayState?
    var restartBudget: RestartBudgetState?
    var crons: Keyed<String, CronTrack>?
    var plugins: Keyed<String, PluginTrack>?
    var pendingBackups: [ConfigBackupRecord]?
    var inFlight: [InFlightAction]?
    var incidentCounter: Int?
    var disruptive: DisruptiveState?
    var incidents: IncidentBook?
    var maintenance: MaintenanceState?
    /// The maintenance pause was lifted (`maintenance` alone cannot say "now nil").
    var maintenanceCleared: Bool?

    /// nil when nothing changed.
    init?(from old: HealState, to new: HealState) {
        func changed<T: Equatable>(_ a: T, _ b: T) -> T? { a == b ? nil : b }
        version = changed(old.version, new.version)
        models = Keyed(from: old.models, to: new.models)
        pins = Keyed(from: old.pins, to: new.pins)
        probes = changed(old.probes, new.probes)
        whatsapp = changed(old.whatsapp, new.whatsapp)
        gateway = changed(old.gateway, new.gateway)
        restartBudget = changed(old.restartBudget, new.restartBudget)
        crons = Keyed(from: old.crons, to: new.crons)
        plugins = Keyed(from: old.plugins, to: new.plugins)
        pendingBackups = changed(old.pendingBackups, new.pendingBackups)
        inFlight = changed(old.inFlight, new.inFlight)
        incidentCounter = changed(old.incidentCounter, new.incidentCounter)
        disruptive = changed(old.disruptive, new.disruptive)
        incidents = changed(old.incidents, new.incidents)
        if old.maintenance != new.maintenance {
            maintenance = new.maintenance
            maintenanceCleared = new.maintenance == nil ? true : nil
        }
        guard self != StateDelta() else { return nil }
    }

    private init() {}

    func apply(to s: inout HealState) {
        if let version { s.version = version }
        models?.apply(to: &s.models)
        pins?.apply(to: &s.pins)
        if let probes { s.probes = probes }
        if let whatsapp { s.whatsapp = whatsapp }
        if let gateway { s.gateway = gateway }
        if let restartBudget { s.restartBudget = restartBudget }
        crons?.apply(to: &s.crons)
        plugins?.apply(to: &s.plugins)
        if let pendingBackups { s.pendingBackups = pendingBackups }
        if let inFlight { s.inFlight = inFlight }
        if let incidentCounter { s.incidentCounter = incidentCounter }
        if let disruptive { s.disruptive = disruptive }
        if let incidents { s.incidents = incidents }
        if let maintenance { s.maintenance = maintenance }
        if maintenanceCleared == true { s.maintenance = nil }
    }
}
