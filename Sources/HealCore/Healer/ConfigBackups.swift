import Foundation

/// Copies of `openclaw.json` taken before disruptive actions (mode 0600, in `configBackupsDir`),
/// and their removal once the gateway has proved healthy again.
public struct ConfigBackups: Sendable {
    public let configFile: String
    public let directory: String

    public init(configFile: String, directory: String) {
        self.configFile = configFile; self.directory = directory
    }

    /// Copies the config; nil when there is no config file to copy, or when `latest` (the newest
    /// backup still kept) already holds exactly these bytes: while the gateway is not proven healthy
    /// no backup is removed, and a storm of repins must not fill the disk with identical copies.
    public func take(at now: Date, incident: String, latest: ConfigBackupRecord? = nil) throws(FileSystemError) -> ConfigBackupRecord? {
        guard FileManager.default.fileExists(atPath: configFile) else { return nil }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: configFile)) } catch {
            throw FileSystemError(operation: "read for backup", path: configFile, message: error.localizedDescription)
        }
        if let latest, FileManager.default.contents(atPath: latest.path) == data { return nil }
        let name = (configFile as NSString).lastPathComponent
        let path = "\(directory)/\(name).\(StateStore.stamp(now)).\(incident).self-heal.bak"
        try AtomicFile.write(data, to: path, mode: 0o600)
        return ConfigBackupRecord(path: path, takenAt: now, incident: incident)
    }

    /// Removes the given backups (only files the healer recorded, never others); returns the ones
    /// that could not be removed, with why.
    public func remove(_ records: [ConfigBackupRecord]) -> [(ConfigBackupRecord, String)] {
        var failed: [(ConfigBackupRecord, String)] = []
        for r in records {
            do {
                if FileManager.default.fileExists(atPath: r.path) { try FileManager.default.removeItem(atPath: r.path) }
            } catch {
                failed.append((r, error.localizedDescription))
            }
        }
        return failed
    }
}
