import FoundationEssentials

/// The guard's check of OpenClaw's own config: while it is not valid the gateway would refuse to
/// start, so the healer runs no disruptive action.
///
/// Valid means what OpenClaw accepts as a config: `openclaw.json` is JSON5 (comments, trailing
/// commas, unquoted keys, single quotes) whose top level is an object, and so is every file it
/// pulls in with `$include` (a path, or a list of paths, relative to the including file; nested
/// includes are followed). A missing or broken include makes the whole config invalid, with the
/// include's path named. A file that cannot be read is reported as invalid, not missing: the
/// healer cannot vouch for a file it cannot see.
public enum OpenClawConfigCheck {
    /// Deeper `$include` chains than this are refused (OpenClaw bounds them too).
    public static let maxIncludeDepth = 10

    public static func check(path: String) -> ConfigFileObservation {
        inspect(path: path).verdict
    }

    /// The verdict and the files it covered (for backups and for telling who changed them).
    public static func inspect(path: String) -> (verdict: ConfigFileObservation, files: ConfigFileSet) {
        var walk = IncludeWalk()
        let verdict: ConfigFileObservation
        switch ConfigFileReader.read(path, limit: ConfigLoader.maxOpenClawConfigBytes) {
        case .failure(.missing):
            return (.missing, ConfigFileSet())
        case .failure(let failure):
            verdict = .invalid("\(path): \(failure)")
        case .success(let text):
            walk.record(path, text)
            verdict = walk.check(text, path: path, depth: 0) ?? .valid
        }
        var files = ConfigFileSet(files: walk.files, digest: walk.complete && verdict == .valid ? walk.digest.value : nil,
                                  topDigest: walk.topDigest)
        files.snapshotDigests = snapshotDigests(of: path)
        return (verdict, files)
    }

    /// Digests of OpenClaw's own copies of the top file kept beside it: the rotated `.bak` files,
    /// the `.clobbered.*` snapshots and a last-known-good copy.
    static func snapshotDigests(of path: String) -> [String: String] {
        let directory = path.deletingLastPathComponent
        let name = path.lastPathComponent
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory) else { return [:] }
        var digests: [String: String] = [:]
        for entry in entries.sorted() where entry.hasPrefix(name + ".") && digests.count < 100 {
            let rest = entry.dropFirst(name.count + 1)
            guard rest.hasPrefix("bak") || rest.hasPrefix("clobbered") || rest.hasPrefix("last-good") || rest.hasPrefix("lkg") else { continue }
            let full = directory.appendingPathComponent(entry)
            if case .success(let text) = ConfigFileReader.read(full, limit: ConfigLoader.maxOpenClawConfigBytes) {
                var d = ByteDigest(); d.add(text)
                digests[full] = d.value
            }
        }
        return digests
    }
}

/// One walk over a config and its includes.
struct IncludeWalk {
    var files: [String] = []
    var digest = ByteDigest()
    var topDigest: String?
    /// false once a file could not be read: no digest is vouched for then.
    var complete = true

    mutating func record(_ path: String, _ text: String) {
        if files.isEmpty { var d = ByteDigest(); d.add(text); topDigest = d.value }
        files.append(path)
        digest.add(path)
        digest.add(text)
    }

    /// nil when `text` (the content of `path`) and everything it includes is valid.
    mutating func check(_ text: String, path: String, depth: Int) -> ConfigFileObservation? {
        let root: JSON5Value
        do { root = try JSON5.parse(text) } catch {
            return .invalid("\(path): not valid JSON5: \(error)")
        }
        if depth == 0 {
            guard case .object = root else {
                return .invalid("\(path): the top level must be an object, got \(root.shortDescription)")
            }
        }
        return checkIncludes(in: root, of: path, depth: depth)
    }

    private mutating func checkIncludes(in value: JSON5Value, of path: String, depth: Int) -> ConfigFileObservation? {
        switch value {
        case .object(let members):
            for key in members.keys.sorted() {
                let member = members[key]!
                if key == "$include" {
                    let targets: [String]
                    switch member {
                    case .string(let one): targets = [one]
                    case .array(let many) where many.allSatisfy({ if case .string = $0 { return true } else { return false } }):
                        targets = many.compactMap { if case .string(let s) = $0 { return s } else { return nil } }
                    default:
                        return .invalid("\(path): $include must be a path or a list of paths, got \(member.shortDescription)")
                    }
                    for target in targets {
                        if let problem = include(target, from: path, depth: depth + 1) { return problem }
                    }
                } else if let problem = checkIncludes(in: member, of: path, depth: depth) {
                    return problem
                }
            }
            return nil
        case .array(let items):
            for item in items { if let problem = checkIncludes(in: item, of: path, depth: depth) { return problem } }
            return nil
        default:
            return nil
        }
    }

    private mutating func include(_ target: String, from path: String, depth: Int) -> ConfigFileObservation? {
        let expanded = target.hasPrefix("~/") ? FileManager.default.homeDirectoryForCurrentUser.path + String(target.dropFirst(1)) : target
        let base = path.deletingLastPathComponent
        let full = expanded.hasPrefix("/") ? expanded : (base.isEmpty ? "." : base).appendingPathComponent(expanded)
        let resolved = full.standardizingPath
        guard depth <= OpenClawConfigCheck.maxIncludeDepth else {
            return .invalid("$include \(resolved) (from \(path)): includes nested deeper than \(OpenClawConfigCheck.maxIncludeDepth)")
        }
        guard !files.contains(resolved) else {
            return .invalid("$include \(resolved) (from \(path)): included twice or in a cycle")
        }
        switch ConfigFileReader.read(resolved, limit: ConfigLoader.maxOpenClawConfigBytes) {
        case .failure(let failure):
            complete = false
            return .invalid("$include \(resolved) (from \(path)): \(failure)")
        case .success(let text):
            record(resolved, text)
            return check(text, path: resolved, depth: depth).map { problem in
                if case .invalid(let why) = problem, !why.hasPrefix("$include") {
                    return .invalid("$include \(why)")
                }
                return problem
            }
        }
    }
}

/// FNV-1a, 64 bits: tells changed bytes apart between observations (not a security hash).
struct ByteDigest {
    private var hash: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ text: String) {
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        hash ^= 0xff; hash = hash &* 0x0000_0100_0000_01b3  // a separator, so "ab"+"c" ≠ "a"+"bc"
    }

    var value: String { String(hash, radix: 16) }
}
