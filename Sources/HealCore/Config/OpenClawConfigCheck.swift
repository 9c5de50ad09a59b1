/// The guard's check of OpenClaw's own `openclaw.json`: while it is not valid JSON5 the gateway
/// would refuse to start, so the healer runs no disruptive action.
///
/// Valid means what OpenClaw accepts as a config file: JSON5 (comments, trailing commas, unquoted
/// keys, single quotes) whose top level is an object. A file that cannot be read is reported as
/// invalid, not missing: the healer cannot vouch for a file it cannot see.
public enum OpenClawConfigCheck {
    public static func check(path: String) -> ConfigFileObservation {
        switch ConfigFileReader.read(path, limit: ConfigLoader.maxOpenClawConfigBytes) {
        case .failure(.missing):
            return .missing
        case .failure(let failure):
            return .invalid("\(path): \(failure)")
        case .success(let text):
            do {
                let root = try JSON5.parse(text)
                guard case .object = root else {
                    return .invalid("\(path): the top level must be an object, got \(root.shortDescription)")
                }
                return .valid
            } catch {
                return .invalid("\(path): not valid JSON5: \(error)")
            }
        }
    }
}
