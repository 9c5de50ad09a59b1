/// Encoded snapshots of one healer revision within one second (see `Healer.renderedStatus`).
public struct RenderedStatusCache: Sendable {
    public enum Format: Hashable, Sendable { case json, prettyJSON, prometheus }

    var revision: Int
    var second: Int
    var bodies: [Format: [UInt8]]
}
