import FoundationEssentials

/// What `/health` needs: is the healer itself alive and able to keep its state.
public struct HealerHealth: Sendable, Equatable, Codable {
    public var ok: Bool
    /// Empty when ok.
    public var reasons: [String]
    public var lastTickAt: Date?
    public var lastTickAgeSec: Int?
    public var tickIntervalSec: Int
    public var stateDirectory: String
    public var stateDirectoryWritable: Bool
    /// Saving the state failed at the last attempt.
    public var stateSaveError: String?
    public init(ok: Bool, reasons: [String], lastTickAt: Date?, lastTickAgeSec: Int?, tickIntervalSec: Int,
                stateDirectory: String, stateDirectoryWritable: Bool, stateSaveError: String?) {
        self.ok = ok; self.reasons = reasons; self.lastTickAt = lastTickAt; self.lastTickAgeSec = lastTickAgeSec
        self.tickIntervalSec = tickIntervalSec; self.stateDirectory = stateDirectory
        self.stateDirectoryWritable = stateDirectoryWritable; self.stateSaveError = stateSaveError
    }
}
