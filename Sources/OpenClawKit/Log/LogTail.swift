import FoundationEssentials
import Glibc
import HealCore

/// Follows the gateway's current log file, one `pump` at a time: reads what was appended, notices
/// truncation, size rotation and the date rollover, and keeps the read position.
///
/// Not thread-safe: `LogFollower` drives it from its serial queue (tests drive it directly, which
/// makes every file event deterministic).
///
/// Rules:
/// - First start (no saved position): the current file is history, so reading starts at its end
///   (at the start of its partial last line, if any). A file that appears later is read from 0.
/// - Restart: the saved file is found by identity under its name or its rotated names and read on
///   from the saved offset; lines before it are never handed on again. When the saved file is gone,
///   today's file was created after the stop and is read from 0.
/// - Rotation (the path now names another file) and rollover (today's name changed and that file
///   exists): the old file is read to its end through the open descriptor, then left.
/// - Truncation (the file is shorter than the offset): reading restarts at 0.
final class LogTail {
    let naming: LogFileNaming
    private let store: LogPositionStore?
    private let saveInterval: Duration
    private var file: LogFileHandle?
    /// The name `file` was opened under; it keeps that name here after a rename.
    private var followedPath: String?
    private var offset = 0
    private var assembler: LogLineAssembler
    private var intake: LogIntake
    private var counters = LogFollowerStats()
    private let buffer: UnsafeMutableRawBufferPointer
    private var lastSaved: LogPosition?
    private var lastSaveInstant: ContinuousClock.Instant?

    static let readChunkBytes = 256 * 1024
    /// How far back from the end a first start looks for the last line boundary.
    static let tailWindowBytes = 64 * 1024

    init(configuration: LogFollowerConfiguration) {
        naming = LogFileNaming(directory: configuration.directory, profile: configuration.profile)
        store = configuration.positionFile.map(LogPositionStore.init(path:))
        saveInterval = configuration.positionSaveInterval
        assembler = LogLineAssembler(maxLineBytes: configuration.maxLineBytes)
        intake = LogIntake(deduplicateRuns: configuration.deduplicateRuns)
        buffer = .allocate(byteCount: Self.readChunkBytes, alignment: 64)
    }

    deinit {
        buffer.deallocate()
    }

    var stats: LogFollowerStats {
        var stats = counters
        stats.take(from: intake, assembler)
        stats.currentFile = followedPath
        stats.currentOffset = file == nil ? 0 : offset - assembler.pendingByteCount
        return stats
    }

    // MARK: - Start

    /// Chooses where to begin: the saved position when there is one, else the end of today's file.
    func start(now: Date) {
        if let store {
            do {
                if let saved = try store.load() {
                    lastSaved = saved
                    // When the saved file is gone, whatever is there now was written after the stop,
                    // so `pump` reads it from 0.
                    _ = resume(from: saved)
                    return
                }
            } catch {
                // A damaged position is no reason to replay history: start as if it were the first time.
                counters.lastError = error.description
            }
        }
        let today = naming.path(for: now)
        if LogFileHandle.status(of: today) != nil { openAtEnd(today) }
    }

    private func resume(from saved: LogPosition) -> Bool {
        for candidate in [saved.path] + LogFileNaming.rotatedPaths(of: saved.path) {
            guard let status = LogFileHandle.status(of: candidate), status.identity == saved.identity,
                  let handle = try? LogFileHandle.open(candidate), handle.identity == saved.identity else { continue }
            file = handle
            followedPath = saved.path
            if saved.offset <= status.size {
                offset = saved.offset
            } else {
                counters.truncations += 1
                offset = 0
            }
            counters.currentFile = saved.path
            return true
        }
        return false
    }

    private func openAtEnd(_ path: String) {
        guard open(path, at: 0), let file else { return }
        do {
            let size = try file.size()
            let windowStart = max(0, size - Self.tailWindowBytes)
            let window = UnsafeMutableRawBufferPointer(rebasing: buffer[0..<min(buffer.count, size - windowStart)])
            let count = try file.read(into: window, at: windowStart)
            if let newline = UnsafeRawBufferPointer(rebasing: window[0..<count]).lastIndex(of: 0x0A) {
                offset = windowStart + newline + 1
            } else {
                // No line boundary in sight: skip to the end and drop the rest of that line.
                offset = size
                if size > 0 { assembler.discardUntilNewline() }
            }
        } catch {
            counters.lastError = error.description
        }
    }

    @discardableResult
    private func open(_ path: String, at startOffset: Int) -> Bool {
        do {
            file = try LogFileHandle.open(path)
            followedPath = path
            offset = startOffset
            assembler.reset()
            return true
        } catch {
            counters.lastError = error.description
            return false
        }
    }

    // MARK: - Pump

    /// Reads everything new and follows a rotation or rollover, handing each failure to `emit`.
    func pump(now: Date, emit: (FailureEvent) -> Void) {
        let today = naming.path(for: now)
        if file == nil {
            guard LogFileHandle.status(of: today) != nil, open(today, at: 0) else { return }
        }
        drain(now: now, emit: emit)

        if followedPath != today {
            if LogFileHandle.status(of: today) != nil {
                switchTo(today, now: now, emit: emit)
                counters.rollovers += 1
            }
        } else if let status = LogFileHandle.status(of: today), let file, status.identity != file.identity {
            switchTo(today, now: now, emit: emit)
            counters.rotations += 1
        }
        updateLag()
    }

    /// Finishes the open file through its descriptor (lines written just before a rename are still
    /// there), then starts `path` from its beginning.
    private func switchTo(_ path: String, now: Date, emit: (FailureEvent) -> Void) {
        drain(now: now, emit: emit)
        assembler.finish { line in intake.ingest(line, now: { now }, emit: emit) }
        file?.close()
        file = nil
        if open(path, at: 0) { drain(now: now, emit: emit) }
    }

    private func drain(now: Date, emit: (FailureEvent) -> Void) {
        guard let file else { return }
        do {
            if try file.size() < offset {
                counters.truncations += 1
                assembler.reset()
                offset = 0
            }
            while true {
                let count = try file.read(into: buffer, at: offset)
                if count == 0 { break }
                offset += count
                counters.bytesRead += count
                assembler.consume(UnsafeRawBufferPointer(rebasing: buffer[0..<count])) { line in
                    intake.ingest(line, now: { now }, emit: emit)
                }
            }
        } catch {
            counters.lastError = error.description
        }
    }

    private func updateLag() {
        guard let file, let size = try? file.size() else {
            counters.lagBytes = 0
            return
        }
        counters.lagBytes = max(0, size - offset)
    }

    // MARK: - Position

    /// The position to save: the start of the first line not yet handed on.
    var position: LogPosition? {
        guard let file, let followedPath else { return nil }
        return LogPosition(path: followedPath, identity: file.identity,
                           offset: offset - assembler.pendingByteCount, savedAt: Date())
    }

    /// Saves the position when it moved and the last save is at least `positionSaveInterval` old
    /// (or always, with `force`).
    func savePosition(force: Bool) {
        guard let store, var position else { return }
        if let lastSaved, lastSaved.path == position.path, lastSaved.identity == position.identity,
           lastSaved.offset == position.offset { return }
        let instant = ContinuousClock.now
        if !force, let lastSaveInstant, lastSaveInstant.duration(to: instant) < saveInterval { return }
        position.savedAt = Date()
        // A failed save is retried no sooner than a successful one would be repeated.
        lastSaveInstant = instant
        do {
            try store.save(position)
            lastSaved = position
        } catch {
            counters.lastError = error.description
        }
    }

    func close() {
        file?.close()
        file = nil
    }
}
