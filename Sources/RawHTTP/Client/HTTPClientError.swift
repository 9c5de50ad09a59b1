/// Why a request got no usable answer, split the way callers judge it: a refused connection
/// means nothing listens, a timeout means something listens but does not answer in time.
public enum HTTPClientError: Error, Sendable, Equatable, CustomStringConvertible {
    case refused(String)
    case timedOut(String)
    case failed(String)

    public var description: String {
        switch self {
        case .refused(let why), .timedOut(let why), .failed(let why): return why
        }
    }
}
