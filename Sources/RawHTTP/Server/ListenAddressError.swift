/// A listen address that cannot be used, with the input and what is wrong with it.
public struct ListenAddressError: Error, CustomStringConvertible, Equatable {
    public let input: String
    public let reason: String

    public var description: String {
        "invalid listen address '\(input)': \(reason)"
    }
}
