import Foundation

/// A copy of `openclaw.json` taken before a disruptive action; removed once the gateway has been
/// seen healthy again.
public struct ConfigBackupRecord: Sendable, Equatable, Codable {
    public var path: String
    public var takenAt: Date
    public var incident: String
    public init(path: String, takenAt: Date, incident: String) {
        self.path = path; self.takenAt = takenAt; self.incident = incident
    }
}
