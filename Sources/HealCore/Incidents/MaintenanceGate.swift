import FoundationEssentials

/// The one place that says whether disruptive actions are held back for maintenance, and why.
/// Every rule asks through `ActionGuard.refusal(for:context:)`, which asks this first.
public enum MaintenanceGate {
    /// The refusal text while a hold is on, else nil.
    ///
    /// Holds: a pause asked for by the owner that has not expired. An OpenClaw suspend lease or an
    /// update in progress also counts as maintenance by itself: when the observation carries it
    /// (`GatewayObservation.suspended`), it is added here and nowhere else.
    public static func hold(maintenance: MaintenanceState?, gateway: GatewayObservation?, now: Date) -> String? {
        if let m = maintenance, m.isActive(at: now) {
            return "maintenance: paused until \(Timestamps.isoSeconds(m.until))" + (m.reason.isEmpty ? "" : " (\(m.reason))")
        }
        if gateway?.suspended == true {
            return "maintenance: the gateway is suspended (an OpenClaw suspend lease or an update in progress)"
        }
        return nil
    }
}
