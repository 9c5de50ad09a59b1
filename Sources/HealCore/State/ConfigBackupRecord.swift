import FoundationEssentials

/// A copy of `openclaw.json` (or of one of its `$include` files) taken before a disruptive action;
/// removed once the gateway has been seen healthy again.
public struct ConfigBackupRecord: Sendable, Equatable, Codable {
    public var path: String
    public var takenAt: Date
    public var incident: String
    /// The file copied (nil in records saved before includes were backed up: `openclaw.json`).
    public var source: String?
    public init(path: String, takenAt: Date, incident: String, source: String? = nil) {
        self.path = path; self.takenAt = takenAt; self.incident = incident; self.source = source
    }
}
