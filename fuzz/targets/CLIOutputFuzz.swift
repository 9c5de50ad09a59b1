// libFuzzer targets for the readers of the `openclaw` CLI's output: one binary, `cli-output`, and
// one target per reader, chosen by FUZZ_CLI_READER (fuzz/run.sh sets it for `cli-<reader>`, each
// with its own corpus): a CLI that prints garbage, a truncated document or another version's
// shape is one of the faults the healer must survive.
//
// For every input (the command's stdout; for the exit-code readers also its stderr and exit):
// - the reader answers a value or a typed error, never traps;
// - it is deterministic (the same bytes give the same answer twice);
// - an error has a message, and what it says goes through the redactor without trapping.
// A broken property traps, which libFuzzer reports as a crash with the input saved.
import Foundation
import HealCore
@testable import OpenClawKit

@_cdecl("LLVMFuzzerTestOneInput")
public func cliOutputFuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let text = String(decoding: bytes, as: UTF8.self)
    let first = CLIOutputFuzz.read(text, bytes)
    let second = CLIOutputFuzz.read(text, bytes)
    if first != second {
        fatalError("CLI reader is not deterministic: \(first) vs \(second)\ninput: \(text.prefix(2000).debugDescription)")
    }
    _ = Redactor.redact(first)
    return 0
}

enum CLIOutputFuzz {
    static let reader: String = {
        guard let name = getenv("FUZZ_CLI_READER") else { return "" }
        return String(cString: name)
    }()

    /// The answer as text: the value, or the error's message.
    static func read(_ stdout: String, _ bytes: UnsafeBufferPointer<UInt8>) -> String {
        func describe<T>(_ body: () throws(OpenClawOutputError) -> T) -> String {
            do { return "ok \(try body())" } catch {
                let message = "\(error)"
                if message.isEmpty { fatalError("an error without a message") }
                return "error \(message)"
            }
        }
        // The first byte of the input picks the exit code for the readers that look at it.
        let exit: Int32 = bytes.first.map { $0 < 0x20 ? Int32($0 % 4) : 0 } ?? 0
        // Built only for the two readers that take a whole result (the others read stdout alone).
        func result() -> CommandResult {
            CommandResult(argv: ["openclaw"], exitCode: exit, stdout: stdout, stderr: String(stdout.suffix(64)))
        }
        switch reader {
        case "channels":
            return describe { () throws(OpenClawOutputError) in try ChannelsStatusParser.parse(stdout: stdout) }
        case "cron":
            return describe { () throws(OpenClawOutputError) in try CronListParser.parse(stdout: stdout) }
        case "gateway-status":
            return describe { () throws(OpenClawOutputError) in try GatewayStatusParser.parse(stdout: stdout) }
        case "models-probe":
            return describe { () throws(OpenClawOutputError) in try ModelsStatusProbeParser.parse(stdout: stdout) }
        case "plugins":
            return describe { () throws(OpenClawOutputError) in try PluginsListParser.parse(stdout: stdout) }
        case "sessions":
            return describe { () throws(OpenClawOutputError) in try SessionsParser.parseList(stdout: stdout) }
        case "sessions-store":
            return describe { () throws(OpenClawOutputError) in try SessionsParser.parseStore(Data(bytes)) }
        case "config-validate":
            return describe { () throws(OpenClawOutputError) in try ConfigValidateParser.parse(result()) }
        case "infer-run":
            return "\(InferRunParser.parse(result(), model: "anthropic/claude-opus-4-6"))"
        default:
            fatalError("FUZZ_CLI_READER must name a reader (channels, cron, gateway-status, models-probe, plugins, sessions, sessions-store, config-validate, infer-run), got '\(reader)'")
        }
    }
}
