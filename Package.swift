// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "openclaw-self-heal",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "openclaw-self-heal", targets: ["openclaw-self-heal"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
    ],
    targets: [
        // libsystemd (sd-daemon, sd-journal) through pkg-config.
        .systemLibrary(
            name: "CSystemd",
            pkgConfig: "libsystemd",
            providers: [.apt(["libsystemd-dev"])]
        ),
        // Declarations Glibc's module map hides (accept4). Kept apart from CSystemd so the
        // HTTP server builds and tests without libsystemd.
        .target(name: "CSocketShim"),
        .target(name: "NetAddress"),
        // The escaping walk and fixed-width digits that the JSON, curl config, log line and HTML
        // writers share; no dependency, so every module can use it.
        .target(name: "TextFormatting"),
        .target(name: "RawHTTP", dependencies: ["CSocketShim", "NetAddress", "TextFormatting"]),
        .target(name: "HealCore", dependencies: ["NetAddress", "TextFormatting"]),
        .target(name: "OpenClawKit", dependencies: ["HealCore", "CSocketShim", "RawHTTP", "TextFormatting"]),
        // Notifications: the durable outbox and delivery through curl, apart from HealCore's pure side.
        .target(name: "Notify", dependencies: ["HealCore", "OpenClawKit", "TextFormatting"]),
        .target(
            name: "SystemdKit",
            dependencies: ["CSystemd", "TextFormatting", .product(name: "Logging", package: "swift-log")]
        ),
        .target(
            name: "SelfHealDaemon",
            dependencies: [
                "RawHTTP", "HealCore", "OpenClawKit", "SystemdKit", "Notify", "TextFormatting",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "openclaw-self-heal",
            dependencies: [
                "SelfHealDaemon", "Notify",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "NetAddressTests", dependencies: ["NetAddress"]),
        .testTarget(name: "TextFormattingTests", dependencies: ["TextFormatting"]),
        .testTarget(name: "RawHTTPTests", dependencies: ["RawHTTP", "NetAddress"]),
        // Helpers more than one test target needs (a settable clock, a GatewayControl that records,
        // running a tool by argv, the repository's paths, temporary directories, the test double's
        // scenario files, a stand-in NOTIFY_SOCKET, a log handler that keeps what was logged).
        .target(name: "TestSupport", dependencies: ["HealCore", .product(name: "Logging", package: "swift-log")],
                path: "Tests/TestSupport"),
        .testTarget(name: "HealCoreTests", dependencies: ["HealCore", "NetAddress", "TestSupport"]),
        .testTarget(name: "OpenClawKitTests", dependencies: ["OpenClawKit", "HealCore", "RawHTTP", "TestSupport"]),
        .testTarget(name: "SystemdKitTests", dependencies: ["SystemdKit", "TestSupport"]),
        // What ships beside the binary, checked as files: the units (systemd-analyze), make install,
        // the Prometheus rules (promtool), the example config against the schema.
        .testTarget(name: "PackagingTests", dependencies: ["HealCore", "TestSupport"]),
        .testTarget(name: "NotifyTests", dependencies: ["Notify", "HealCore", "OpenClawKit"]),
        .testTarget(
            name: "SelfHealDaemonTests",
            dependencies: ["SelfHealDaemon", "HealCore", "RawHTTP", "OpenClawKit", "Notify", "TestSupport"]
        ),
        // What ships around the binary, run for real: the units under a systemd in a private PID
        // namespace, the Debian package, the status page in headless Chromium, the Grafana
        // dashboard's queries against Prometheus. Each test skips with its reason where it cannot run.
        .testTarget(name: "DeploymentTests", dependencies: ["TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
