import Foundation
import Glibc
import Testing
import TestSupport
@testable import SystemdKit

/// Runs `listeningDescriptors()` where systemd would: in a process started by the real
/// `systemd-socket-activate`, which binds the socket and passes it as descriptor 3 with LISTEN_PID
/// and LISTEN_FDS set. The child is this test binary again, filtered to `probe()`, which writes
/// what it found to a file named in its environment.
@Suite struct SocketActivationChildTests {
    static let outputVariable = "SYSTEMDKIT_ACTIVATION_PROBE_OUTPUT"

    @Test(.enabled(if: ProcessInfo.processInfo.environment[Self.outputVariable] != nil))
    func probe() throws {
        let output = try #require(ProcessInfo.processInfo.environment[Self.outputVariable])
        let report: String
        do {
            let descriptors = try SocketActivation.listeningDescriptors()
            let cloexec = descriptors.allSatisfy { fcntl($0, F_GETFD) & FD_CLOEXEC != 0 }
            let cleared = getenv("LISTEN_FDS") == nil && getenv("LISTEN_PID") == nil
            report = "descriptors=\(descriptors) cloexec=\(cloexec) cleared=\(cleared)"
        } catch {
            report = "error=\(error)"
        }
        try report.write(toFile: output, atomically: true, encoding: .utf8)
    }

    static let activateAvailable = ExternalTool.find("systemd-socket-activate") != nil

    @Test(.enabled(if: activateAvailable, "systemd-socket-activate is not installed (Debian package systemd)"))
    func passedListeningStreamSocketIsFound() throws {
        let report = try runProbe(datagram: false)
        #expect(report == "descriptors=[3] cloexec=true cleared=true")
    }

    @Test(.enabled(if: activateAvailable, "systemd-socket-activate is not installed (Debian package systemd)"))
    func passedDatagramSocketIsRejected() throws {
        let report = try runProbe(datagram: true)
        #expect(report == "error=\(SocketActivationError.notAListeningStreamSocket(fileDescriptor: 3))")
    }

    /// Starts this test binary under systemd-socket-activate on a unix socket, triggers it with one
    /// connection (or datagram), and returns what the probe wrote.
    private func runProbe(datagram: Bool) throws -> String? {
        let activate = try #require(ExternalTool.find("systemd-socket-activate"))
        let directory = TemporaryDirectory("sdk-test")
        defer { directory.remove() }
        let socketPath = directory.url.appendingPathComponent("probe.sock").path
        let outputPath = directory.url.appendingPathComponent("probe.txt").path
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path

        let process = Process()
        process.executableURL = URL(fileURLWithPath: activate)
        process.arguments = (datagram ? ["--datagram"] : []) + [
            "-l", socketPath, "-E", "\(Self.outputVariable)=\(outputPath)",
            testBinary, "--testing-library", "swift-testing", "--filter", "SocketActivationChildTests/probe",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
        }

        // systemd-socket-activate starts the program on the first connection.
        let deadline = ContinuousClock.now + .seconds(30)
        var triggered = false
        while !triggered && ContinuousClock.now < deadline {
            triggered = trigger(socketPath, datagram: datagram)
            if !triggered { usleep(20_000) }
        }
        try #require(triggered, "could not reach \(socketPath)")
        while !FileManager.default.fileExists(atPath: outputPath) && process.isRunning
            && ContinuousClock.now < deadline + .seconds(60)
        {
            usleep(20_000)
        }
        return try? String(contentsOfFile: outputPath, encoding: .utf8)
    }

    private func trigger(_ path: String, datagram: Bool) -> Bool {
        let type = datagram ? Int32(SOCK_DGRAM.rawValue) : Int32(SOCK_STREAM.rawValue)
        let descriptor = socket(AF_UNIX, type | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8)) }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard connected == 0 else { return false }
        return datagram ? send(descriptor, "x", 1, Int32(MSG_NOSIGNAL)) == 1 : true
    }
}
