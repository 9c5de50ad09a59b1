import Foundation
import Testing

/// The libFuzzer targets (fuzz/), built with `swiftc -sanitize=fuzzer,address` and run for about
/// 20 seconds each from the committed seeds. `make harden` runs them for minutes. A toolchain that
/// cannot build libFuzzer binaries skips these with the reason printed.
@Suite(.serialized)
struct HardeningFuzzTests {
    static let seconds = ProcessInfo.processInfo.environment["OPENCLAW_SELF_HEAL_FUZZ_SECONDS"] ?? "20"

    @Test(arguments: ["http-parser", "config-loader", "log-line"])
    func fuzzTargetFindsNoCrash(target: String) throws {
        let script = DaemonProcess.packageRoot + "/fuzz/run.sh"
        // Building the first time compiles HealCore with ASan (a minute or two); later runs reuse it.
        let result = try HardeningCommand.run(["/bin/bash", script, Self.seconds, target], timeout: 600)
        if result.status == 3 {
            print("skipped: fuzzing \(target): this Swift toolchain cannot build with -sanitize=fuzzer,address\n\(result.output)")
            return
        }
        #expect(!result.timedOut, "fuzz/run.sh \(target) did not finish in time:\n\(result.output)")
        #expect(result.status == 0, "fuzz/run.sh \(target) failed:\n\(result.output)")
        let summary = result.output.split(separator: "\n").last { $0.contains("executions") }
        #expect(summary != nil, "no execution count in:\n\(result.output)")
        print(summary.map(String.init) ?? result.output)
    }
}
