/// Finds the known key an unknown one was probably meant to be: a typo (`cronFailTreshold`), a
/// case slip (`dryrun`), or a right name in the wrong group (`whatsappDisconnectThreshold` at the
/// top level instead of under `autoFix`).
enum ConfigKeySuggester {
    static func suggestion(for unknown: String, among known: [String]) -> String? {
        let leaf = Self.leaf(of: unknown).lowercased()
        // Right name, wrong place.
        if let moved = known.first(where: { Self.leaf(of: $0).lowercased() == leaf }) { return moved }
        let target = Array(unknown.lowercased())
        // A third of the name may be wrong, at most 3 edits: beyond that it is a different word.
        let allowed = min(3, max(1, leaf.count / 3))
        var best: (key: String, distance: Int)?
        for key in known {
            // The distance is at least the difference in length: such a key cannot be within
            // `allowed`, so it is not worth the full comparison (this runs for every unknown key).
            let candidate = Array(key.lowercased())
            guard abs(candidate.count - target.count) <= allowed else { continue }
            let d = distance(target, candidate)
            if d < (best?.distance ?? Int.max) { best = (key, d) }
        }
        guard let best else { return nil }
        return best.distance <= allowed ? best.key : nil
    }

    static func leaf(of key: String) -> Substring {
        key.split(separator: ".").last ?? Substring(key)
    }

    /// Levenshtein distance over characters.
    static func distance(_ a: String, _ b: String) -> Int {
        distance(Array(a), Array(b))
    }

    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
