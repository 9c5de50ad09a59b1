import FoundationEssentials

/// An incident id taken from the state's counter only when the first decision needs it, so rules
/// that end up deciding nothing leave no gaps in the numbering.
struct LazyIncident {
    private var id: String?
    init(_ existing: String? = nil) { id = existing }

    mutating func get(_ s: inout HealState, at now: Date) -> String {
        if let id { return id }
        let new = s.nextIncident(at: now)
        id = new
        return new
    }
}
