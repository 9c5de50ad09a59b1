import Foundation
import Testing

/// The libFuzzer targets (fuzz/), built with `swiftc -sanitize=fuzzer,address` and run side by side
/// for about 20 seconds from the committed corpus and what earlier runs found. `make harden` runs
/// each alone for ten million executions. A toolchain that cannot build libFuzzer binaries skips this with the
/// reason printed.
@Suite(.serialized)
struct HardeningFuzzTests {
    static let seconds = ProcessInfo.processInfo.environment["OPENCLAW_SELF_HEAL_FUZZ_SECONDS"] ?? "20"
    static let targets = ["http-parser", "chunked-decoder", "config-loader", "log-line", "redactor"]
        + ["channels", "cron", "gateway-status", "models-probe", "plugins", "sessions", "sessions-store",
           "config-validate", "infer-run"].map { "cli-" + $0 }

    @Test func fuzzTargetsFindNoCrash() throws {
        let script = DaemonProcess.packageRoot + "/fuzz/run.sh"
        // Building the first time compiles HealCore with ASan (a minute or two); later runs reuse it.
        let result = try HardeningCommand.run(["/bin/bash", script, Self.seconds] + Self.targets,
                                              environment: ["FUZZ_PARALLEL": "1"], timeout: 900)
        if result.status == 3 {
            print("skipped: fuzzing: this Swift toolchain cannot build with -sanitize=fuzzer,address\n\(result.output)")
            return
        }
        #expect(!result.timedOut, "fuzz/run.sh did not finish in time:\n\(result.output)")
        #expect(result.status == 0, "fuzz/run.sh failed (a crashing input is saved under .build/fuzz/artifacts):\n\(result.output)")
        for target in Self.targets {
            let summary = result.output.split(separator: "\n").first { $0.hasPrefix("fuzz: \(target): ") && $0.contains("executions") }
            #expect(summary != nil, "no result for \(target) in:\n\(result.output)")
            let executions = summary.flatMap { Int($0.split(separator: " ")[2]) } ?? 0
            // Fourteen targets share two cores for 20 s: each gets a slice.
            #expect(executions > 50, "\(target) hardly ran: \(summary ?? "")")
            HardeningScale.record("fuzz", ["target": target, "seconds": Int(Self.seconds) ?? 0, "executions": executions])
        }
    }
}
