extension LogFollowerStats {
    /// The live follower's and the whole-file scan's figures both come from one `LogIntake` and one
    /// `LogLineAssembler`; this is where they are copied over. A problem already recorded (a file
    /// that cannot be read) is kept over the intake's last damaged line.
    mutating func take(from intake: LogIntake, _ assembler: LogLineAssembler) {
        linesRead = intake.linesRead
        eventsEmitted = intake.eventsEmitted
        duplicatesSuppressed = intake.duplicatesSuppressed
        parseErrors = intake.parseErrors
        linesSkipped = assembler.linesSkipped
        lastEventAt = intake.lastEventAt
        lastError = lastError ?? intake.lastParseError
    }
}
