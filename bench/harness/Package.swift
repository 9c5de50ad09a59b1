// swift-tools-version:6.0
// Benchmark harness: measures the daemon's own log scan and tick processing in-process.
//
// The main package exports only its executable, so this package compiles the modules it needs from
// the same source folders (Sources/ here holds symbolic links to ../../Sources/<Module>). Nothing is
// copied: the harness always runs the code in the working tree, built with the same release flags.
import PackageDescription

let package = Package(
    name: "bench-harness",
    platforms: [.macOS(.v13)],
    targets: [
        .target(name: "CSocketShim"),
        .target(name: "NetAddress"),
        .target(name: "TextFormatting"),
        .target(name: "RawHTTP", dependencies: ["CSocketShim", "NetAddress", "TextFormatting"]),
        .target(name: "HealCore", dependencies: ["NetAddress", "TextFormatting"]),
        .target(name: "OpenClawKit", dependencies: ["HealCore", "CSocketShim", "RawHTTP", "TextFormatting"]),
        .executableTarget(name: "bench-harness", dependencies: ["HealCore", "OpenClawKit"]),
    ],
    swiftLanguageModes: [.v6]
)
