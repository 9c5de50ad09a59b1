import FoundationEssentials

/// Bounds on the backups kept while the gateway has not yet proved healthy (after which all are
/// removed anyway): a gateway that stays broken for weeks must not fill the disk with copies.
extension ConfigBackups {
    /// Splits `records` (oldest first) into those to keep and those to remove: at most
    /// `maxCount` of the newest, none older than `maxAge` seconds, but the newest always (it
    /// protects the action about to run). Pure, for the tests.
    public static func retained(_ records: [ConfigBackupRecord], now: Date, maxCount: Int,
                                maxAge: TimeInterval) -> (keep: [ConfigBackupRecord], remove: [ConfigBackupRecord]) {
        guard let newest = records.max(by: { $0.takenAt < $1.takenAt }) else { return ([], []) }
        let byAge = records.sorted { $0.takenAt > $1.takenAt }
        var keep: [ConfigBackupRecord] = []
        var remove: [ConfigBackupRecord] = []
        for record in byAge {
            let fresh = now.timeIntervalSince(record.takenAt) <= maxAge
            if record == newest || (keep.count < max(1, maxCount) && fresh) {
                keep.append(record)
            } else {
                remove.append(record)
            }
        }
        return (keep.reversed(), remove)
    }

    /// Applies the retention to the recorded backups and removes the files dropped; returns the
    /// records still held (a file that could not be removed stays recorded, to be tried again).
    public func enforceRetention(_ records: [ConfigBackupRecord], now: Date,
                                 retention: HealConfig.Retention) -> [ConfigBackupRecord] {
        let split = Self.retained(records, now: now, maxCount: retention.configBackupsMax,
                                  maxAge: TimeInterval(retention.configBackupsMaxAgeDays) * 86_400)
        guard !split.remove.isEmpty else { return records }
        let failed = Set(remove(split.remove).map(\.0.path))
        let keptPaths = Set(split.keep.map(\.path)).union(failed)
        return records.filter { keptPaths.contains($0.path) }
    }
}
