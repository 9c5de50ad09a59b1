/// Who changed OpenClaw's config between two observations, from what the files show:
/// 1. the top file now equals one of OpenClaw's own snapshots beside it (`.bak`, `.clobbered.*`,
///    last-known-good): OpenClaw's last-known-good restore put it back;
/// 2. the healer had the CLI write it since (a plugin disable): the CLI on the healer's behalf;
/// 3. the previous bytes were saved as one of those snapshots: OpenClaw's own config writer
///    (the doctor, an update, a CLI command), which backs up before it writes;
/// 4. otherwise the user (an editor) or another tool.
public enum ConfigWriterAttribution {
    public static let lastKnownGoodRestore = "OpenClaw's last-known-good restore"
    public static let healerCLI = "the openclaw CLI on the healer's behalf"
    public static let openClawWriter = "OpenClaw's own config writer (the doctor, an update or a CLI command)"
    public static let userOrOther = "the user or another tool"

    public static func writer(previous: ConfigFileSet, current: ConfigFileSet, healerWrote: Bool) -> String {
        let snapshots = Set(current.snapshotDigests.values)
        if previous.topDigest != current.topDigest, let top = current.topDigest, snapshots.contains(top) {
            return lastKnownGoodRestore
        }
        if healerWrote { return healerCLI }
        if let old = previous.topDigest, previous.topDigest != current.topDigest, snapshots.contains(old),
           !previous.snapshotDigests.values.contains(old) {
            return openClawWriter
        }
        return userOrOther
    }
}
