import Foundation
import HealCore
import Testing
@testable import OpenClawKit

/// `openclaw.maxOutputMiB` bounds what each CLI command may print: a `cron list` that grows past it
/// is a fault naming the command and the cap, never a cut document read as a shorter list.
@Suite struct OpenClawObserverOutputCapTests {
    /// Jobs in the full shape of docs/OPENCLAW.md §2, about 0.9 KiB each on the CLI's stdout.
    static func fullShapeJobs(_ count: Int) -> [[String: Any]] {
        (0..<count).map { index in
            ["id": String(format: "5d8c1c8e-0000-4000-8000-%012d", index), "agentId": "main",
             "name": "Job \(index): Morning brief", "enabled": true,
             "createdAtMs": 1_760_000_000_000, "updatedAtMs": 1_760_000_100_000,
             "schedule": ["kind": "cron", "expr": "\(index % 60) 7 * * *", "tz": "Europe/Berlin"],
             "sessionTarget": "isolated", "wakeMode": "now",
             "payload": ["kind": "agentTurn", "message": "Summarize overnight updates and post the highlights."],
             "delivery": ["mode": "announce", "channel": "whatsapp", "to": "+15550001234"],
             "state": ["nextRunAtMs": 1_760_000_200_000, "lastRunAtMs": 1_760_000_150_000, "lastDurationMs": 1200,
                       "lastRunStatus": "error", "lastStatus": "error", "consecutiveErrors": 2,
                       "lastError": #"429 {"type":"error","error":{"type":"rate_limit_error","message":"Number of request tokens has exceeded your per-minute rate limit"}}"#,
                       "lastErrorReason": "rate_limit", "lastDeliveryStatus": "not-delivered"]] as [String: Any]
        }
    }

    private func observe(jobs: Int, maxOutputMiB: Int?) async throws -> Observed<[CronJobObservation]> {
        let fake = try FakeOpenClaw(["whatsapp": "connected", "cron": Self.fullShapeJobs(jobs), "plugins": []])
        var config = fake.config(timeoutSec: 30)
        if let maxOutputMiB { config.openclaw.maxOutputMiB = maxOutputMiB }
        let observer = OpenClawObserver(runner: CommandRunner(outputCap: 1024 << 20),
                                        httpProbe: GatewayHTTPProbe(connectTimeout: .milliseconds(200), readTimeout: .milliseconds(200)),
                                        extraEnvironment: fake.environment)
        return await observer.observe(config: config).cronJobs
    }

    @Test func aCronListOverTheCapIsAFaultNamingTheCommandAndTheCap() async throws {
        let cron = try await observe(jobs: 1_500, maxOutputMiB: 1)
        #expect(cron.value == nil)
        #expect(cron.fault == "cron list --all --json: output truncated at 1048576 bytes, cannot parse it")
    }

    @Test func theDefaultCapHoldsThousandsOfFullShapeJobs() async throws {
        #expect(HealConfig().openclaw.maxOutputMiB == 32)
        let cron = try await observe(jobs: 1_500, maxOutputMiB: nil)
        #expect(cron.fault == nil)
        #expect(cron.value?.count == 1_500)
        #expect(cron.value?.last?.lastErrorReason == "rate_limit")
    }

    @Test func aCallAsksForLessThanTheRunnersCeilingNeverMore() async {
        let runner = CommandRunner(outputCap: 64 * 1024)
        let print = ["/bin/sh", "-c", "head -c 200000 /dev/zero | tr '\\0' x"]
        let less = await runner.run(print, timeout: .seconds(10), outputCap: 1000)
        #expect(less.stdoutTruncated && less.stdout.utf8.count == 1000 && less.outputCap == 1000)
        let more = await runner.run(print, timeout: .seconds(10), outputCap: 1 << 20)
        #expect(more.stdoutTruncated && more.stdout.utf8.count == 64 * 1024 && more.outputCap == 64 * 1024)
        let error = #expect(throws: OpenClawOutputError.self) { try CronListParser.parse(less) }
        #expect(error?.description == "cron list --all --json: output truncated at 1000 bytes, cannot parse it")
    }
}
