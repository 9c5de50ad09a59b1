import Foundation

/// Prints one result object as a JSON line (sorted keys, so the runner's parsing is trivial).
enum JSONLine {
    static func print(_ fields: [String: Any]) {
        guard let data = try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys]) else {
            fatalError("unencodable result: \(fields)")
        }
        FileHandle.standardOutput.write(data + Data("\n".utf8))
    }
}
