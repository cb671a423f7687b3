// swift-tools-version:6.0
import PackageDescription

// The libFuzzer target over Charter's front-matter and Markdown pipeline. A package of its own so that the root
// package never needs the fuzzer flags; build and run it with `Fuzz/run.sh SECONDS` (see Fuzz/README.md).
let package = Package(
    name: "CharterFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Charter", path: ".."),
    ],
    targets: [
        // libFuzzer's driver, declared for Swift; the runtime itself comes with `-sanitize=fuzzer`.
        .systemLibrary(name: "CLibFuzzer"),
        .executableTarget(
            name: "CharterFuzz",
            dependencies: ["CLibFuzzer", .product(name: "CharterCore", package: "Charter")]
        ),
    ]
)
