import FoundationEssentials

/// What `openclaw-self-heal check-config [FILE]` prints and its exit code, as a pure function of
/// the path and the environment (the executable only prints `output`: to stderr when `exitCode`
/// is not 0).
public struct CheckConfigReport: Sendable, Equatable {
    public var output: String
    public var exitCode: Int32
}

public enum CheckConfigCommand {
    /// Like `nginx -t`: every error on its own line starting with the file it is in, exit 1; or a
    /// line naming the source followed by the effective config (derived paths written out) as
    /// pretty JSON with sorted keys, exit 0.
    public static func run(path: String?, environment: ConfigEnvironment = .current()) -> CheckConfigReport {
        do throws(ConfigLoadFailure) {
            let loaded = try ConfigLoader.load(path: path, environment: environment)
            if case .failure(let problems) = NotifySecrets.resolve(loaded.config.notify) {
                throw ConfigLoadFailure(source: loaded.source, errors: problems.errors)
            }
            return CheckConfigReport(output: "config OK, from \(loaded.source)\n\(effectiveJSON(loaded.config))\n", exitCode: 0)
        } catch {
            let count = error.errors.count
            let summary = "config invalid: \(count) error\(count == 1 ? "" : "s") in \(error.source)"
            return CheckConfigReport(output: (error.lines + [summary]).joined(separator: "\n") + "\n", exitCode: 1)
        }
    }

    /// The config as JSON with sorted keys, the derived paths written out.
    public static func effectiveJSON(_ config: HealConfig) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain structs of strings, numbers and booleans cannot fail.
        let data = try! encoder.encode(config.withResolvedPaths())
        return String(decoding: data, as: UTF8.self)
    }
}
