import ArgumentParser
import FoundationEssentials
import HealCore
import SelfHealDaemon

/// Where the CLI finds a running daemon and its token: flags first, else the config's
/// `server.listen` and `server.tokenFile`.
struct ClientOptions: ParsableArguments {
    @Option(name: .long, help: "The daemon's base URL (default: from server.listen).")
    var url: String?

    @OptionGroup var configFile: ConfigFileOption<ClientOptions>

    @Option(name: .long, help: "File holding the bearer token (default: server.tokenFile).")
    var tokenFile: String?

    func resolvedConfig() throws -> HealConfig {
        let options = ServeOptions(configPath: configFile.config, environment: ProcessInfo.processInfo.environment)
        do {
            return try DaemonConfigSource(options: options).load().config
        } catch {
            throw CLIError("cannot read the config: \(error.description)", code: 1)
        }
    }

    func client() throws -> ControlClient {
        let base = try url ?? Self.url(listen: resolvedConfig().server.listen)
        do {
            return try ControlClient(url: base)
        } catch {
            throw CLIError("\(error)", code: 64)
        }
    }

    func token() throws -> String {
        let path = try tokenFile ?? resolvedConfig().resolvedTokenFile
        do {
            return try TokenStore(path: path).load()
        } catch {
            throw CLIError("\(error)", code: 4)
        }
    }

    /// A wildcard bind is reached on loopback.
    static func url(listen: String) -> String {
        var target = listen
        if target.hasPrefix("0.0.0.0:") { target = "127.0.0.1:" + target.dropFirst(8) }
        if target.hasPrefix("[::]:") { target = "[::1]:" + target.dropFirst(5) }
        return "http://" + target
    }
}

extension ClientOptions: ConfigFileUse {
    static let help = "Config file, to find server.listen and server.tokenFile."
}

extension ClientOptions {
    /// Sends `target` with the bearer token and returns the daemon's successful answer.
    func send(_ method: String, _ target: String) throws -> ControlClient.Response {
        let connection = try client()
        let token = try token()
        let response = try request { try connection.request(method, target, token: token) }
        try Self.check(response)
        return response
    }

    /// Maps a daemon's HTTP answer to a CLIError when it is not a success.
    static func check(_ response: ControlClient.Response) throws {
        switch response.status {
        case 200..<300: return
        case 401: throw CLIError("the daemon refused the token: \(response.text)", code: 4)
        case 422, 400, 404: throw CLIError(response.text, code: 1)
        default: throw CLIError("the daemon answered \(response.status): \(response.text)", code: 2)
        }
    }
}

struct CLIError: Error, CustomStringConvertible {
    var description: String
    var code: Int32
    init(_ description: String, code: Int32) { self.description = description; self.code = code }
}

extension ParsableCommand {
    /// Prints the error to stderr and exits with its code.
    func fail(_ error: CLIError) -> ExitCode {
        StandardStream.error("openclaw-self-heal: " + error.description + "\n")
        return ExitCode(error.code)
    }

    /// Runs `body`; a `CLIError` is printed to stderr and becomes the exit code.
    func reportingFailures(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as CLIError {
            throw fail(error)
        }
    }
}
