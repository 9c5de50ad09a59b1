import FoundationEssentials
import Glibc
import HealCore

/// Changes one session's model pin in a legacy `sessions.json` (docs/OPENCLAW.md §6) the way OpenClaw's
/// `applyModelOverrideToSessionEntry` does: `providerOverride`/`modelOverride` set,
/// `modelOverrideSource: "user"`, and the runtime `model`/`contextTokens` cleared.
///
/// Safe against the gateway and against crashes:
/// - takes `sessions.json.lock` with O_EXCL for the edit (the gateway writes under that lock; when
///   it is held the edit is refused for this tick rather than raced);
/// - refuses when the pin is no longer `from` (someone changed it since the observation);
/// - replaces the file through `AtomicFile` with the original's mode (and owner, when running as
///   root), so readers see the old or the new file, never a torn one. A symlinked store is edited
///   at its target.
enum SessionsFilePatcher {
    struct Change: Equatable {
        var key: String
        var from: ModelID
        /// nil: remove the override (the `model: null` of `sessions.patch`), so the session goes
        /// back to the agent's default model.
        var to: ModelID?
    }

    enum Failure: Error, Equatable, CustomStringConvertible {
        case missing(String)
        case locked(String)
        case unreadable(String)
        case notAStore(String)
        case noSuchSession(String)
        case pinChanged(key: String, expected: ModelID, found: ModelID)
        case writeFailed(String)

        var description: String {
            switch self {
            case .missing(let path): return "\(path) does not exist"
            case .locked(let path): return "\(path) is locked (the gateway is writing it); try again next tick"
            case .unreadable(let why), .notAStore(let why), .writeFailed(let why): return why
            case .noSuchSession(let key): return "no session '\(key)' in the store"
            case .pinChanged(let key, let expected, let found):
                return "session '\(key)' is pinned to \(found), not \(expected) any more; left alone"
            }
        }
    }

    /// A human description of the patch, for plans and the audit log.
    static func describe(_ change: Change, path: String) -> String {
        guard let to = change.to else {
            return "\(path): session \"\(change.key)\": pin \(change.from) removed "
                + "(providerOverride, modelOverride, modelOverrideSource, runtime model and contextTokens cleared)"
        }
        return "\(path): session \"\(change.key)\": pin \(change.from) → \(to) "
            + "(providerOverride=\"\(to.provider)\", modelOverride=\"\(to.model)\", modelOverrideSource=\"user\"; "
            + "runtime model and contextTokens cleared)"
    }

    /// Applies the change. Returns a one-line description of what was done.
    static func apply(_ change: Change, path rawPath: String) throws(Failure) -> String {
        let path = resolve(PathExpansion.expand(rawPath))

        let lockPath = path + ".lock"
        let lockFD = open(lockPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard lockFD >= 0 else {
            if errno == EEXIST { throw .locked(lockPath) }
            if errno == ENOENT { throw .missing(path) }
            throw .writeFailed("\(lockPath): \(String(cString: strerror(errno)))")
        }
        let pidLine = "\(getpid())\n"
        _ = pidLine.withCString { write(lockFD, $0, strlen($0)) }
        close(lockFD)
        defer { unlink(lockPath) }

        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT { throw .missing(path) }
            throw .unreadable("\(path): \(String(cString: strerror(errno)))")
        }
        let bytes: [UInt8]
        switch FileBytes.read(path) {
        case .success(let read): bytes = read
        case .failure(.missing): throw .missing(path)
        case .failure(.unreadable(let why)): throw .unreadable("\(path): \(why)")
        case .failure(.tooLarge(let cap)): throw .unreadable("\(path): larger than \(cap) bytes")
        }
        guard var store = (try? JSONNode.decode(Data(bytes)))?.object else {
            throw .notAStore("\(path): not a JSON object keyed by session key")
        }
        guard var entry = store[change.key]?.object else { throw .noSuchSession(change.key) }

        let current = SessionsParser.pin(key: change.key, entry: .object(entry))?.model
        if let to = change.to {
            if let current, current != change.from, current != to {
                throw .pinChanged(key: change.key, expected: change.from, found: current)
            }
            if current == to, entry["modelOverrideSource"]?.string == "user" {
                return "session \"\(change.key)\" already pinned to \(to); nothing written"
            }
            entry["providerOverride"] = .string(to.provider)
            entry["modelOverride"] = .string(to.model)
            entry["modelOverrideSource"] = .string("user")
        } else {
            guard let current else { return "session \"\(change.key)\" has no pin; nothing written" }
            guard current == change.from else { throw .pinChanged(key: change.key, expected: change.from, found: current) }
            for field in ["providerOverride", "modelOverride", "modelOverrideSource"] { entry.removeValue(forKey: field) }
        }
        entry.removeValue(forKey: "model")
        entry.removeValue(forKey: "contextTokens")
        store[change.key] = .object(entry)

        // Every value the change does not touch is written with the text it was read with.
        var data = Data(JSONNode.object(store).jsonBytes(pretty: true, sortedKeys: true))
        data.append(0x0A)
        do {
            // The gateway's own mode and owner are kept: the healer may run as root beside it.
            try AtomicFile.write(data, to: path, mode: info.st_mode & 0o7777, createDirectory: false,
                                 owner: (info.st_uid, info.st_gid))
        } catch {
            throw .writeFailed(error.description)
        }
        return describe(change, path: path)
    }

    private static func resolve(_ path: String) -> String {
        guard let real = realpath(path, nil) else { return path }
        defer { free(real) }
        return String(cString: real)
    }
}
