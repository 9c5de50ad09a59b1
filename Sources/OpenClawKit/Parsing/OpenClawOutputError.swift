/// The output of an `openclaw` command was not what docs/OPENCLAW.md says it should be, or the command
/// did not complete. Names the command and what was wrong, e.g.
/// `channels status --json: expected a JSON object, got text 'Usage: …'`.
public struct OpenClawOutputError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Problem: Sendable, Equatable {
        /// Not JSON where JSON was expected (the excerpt is the start of the output).
        case notJSON(expected: String, excerpt: String)
        /// JSON, but not the shape docs/OPENCLAW.md describes.
        case unexpectedShape(String)
        /// The command could not run, timed out, was killed or exited non-zero.
        case commandFailed(String)
        /// Stdout passed the output cap (`bytes`, from `openclaw.maxOutputMiB`), so the document is
        /// incomplete and is not read.
        case outputTruncated(bytes: Int)
    }

    public var command: String
    public var problem: Problem

    public init(command: String, problem: Problem) {
        self.command = command; self.problem = problem
    }

    public var description: String {
        switch problem {
        case .notJSON(let expected, let excerpt):
            return excerpt.isEmpty ? "\(command): expected \(expected), got no output"
                                   : "\(command): expected \(expected), got text '\(excerpt)'"
        case .unexpectedShape(let what): return "\(command): \(what)"
        case .commandFailed(let how): return "\(command): \(how)"
        case .outputTruncated(let bytes): return "\(command): output truncated at \(bytes) bytes, cannot parse it"
        }
    }
}
