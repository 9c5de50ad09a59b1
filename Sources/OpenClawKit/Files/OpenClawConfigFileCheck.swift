import Foundation
import HealCore

/// Whether `openclaw.json` parses as JSON5 (comments, trailing commas, unquoted keys…), the format
/// OpenClaw reads. A plain JSON parse rejects valid configs (the seed's bug).
///
/// (Private to OpenClawKit on this branch, through Foundation's JSON5 decoder; HealCore's shared
/// check should replace it once both are merged.)
enum OpenClawConfigFileCheck {
    static func check(path: String) -> ConfigFileObservation {
        let expanded = PathExpansion.expand(path)
        switch FileBytes.read(expanded, cap: 16 << 20) {
        case .failure(.missing):
            return .missing
        case .failure(.unreadable(let why)):
            return .invalid("\(expanded): cannot read: \(why)")
        case .failure(.tooLarge(let cap)):
            return .invalid("\(expanded): larger than \(cap) bytes")
        case .success(let bytes):
            let value: JSONNode
            do {
                value = try JSONNode.decode(Data(bytes), json5: true)
            } catch {
                return .invalid("\(expanded): not valid JSON5")
            }
            guard value.object != nil else {
                return .invalid("\(expanded): top level is \(value.kindName), not an object")
            }
            return .valid
        }
    }
}
