// swift-tools-version:6.2
import PackageDescription

/// Strict settings for every target we own; dependencies keep their own.
let strictSwiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .treatAllWarnings(as: .error),
]

let package = Package(
    name: "evident",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "EvidentKit", targets: ["EvidentKit"]),
        .library(name: "EvidentCLI", targets: ["EvidentCLI"]),
        .executable(name: "evident", targets: ["evident"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "4.5.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CArchive",
            pkgConfig: "libarchive",
            providers: [.apt(["libarchive-dev"])]
        ),
        .systemLibrary(
            name: "CPSL",
            pkgConfig: "libpsl",
            providers: [.apt(["libpsl-dev"])]
        ),
        .target(
            name: "EvidentKit",
            dependencies: [
                "CArchive",
                "CPSL",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSwiftSettings
        ),
        .target(
            name: "EvidentCLI",
            dependencies: [
                "EvidentKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSwiftSettings
        ),
        .executableTarget(
            name: "evident",
            dependencies: ["EvidentCLI"],
            swiftSettings: strictSwiftSettings
        ),
        .executableTarget(
            name: "evident-fuzz",
            dependencies: ["EvidentKit"],
            path: "Fuzz/Sources",
            swiftSettings: strictSwiftSettings
        ),
        .target(
            name: "EvidentTestSupport",
            dependencies: [.product(name: "GRDB", package: "GRDB.swift")],
            path: "Tests/EvidentTestSupport",
            swiftSettings: strictSwiftSettings
        ),
        .testTarget(
            name: "EvidentKitTests",
            dependencies: [
                "EvidentKit", "EvidentTestSupport", "CArchive", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSwiftSettings
        ),
        .testTarget(
            name: "EvidentCLITests",
            dependencies: ["EvidentCLI", "EvidentKit", "EvidentTestSupport"],
            swiftSettings: strictSwiftSettings
        ),
    ]
)
