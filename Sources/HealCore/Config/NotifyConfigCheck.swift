/// Checks of `notify.*` that span keys (each key alone was checked by its field).
enum NotifyConfigCheck {
    static func problems(_ n: HealConfig.Notify) -> [ConfigError] {
        var errors: [ConfigError] = []
        if !n.heartbeat.url.isEmpty && !n.heartbeat.urlFile.isEmpty {
            errors.append(ConfigError(key: "notify.heartbeat.url", message: "and notify.heartbeat.urlFile are both set; give one"))
        }
        return errors
    }
}
