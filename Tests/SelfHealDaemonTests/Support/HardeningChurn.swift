import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `harden/churn.py` running in the background: failure events posted as fast as the daemon takes
/// them, across kills and restarts on one address.
final class HardeningChurn {
    private let process = Process()
    private let output = Pipe()
    private let input = Pipe()
    private let captured = HardeningCommand.Captured()

    init(address: String, tokenFile: String, seconds: Int, sessions: Int) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [DaemonProcess.packageRoot + "/harden/churn.py", address, tokenFile,
                             "--seconds", "\(seconds)", "--sessions", "\(sessions)"]
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        let captured = self.captured
        output.fileHandleForReading.readabilityHandler = { handle in captured.append(handle.availableData) }
        try process.run()
    }

    /// Stops the poster and returns its counts (`accepted`, `refused`, `failed`).
    @discardableResult
    func stop() -> [String: Int] {
        if process.isRunning {
            // Closing its stdin tells it to stop (signals may arrive blocked in a spawned child).
            try? input.fileHandleForWriting.close()
            let deadline = Date().addingTimeInterval(10)
            while process.isRunning && Date() < deadline { usleep(20_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        process.waitUntilExit()
        usleep(50_000)
        output.fileHandleForReading.readabilityHandler = nil
        guard let line = captured.text.split(separator: "\n").last(where: { $0.hasPrefix("{") }),
              let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return [:] }
        return object.compactMapValues { $0 as? Int }
    }
}
