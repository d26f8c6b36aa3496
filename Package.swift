// swift-tools-version:6.2
import PackageDescription

// Data flows one way, one target per stage:
// KenshuContent (files, front matter) → KenshuMarkdown (cmark walk, + KenshuQuiz blocks) → KenshuSite (course model)
// → KenshuRender (theme, which draws quizzes) and KenshuSearch (index) → KenshuBuild (atomic output) ← KenshuServe (preview),
// KenshuExport (zip, SCORM, GIFT) ← kenshu (CLI, its arguments read by KenshuCommandLine).
let package = Package(
    name: "kenshu",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kenshu", targets: ["kenshu"]),
        .library(name: "KenshuBuild", targets: ["KenshuBuild"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
        // Only the tests read archives with ZIPFoundation: a reader Kenshu did not write (see KenshuZip).
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "CMark", pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]),
        .target(name: "KenshuCore"),
        .systemLibrary(
            name: "CKenshuZlib", pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
        // Zip archives on the system's zlib: written for exports, read for `base:` courses. Not
        // ZIPFoundation, whose compile sat on the first clean build's critical path (bench/README.md).
        .target(name: "KenshuZip", dependencies: ["CKenshuZlib"]),
        .target(
            name: "KenshuContent",
            dependencies: [
                "KenshuCore", "KenshuZip", .product(name: "Yams", package: "Yams"),
            ]),
        .target(name: "KenshuMarkdown", dependencies: ["KenshuCore", "CMark"]),
        .target(name: "KenshuQuiz", dependencies: ["KenshuCore", "KenshuMarkdown"]),
        .target(name: "KenshuCheck", dependencies: ["KenshuCore"]),
        .target(name: "KenshuSite", dependencies: ["KenshuCore", "KenshuContent", "KenshuMarkdown"]),
        .target(
            name: "KenshuTheme",
            dependencies: [
                "KenshuCore", .product(name: "Yams", package: "Yams"),
            ]),
        .target(name: "KenshuRender", dependencies: ["KenshuSite", "KenshuTheme", "KenshuQuiz"]),
        .target(name: "KenshuSearch", dependencies: ["KenshuCore", "KenshuContent", "KenshuSite", "KenshuQuiz"]),
        .target(
            name: "KenshuBuild",
            dependencies: [
                "KenshuCore", "KenshuContent", "KenshuMarkdown", "KenshuQuiz", "KenshuSite", "KenshuTheme", "KenshuRender",
                "KenshuCheck", "KenshuSearch",
            ],
            exclude: ["StarterCourse", "StarterCourseEnglish", "StarterOverlay"]),
        .target(
            name: "KenshuServe",
            dependencies: ["KenshuBuild", .product(name: "FlyingSocks", package: "FlyingFox")]),
        .target(
            name: "KenshuExport",
            dependencies: [
                "KenshuBuild", "KenshuCore", "KenshuContent", "KenshuQuiz", "KenshuSite", "KenshuRender", "KenshuTheme", "KenshuZip",
            ]),
        // Kenshu reads its own command line so that help and usage errors speak Japanese
        // (swift-argument-parser's words are English, built into it): see CommandLineParser.
        .target(name: "KenshuCommandLine", dependencies: ["KenshuCore"]),
        .executableTarget(
            name: "kenshu",
            dependencies: ["KenshuBuild", "KenshuServe", "KenshuCheck", "KenshuContent", "KenshuExport", "KenshuCommandLine"]),
        .testTarget(
            name: "KenshuTests",
            dependencies: [
                "KenshuBuild", "KenshuServe", "KenshuCheck", "KenshuExport", "KenshuSearch", "KenshuCommandLine", "KenshuZip",
                .product(name: "FlyingFox", package: "FlyingFox"), .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                // Only for the differential test of Kenshu's own template renderer against swift-mustache.
                .product(name: "Mustache", package: "swift-mustache"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)

// Debug builds compile each of Kenshu's modules in one batch, not one per core. The modules
// already build side by side, and a second batch type-checks much of its module again: on
// 2 cores the first clean build needs ≈ 10 s less CPU (bench/README.md, "clean debug build").
// Release builds are whole-module and unaffected.
for target in package.targets where target.type != .system && target.type != .test {
    target.swiftSettings = (target.swiftSettings ?? []) + [.unsafeFlags(["-driver-batch-count", "1"], .when(configuration: .debug))]
}
