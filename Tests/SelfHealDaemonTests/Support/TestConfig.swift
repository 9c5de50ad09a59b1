/// Config texts for end-to-end tests; `$DIR` is replaced by the test's temp directory.
enum TestConfig {
    /// `openclawExtra` goes inside the `openclaw` group (a second `openclaw:` would be a duplicate key).
    static func json5(intervalSec: Int = 1, commandTimeoutSec: Int = 5, extra: String = "", openclawExtra: String = "") -> String {
        """
        // end-to-end test config (JSON5: comments and trailing commas are fine)
        {
          modelOrder: ["anthropic/claude-opus-4-6", "openai/gpt-5.2", "google/gemini-2.5-flash",],
          cooldownMinutes: 30,
          probeIntervalSec: 60,
          configFile: "$DIR/openclaw.json",
          configBackupsDir: "$DIR/backups",
          sessionsFile: "$DIR/sessions.json",
          metricsFile: "$DIR/metrics.jsonl",
          monitor: { intervalSec: \(intervalSec) },
          openclaw: {
            commandTimeoutSec: \(commandTimeoutSec),
            logDir: "$DIR/logs",
            gatewayUrl: "http://127.0.0.1:9",
            \(openclawExtra)
          },
          server: { listen: "127.0.0.1:0" },
          \(extra)
        }
        """
    }
}
