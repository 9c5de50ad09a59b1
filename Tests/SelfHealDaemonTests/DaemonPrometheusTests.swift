import Foundation
import Testing
@testable import SelfHealDaemon
#if canImport(Glibc)
import Glibc
import TestSupport
#endif

/// `/metrics` and `/status` as Prometheus sees them: promtool's linter, then a real Prometheus
/// server scraping both endpoints on loopback.
@Suite(.serialized)
struct DaemonPrometheusTests {
    static let promtool = "/usr/bin/promtool"
    static let prometheus = "/usr/bin/prometheus"

    func startDaemon() throws -> (DaemonProcess, String) {
        let daemon = try DaemonProcess(config: TestConfig.json5(),
                                       arguments: ["--openclaw-bin", "/nonexistent/openclaw"])
        try daemon.start()
        let address = try daemon.waitForListening()
        // A cooled model and a heal counter make the output carry labelled series too.
        let client = try daemon.client(address)
        _ = try client.request("POST", "/events", token: daemon.token,
                               body: Array(#"{"model":"anthropic/claude-opus-4-6","error":"429 rate_limit_error \"quote\" \\ back"}"#.utf8))
        return (daemon, address)
    }

    @Test func promtoolFindsNothingToCriticise() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.promtool) else {
            print("skipped: promtool is not installed (apt-get install prometheus)")
            return
        }
        let (daemon, address) = try startDaemon()
        defer { daemon.stop() }
        let metrics = try daemon.client(address).request("GET", "/metrics").body
        let result = try run(Self.promtool, ["check", "metrics"], stdin: Data(metrics))
        #expect(result.status == 0, "promtool: \(result.output)")
        #expect(result.output.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "promtool warned: \(result.output)")
    }

    @Test func aRealPrometheusScrapesStatusAndMetrics() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.prometheus) else {
            print("skipped: prometheus is not installed (apt-get install prometheus)")
            return
        }
        let (daemon, address) = try startDaemon()
        defer { daemon.stop() }
        let port = try FreePort.pick()
        let dir = daemon.directory + "/prometheus"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        // Two jobs: one scrapes /status with Prometheus' own Accept header (no JSON in it), one
        // scrapes /metrics.
        let config = """
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
            scrape_configs:
              - job_name: self_heal_status
                metrics_path: /status
                static_configs: [{ targets: ["\(address)"] }]
              - job_name: self_heal_metrics
                metrics_path: /metrics
                static_configs: [{ targets: ["\(address)"] }]
            """
        try config.write(toFile: dir + "/prometheus.yml", atomically: true, encoding: .utf8)
        let server = Process()
        server.executableURL = URL(fileURLWithPath: Self.prometheus)
        server.arguments = ["--config.file=\(dir)/prometheus.yml", "--storage.tsdb.path=\(dir)/data",
                            "--web.listen-address=127.0.0.1:\(port)", "--log.level=warn"]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer {
            server.terminate()
            server.waitUntilExit()
        }
        let api = try ControlClient(url: "http://127.0.0.1:\(port)", timeout: 5)
        var last = ""
        let bothUp = DaemonProcess.eventually(timeout: 40) {
            guard let answer = try? api.request("GET", "/api/v1/query?query=up") else { return false }
            last = answer.text
            // Both series present and both with the value "1" (a failed scrape is "0").
            return last.contains(#""job":"self_heal_status""#) && last.contains(#""job":"self_heal_metrics""#)
                && last.components(separatedBy: #""1"]"#).count - 1 == 2
        }
        #expect(bothUp, "prometheus up query: \(last)")
        let series = try api.request("GET", "/api/v1/query?query=openclaw_self_heal_model_cooling%7Bjob%3D%22self_heal_status%22%7D").text
        #expect(series.contains("anthropic/claude-opus-4-6"), "\(series)")
    }

    struct Output { var status: Int32; var output: String }

    func run(_ tool: String, _ arguments: [String], stdin: Data) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        input.fileHandleForWriting.write(stdin)
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }
}
