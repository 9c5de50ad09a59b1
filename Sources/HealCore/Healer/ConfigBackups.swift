import FoundationEssentials

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
            throw FileSystemError(operation: "read for backup", path: configFile, message: error.plainDescription)
        }
        if let latest, FileManager.default.contents(atPath: latest.path) == data { return nil }
        let name = configFile.lastPathComponent
        let path = "\(directory)/\(name).\(StateStore.stamp(now)).\(incident).self-heal.bak"
        try AtomicFile.write(data, to: path, mode: 0o600)
        return ConfigBackupRecord(path: path, takenAt: now, incident: incident)
    }

    /// Copies every file an action may change: `openclaw.json` and each of its `$include` files
    /// (`includes`, as the guard found them). A file whose newest kept copy already holds its
    /// bytes is skipped, as in `take`. The healer never writes into these files itself (a plugin
    /// disable goes through the CLI, which may write an include), and its copies live in
    /// `configBackupsDir`, never beside `openclaw.json` where OpenClaw keeps its own `.bak` and
    /// `.clobbered.*` snapshots.
    public func takeAll(includes: [String], at now: Date, incident: String,
                        pending: [ConfigBackupRecord]) throws(FileSystemError) -> [ConfigBackupRecord] {
        var taken: [ConfigBackupRecord] = []
        let latestTop = pending.last { $0.source == nil || $0.source == configFile }
        if var top = try take(at: now, incident: incident, latest: latestTop) {
            top.source = configFile
            taken.append(top)
        }
        for (index, file) in includes.enumerated() where file != configFile {
            guard FileManager.default.fileExists(atPath: file) else { continue }
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
                throw FileSystemError(operation: "read for backup", path: file, message: error.plainDescription)
            }
            if let latest = pending.last(where: { $0.source == file }), FileManager.default.contents(atPath: latest.path) == data {
                continue
            }
            let name = file.lastPathComponent
            let path = "\(directory)/\(name).\(StateStore.stamp(now)).\(incident).include-\(index + 1).self-heal.bak"
            try AtomicFile.write(data, to: path, mode: 0o600)
            taken.append(ConfigBackupRecord(path: path, takenAt: now, incident: incident, source: file))
        }
        return taken
    }

    /// Removes the given backups (only files the healer recorded, never others); returns the ones
    /// that could not be removed, with why.
    public func remove(_ records: [ConfigBackupRecord]) -> [(ConfigBackupRecord, String)] {
        var failed: [(ConfigBackupRecord, String)] = []
        for r in records {
            do {
                if FileManager.default.fileExists(atPath: r.path) { try FileManager.default.removeItem(atPath: r.path) }
            } catch {
                failed.append((r, error.plainDescription))
            }
        }
        return failed
    }
}
