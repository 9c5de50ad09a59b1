/// Rule names of the incidents that no single decision raises: the tracker derives them from the
/// state, the observation or a refusal.
extension Rule {
    /// `openclaw.json` is invalid (or missing) and the guard refused an action because of it.
    public static let configInvalid = "config-invalid"
    /// Every model of `modelOrder` is in cooldown.
    public static let modelsAllCooling = "models-all-cooling"
    /// The gateway has been down (RPC and probes failing, unit active or not reported) for twice
    /// `gateway.downWindowSec`: the healer's own restart did not bring it back, or was not allowed.
    public static let gatewayDown = "gateway-down"
    /// A pause asked for by the owner (`pause` / `resume`).
    public static let maintenance = "maintenance"
}
