import Foundation
import Testing

/// Hostile clients on loopback against the built daemon (`harden/hostile.py` does the talking):
/// after each attack the daemon still serves, and its resident memory is back near where it was.
/// `make harden` runs the same tests with 1,000 slowloris connections for a minute.
@Suite(.serialized)
struct HardeningHostileClientTests {
    let scale = HardeningScale.current
    /// Growth of VmRSS tolerated after an attack, once it is over (KiB). Measured growth is about
    /// 1 MB; the bound leaves room for malloc keeping freed arenas.
    static let residentGrowthBoundKiB = 24 * 1024

    /// No OpenClaw at all: the attacks are on the HTTP side, and ticks that spawn nothing keep the
    /// latency figures about the server.
    func startDaemon(server: String = "") throws -> HardeningDaemon {
        let daemon = try HardeningDaemon.start(server: server, intervalSec: 5, openclawBin: "/nonexistent/openclaw")
        #expect(daemon.healthy())
        try daemon.warmUp()
        return daemon
    }

    /// Checks the daemon still serves and its memory came back; records the figures.
    func expectRecovered(_ daemon: HardeningDaemon, baselineKiB: Int, figure: String, _ report: [String: Any]) {
        #expect(daemon.healthy(), "the daemon stopped serving after \(figure)")
        #expect((try? daemon.status()) != nil)
        usleep(1_500_000)
        let after = daemon.residentKiB
        #expect(after > 0 && after - baselineKiB < Self.residentGrowthBoundKiB,
                "VmRSS \(baselineKiB) KiB before, \(after) KiB after \(figure)")
        var figures = report
        figures["rssBeforeKiB"] = baselineKiB
        figures["rssAfterKiB"] = after
        figures["openDescriptorsAfter"] = daemon.openDescriptors
        HardeningScale.record(figure, figures)
    }

    /// The cap is set above the attack: the header timeout closes the slow connections every 10 s
    /// and the attacker reconnects at once, while the closed ones still linger (2 s) and count, so
    /// with the default cap of 1,024 a reconnect wave of 1,000 briefly fills it and fresh clients
    /// get a 503 (the flood test covers the cap). Here the question is latency, not the cap.
    @Test func slowlorisConnectionsDoNotStarveAFreshClient() throws {
        let daemon = try startDaemon(server: "maxConnections: \(scale.slowlorisConnections + 512)")
        defer { daemon.stop() }
        let baseline = daemon.residentKiB
        let report = try daemon.hostile("slowloris", ["--connections", "\(scale.slowlorisConnections)",
                                                      "--seconds", "\(scale.slowlorisSeconds)"])
        #expect(report["peakOpen"] as? Int == scale.slowlorisConnections, "\(report)")
        #expect(report["minOpenAfterRampUp"] as? Int == scale.slowlorisConnections, "\(report)")
        let probes = report["probes"] as? Int ?? 0
        #expect(probes >= scale.slowlorisSeconds * 3, "\(report)")
        #expect(report["probesOk"] as? Int == probes, "a fresh /health failed while under slowloris: \(report)")
        let worst = report["latencyMsMax"] as? Double ?? .infinity
        #expect(worst < scale.healthLatencyBoundMs, "a fresh /health took \(worst) ms under slowloris: \(report)")
        // The header timeout (10 s from connecting) sheds the slow connections with a 408.
        if scale.slowlorisSeconds > 11 { #expect((report["answered408"] as? Int ?? 0) > 0, "\(report)") }
        expectRecovered(daemon, baselineKiB: baseline, figure: "slowloris", report)
    }

    @Test func headerBombsAreRefusedWith414And431() throws {
        let daemon = try startDaemon()
        defer { daemon.stop() }
        let baseline = daemon.residentKiB
        let report = try daemon.hostile("headerbomb", ["--connections", "\(scale.hostileConnections)"])
        let cases = report["cases"] as? [String: Any] ?? [:]
        #expect(cases["requestLine10KB"] as? Int == 414, "\(report)")
        for name in ["fields200", "oneField20KB", "section20KBSlowly", "unterminatedHeaderLine64KB"] {
            #expect(cases[name] as? Int == 431, "\(name): \(report)")
        }
        #expect((report["parallelStatuses"] as? [String: Int])?["431"] == scale.hostileConnections, "\(report)")
        #expect(report["healthAfter"] as? Int == 200)
        expectRecovered(daemon, baselineKiB: baseline, figure: "headerbomb", report)
    }

    @Test func aTenMegabyteBodyIsRefusedWith413() throws {
        let daemon = try startDaemon()
        defer { daemon.stop() }
        let baseline = daemon.residentKiB
        let report = try daemon.hostile("bigbody")
        #expect((report["contentLength"] as? [String: Any])?["status"] as? Int == 413, "\(report)")
        #expect((report["chunked"] as? [String: Any])?["status"] as? Int == 413, "\(report)")
        #expect(report["healthAfter"] as? Int == 200)
        expectRecovered(daemon, baselineKiB: baseline, figure: "bigbody", report)
    }

    /// Answered 400 (or 408 at the header timeout; `None` when the bounded run stops waiting first).
    @Test func randomBytesGet400Or408AndNothingElse() throws {
        let daemon = try startDaemon()
        defer { daemon.stop() }
        let baseline = daemon.residentKiB
        let report = try daemon.hostile("random", ["--connections", "\(scale.hostileConnections)",
                                                   "--seconds", "\(scale.randomWaitSeconds)"])
        let statuses = report["statuses"] as? [String: Int] ?? [:]
        #expect(Set(statuses.keys).isSubset(of: ["400", "408", "505", "414", "431", "None"]), "\(report)")
        #expect(statuses.values.reduce(0, +) == scale.hostileConnections)
        #expect(report["validThenGarbage"] as? Int == 200, "the valid request before the garbage is answered: \(report)")
        #expect(report["healthAfter"] as? Int == 200)
        expectRecovered(daemon, baselineKiB: baseline, figure: "random", report)
    }

    @Test func halfClosedSocketsStillGetTheirAnswer() throws {
        let daemon = try startDaemon()
        defer { daemon.stop() }
        let baseline = daemon.residentKiB
        let report = try daemon.hostile("halfclose", ["--connections", "\(scale.hostileConnections)"])
        #expect(report["completeThenShutWr"] as? Int == 200, "\(report)")
        #expect((report["manyCompleteThenShutWr"] as? [String: Int])?["200"] == scale.hostileConnections, "\(report)")
        #expect(report["healthAfter"] as? Int == 200)
        expectRecovered(daemon, baselineKiB: baseline, figure: "halfclose", report)
    }

    @Test func aClientThatNeverReadsIsNotBufferedWithoutBound() throws {
        let daemon = try startDaemon()
        defer { daemon.stop() }
        let baseline = daemon.residentKiB
        let report = try daemon.hostile("noread", ["--megabytes", "\(scale.noReadMegabytes)", "--seconds", "2"])
        // The server stops reading once its output backs up, so the client's sends block well
        // before everything is sent.
        let sent = report["requestBytesSent"] as? Int ?? 0
        #expect(sent < scale.noReadMegabytes * 1024 * 1024, "the server kept reading: \(report)")
        #expect(report["probesOk"] as? Int == report["probes"] as? Int, "\(report)")
        expectRecovered(daemon, baselineKiB: baseline, figure: "noread", report)
    }

    @Test func aConnectionFloodPastTheCapGets503OrMakesRoomForAFreshClient() throws {
        let cap = 20
        let daemon = try startDaemon(server: "maxConnections: \(cap)")
        defer { daemon.stop() }
        let baseline = daemon.residentKiB
        let flood = scale.hostileConnections * 5
        let report = try daemon.hostile("flood", ["--connections", "\(flood)"])
        let outcomes = report["outcomes"] as? [String: Int] ?? [:]
        // The fresh /health took the slot of the longest idle one (evicted), then left.
        #expect(outcomes["held"] == cap - 1, "the cap is served, less the slot the fresh client took: \(report)")
        // Past the cap: a 503, or a plain close (evicted, or too many already being refused).
        #expect((outcomes["503"] ?? 0) + (outcomes["closed"] ?? 0) == flood - cap + 1, "\(report)")
        #expect(report["healthDuringFlood"] as? Int == 200, "a fresh client is served at the cap: \(report)")
        #expect(report["healthAfter"] as? Int == 200)
        expectRecovered(daemon, baselineKiB: baseline, figure: "flood", report)
    }
}
