import ArgumentParser

/// `--config`, the one flag every command that reads the config shares. Its help says what that
/// command reads the file for, so each command names its own `ConfigFileUse`.
struct ConfigFileOption<Use: ConfigFileUse>: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(stringLiteral: Use.help))
    var config: String?
}

/// What a command reads the config file for: the help text of its `--config`.
protocol ConfigFileUse {
    static var help: String { get }
}
