// bench-harness: in-process measurements for bench/run.py.
//
//   bench-harness grep-pattern          the parser's markers as one ERE, for `grep -c -E`
//   bench-harness scan FILE RUNS        scan FILE RUNS times through LogFollower.scan
//   bench-harness scan-verdict FILE RUNS    the same, plus Policy.ingest of every failure with its verdict
//   bench-harness tick DIR RUNS         parse DIR's captured CLI outputs and decide, RUNS times
//
// Every measurement is printed as one JSON object per line on stdout.
import Foundation
import OpenClawKit

let arguments = Array(CommandLine.arguments.dropFirst())

func usage() -> Never {
    FileHandle.standardError.write(Data("usage: bench-harness grep-pattern | scan FILE RUNS | scan-verdict FILE RUNS | tick DIR RUNS\n".utf8))
    exit(2)
}

func runs(_ text: String) -> Int {
    guard let n = Int(text), n > 0 else { usage() }
    return n
}

switch arguments.first {
case "grep-pattern" where arguments.count == 1:
    print(GatewayLogLineParser.grepPattern)
case "scan" where arguments.count == 3:
    IntakeScan.run(path: arguments[1], runs: runs(arguments[2]), decide: false)
case "scan-verdict" where arguments.count == 3:
    IntakeScan.run(path: arguments[1], runs: runs(arguments[2]), decide: true)
case "tick" where arguments.count == 3:
    await TickCost.run(directory: arguments[1], runs: runs(arguments[2]))
default:
    usage()
}
