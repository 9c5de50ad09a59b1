/// The renderings of the status snapshot that are cached (see `Healer.renderedStatus`; the bodies
/// themselves live in `StatusBoard`, keyed by revision and second).
public enum RenderedStatusCache {
    public enum Format: Hashable, Sendable { case json, prettyJSON, prometheus }
}
