/// Equal when the values are: numbers by value (`1` equals `1.0`), objects by their members as
/// `object` answers them (order and repeats do not matter), whichever documents they sit in.
extension JSONNode: Equatable {
    static func == (lhs: JSONNode, rhs: JSONNode) -> Bool {
        switch (lhs.kind, rhs.kind) {
        case (.null, .null), (.true, .true), (.false, .false): return true
        case (.number, .number):
            if let left = lhs.int64, let right = rhs.int64 { return left == right }
            if let left = lhs.double, let right = rhs.double { return left == right }
            // Beyond a Double's range: the same only when written the same.
            return lhs.document.numberText(at: lhs.index) == rhs.document.numberText(at: rhs.index)
        case (.string, .string): return lhs.string == rhs.string
        case (.array, .array): return lhs.array == rhs.array
        case (.object, .object): return lhs.object == rhs.object
        default: return false
        }
    }
}
