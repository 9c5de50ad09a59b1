/// Why a text is not JSON5, and where (1-based line and column, counted in Unicode scalars) when
/// the position is known.
public struct JSON5SyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: String
    public var line: Int?
    public var column: Int?

    public init(reason: String, line: Int? = nil, column: Int? = nil) {
        self.reason = reason; self.line = line; self.column = column
    }

    public var description: String {
        guard let line, let column else { return reason }
        return "line \(line), column \(column): \(reason)"
    }
}
