// swift-tools-version:6.2
import PackageDescription

// The libFuzzer target, a package of its own so that the main package's `swift build` and
// `swift test` never see `-sanitize=fuzzer`. Built and run by run.sh.
let package = Package(
    name: "kenshu-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "kenshu", path: "../..")],
    targets: [
        .executableTarget(
            name: "KenshuFuzz",
            dependencies: [.product(name: "KenshuBuild", package: "kenshu")]),
    ],
    swiftLanguageModes: [.v6]
)
