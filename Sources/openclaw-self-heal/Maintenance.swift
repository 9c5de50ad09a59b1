import ArgumentParser
import FoundationEssentials
import HealCore
import SelfHealDaemon

struct Pause: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Put the healer in maintenance: it keeps watching but takes no disruptive action and sends no message but maintenance started/ended.")

    @OptionGroup var client: ClientOptions

    @Option(name: .customLong("for"), help: "How long: seconds, or 30m, 2h, 1d, 1h30m (default 1h, at most 7d).")
    var duration: String?

    @Option(name: .long, help: "Why (shown in /status and the message).")
    var reason: String?

    func run() throws {
        try reportingFailures {
            var target = "/pause"
            var query: [String] = []
            if let duration {
                guard let seconds = DurationText.seconds(duration) else {
                    throw CLIError("--for: expected seconds or a duration such as 30m, 2h, 1d, got '\(duration)'", code: 64)
                }
                query.append("for=\(seconds)")
            }
            if let reason { query.append("reason=" + DurationText.queryEscape(reason)) }
            if !query.isEmpty { target += "?" + query.joined(separator: "&") }
            print(try client.send("POST", target).text)
        }
    }
}

struct Resume: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "End maintenance now: the healer acts and notifies again.")

    @OptionGroup var client: ClientOptions

    func run() throws {
        try reportingFailures { print(try client.send("POST", "/resume").text) }
    }
}

/// `90`, `30m`, `2h`, `1d`, `1h30m` as seconds.
enum DurationText {
    static func seconds(_ text: String) -> Int? {
        if let n = Int(text), n > 0 { return n }
        var total = 0
        var number = ""
        var sawUnit = false
        for ch in text.lowercased() {
            if ch.isNumber { number.append(ch); continue }
            guard let n = Int(number) else { return nil }
            switch ch {
            case "s": total += n
            case "m": total += n * 60
            case "h": total += n * 3600
            case "d": total += n * 86_400
            default: return nil
            }
            number = ""; sawUnit = true
            if total > 10 * 86_400 { return nil }
        }
        guard number.isEmpty, sawUnit, total > 0 else { return nil }
        return total
    }

    static func queryEscape(_ s: String) -> String {
        PercentEncoding.encode(s, keeping: "-._~")
    }
}
