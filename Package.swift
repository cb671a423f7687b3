// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Charter",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "charter", targets: ["charter"]),
        .library(name: "CharterCore", targets: ["CharterCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/swhitty/FlyingFox.git", from: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .systemLibrary(name: "CLinux"),
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        // Charter's Mustache engine and HTML escaping; depends on nothing of Charter's.
        .target(name: "CharterTemplates"),
        .target(
            name: "CharterCore",
            dependencies: [
                "CharterTemplates",
                "CCmark",
                "CYAML",
                "CLinux",
                "CGraphviz",
            ]
        ),
        .target(
            name: "CharterPreview",
            dependencies: [
                "CharterCore",
                "CharterTemplates",
                "CLinux",
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
        ),
        .executableTarget(
            name: "charter",
            dependencies: [
                "CharterCore",
                "CharterPreview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The engine's tests, with swift-mustache to compare against.
        .testTarget(
            name: "CharterTemplatesTests",
            dependencies: ["CharterTemplates", .product(name: "Mustache", package: "swift-mustache")]
        ),
        .testTarget(
            name: "CharterCoreTests",
            dependencies: ["CharterCore"],
            exclude: ["fixtures", "golden"]
        ),
        .testTarget(
            name: "CharterPreviewTests",
            dependencies: ["CharterPreview", "CharterCore"]
        ),
    ]
)
