// swift-tools-version:6.0
// A minimal FlyingFox server answering GET /health with the daemon's body, for the HTTP benchmark.
import PackageDescription

let package = Package(
    name: "flyingfox-peer",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.20.0"),
    ],
    targets: [
        .executableTarget(
            name: "FlyingFoxPeer",
            dependencies: [.product(name: "FlyingFox", package: "FlyingFox")]
        ),
    ]
)
