import FoundationEssentials
import HealCore

/// The exact argv of every `openclaw` command OpenClawKit runs (docs/OPENCLAW.md §1–§7), built from the config.
/// Values travel as single argv elements: nothing is ever interpreted by a shell.
public enum OpenClawCommands {
    public static let probePrompt = "Reply with exactly: pong"

    public static func channelsStatus(_ config: HealConfig) -> [String] { [config.openclaw.bin, "channels", "status", "--json"] }
    public static func cronList(_ config: HealConfig) -> [String] { [config.openclaw.bin, "cron", "list", "--all", "--json"] }
    public static func pluginsList(_ config: HealConfig) -> [String] { [config.openclaw.bin, "plugins", "list", "--json"] }
    public static func gatewayStatus(_ config: HealConfig) -> [String] { [config.openclaw.bin, "gateway", "status", "--json"] }
    public static func sessionsList(_ config: HealConfig) -> [String] {
        [config.openclaw.bin, "gateway", "call", "sessions.list", "--json"]
    }
    public static func configValidate(_ config: HealConfig) -> [String] { [config.openclaw.bin, "config", "validate"] }

    public static func gatewayRestart(_ config: HealConfig) -> [String] { [config.openclaw.bin, "gateway", "restart"] }
    public static func cronDisable(_ config: HealConfig, id: String) -> [String] { [config.openclaw.bin, "cron", "disable", id] }
    public static func pluginDisable(_ config: HealConfig, id: String) -> [String] { [config.openclaw.bin, "plugins", "disable", id] }

    /// `gateway call sessions.patch --params {"key":…,"model":"provider/model"} --json`.
    /// `model: nil` sends `"model": null`, which clears the override back to the agent's default.
    public static func sessionsPatch(_ config: HealConfig, key: String, model: ModelID?) -> [String] {
        [config.openclaw.bin, "gateway", "call", "sessions.patch", "--params", sessionsPatchParams(key: key, model: model), "--json"]
    }

    static func sessionsPatchParams(key: String, model: ModelID?) -> String {
        struct Params: Encodable {
            var key: String; var model: ModelID?
            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(key, forKey: .key)
                try c.encode(model, forKey: .model)  // an explicit null, not a missing key
            }
            enum CodingKeys: String, CodingKey { case key, model }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(Params(key: key, model: model))) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// `gateway call channels.start|channels.stop --params {"channel":…,"accountId":…} --json` (docs/OPENCLAW.md §13.1).
    public static func channelLifecycle(_ config: HealConfig, method: String, channel: String, accountId: String) -> [String] {
        struct Params: Encodable { var accountId: String; var channel: String }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(Params(accountId: accountId, channel: channel))) ?? Data("{}".utf8)
        return [config.openclaw.bin, "gateway", "call", method, "--params", String(decoding: data, as: UTF8.self), "--json"]
    }

    /// `health --json`: safe mode and the gateway's start time on versions that report them.
    public static func health(_ config: HealConfig) -> [String] { [config.openclaw.bin, "health", "--json"] }

    /// A real one-model request (docs/OPENCLAW.md §5): exits non-zero when the provider returns no text.
    public static func inferProbe(_ config: HealConfig, model: ModelID) -> [String] {
        [config.openclaw.bin, "infer", "model", "run", "--local", "--model", model.description, "--prompt", probePrompt, "--json"]
    }

    /// Per-provider probe for CLIs without `infer` (one candidate model per provider).
    public static func modelsStatusProbe(_ config: HealConfig, provider: String) -> [String] {
        [config.openclaw.bin, "models", "status", "--probe", "--probe-provider", provider, "--json"]
    }

    /// `openclaw-gateway[-<profile>].service`, or `OPENCLAW_SYSTEMD_UNIT` when set (as OpenClaw does).
    public static func gatewayUnit(_ config: HealConfig, environment: [String: String]) -> String {
        if let unit = environment["OPENCLAW_SYSTEMD_UNIT"], !unit.isEmpty {
            return unit.hasSuffix(".service") ? unit : unit + ".service"
        }
        return config.openclaw.profile.isEmpty ? "openclaw-gateway.service" : "openclaw-gateway-\(config.openclaw.profile).service"
    }
}
