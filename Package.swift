// swift-tools-version:6.0
import PackageDescription

/// Strict settings shared by every target of ours: `any` spelled out, a
/// member usable only from a module the file imports, and imports internal
/// unless a public declaration needs them (`public import`), as Hummingbird does.
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

// Linux only (Debian 12): the code uses inotify, /proc/self/exe and renameat2.
let package = Package(
    name: "spinesite",
    products: [
        .executable(name: "spinesite", targets: ["spinesite"]),
        // The preview server, which `spinesite serve` starts: its own product, so that `make site`
        // does not compile Hummingbird and SwiftNIO.
        .executable(name: "spinesite-preview", targets: ["spinesite-preview"]),
        .library(name: "SpinesiteKit", targets: ["SpinesiteKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // What every stage uses: parallel map, JSON and HTML text, digests, "did you mean" suggestions.
        .target(name: "SiteSupport", dependencies: ["CLibCrypto"], swiftSettings: strict),
        // OpenSSL's libcrypto, as Debian ships it (libssl-dev): SHA-256 for digests and stamps.
        .systemLibrary(name: "CLibCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        // The C library, as Debian ships it (libcmark-gfm-dev, libcmark-gfm-extensions-dev).
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // The only module that touches cmark-gfm: Markdown in, Swift values out.
        .target(name: "CommonMark", dependencies: ["CCmarkGFM", "SiteSupport"], swiftSettings: strict),
        // Value types shared by the stages: diagnostics, configuration, pages.
        .target(name: "SiteModel", dependencies: ["SiteSupport"], swiftSettings: strict),
        // libyaml, as Debian ships it (libyaml-dev): the YAML parser whose events YAMLReading composes.
        .systemLibrary(name: "CLibYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        // YAML mappings read key by key into typed values, with file:line:col diagnostics.
        .target(name: "YAMLReading", dependencies: ["CLibYAML", "SiteModel", "SiteSupport"], swiftSettings: strict),
        // Stage 1: files → pages with parsed front matter.
        .target(
            name: "ContentLoader",
            dependencies: ["SiteModel", "SiteSupport", "YAMLReading"],
            swiftSettings: strict
        ),
        // `.records` files: template value types, each field declared once; read and turned into Swift classes.
        .target(name: "TemplateRecords", swiftSettings: strict),
        // The generator the plugin runs: `.records` files in, `.records.swift` files out.
        .executableTarget(name: "template-records", dependencies: ["TemplateRecords"], swiftSettings: strict),
        // Runs template-records on a target's `.records` files as part of its build.
        .plugin(name: "TemplateRecordsPlugin", capability: .buildTool(), dependencies: ["template-records"]),
        // Mustache templates parsed once, compiled against the shapes of their values, rendered into bytes.
        .target(name: "TemplateEngine", dependencies: ["SiteSupport"], swiftSettings: strict),
        // Reading-level formulas and syllable rules: pure functions of text.
        .target(name: "Readability", dependencies: ["SiteSupport"], swiftSettings: strict),
        // Stimulation physics of the pulse explainer: pure functions of typed quantities, no I/O.
        .target(name: "PulsePhysics", swiftSettings: strict),
        // Pulse presets and ```pulse blocks → figures, tables and the state grid (HTML, SVG, JSON).
        .target(
            name: "PulseExplainer",
            dependencies: [
                "PulsePhysics", "SiteModel", "SiteSupport", "YAMLReading", "CommonMark",
            ],
            swiftSettings: strict
        ),
        // Stage 2: ids, locales, URLs, sections, translations → SiteGraph; link resolution.
        .target(
            name: "SiteResolver",
            dependencies: ["SiteModel", "SiteSupport"],
            swiftSettings: strict
        ),
        // XML bytes checked before Foundation's parser sees them: UTF-8 only (SVG pictures, XLIFF).
        .target(name: "XMLInput", swiftSettings: strict),
        // libvips, as Debian ships it (libvips-dev): decoding, resizing and encoding pictures. Loaded
        // when the first raster picture is, not linked (see its shim): GLib's flags for its header.
        .systemLibrary(name: "CVips", pkgConfig: "glib-2.0", providers: [.apt(["libvips-dev"])]),
        // The only module that touches libvips: picture bytes in, variants out; SVG checks.
        .target(
            name: "Pictures", dependencies: ["CVips", "XMLInput", "SiteSupport"],
            swiftSettings: strict),
        // Snowball's stemmers, as Debian ships them (libstemmer-dev; no pkg-config file).
        .systemLibrary(name: "CStemmer", providers: [.apt(["libstemmer-dev"])]),
        // The only module that touches libstemmer: text → search terms (tokens, folding, stems).
        .target(name: "Stemming", dependencies: ["CStemmer", "SiteSupport"], swiftSettings: strict),
        // Files about the whole site, made from the graph: sitemap, feeds, search index, content report, JSON-LD.
        .target(
            name: "SiteWideOutputs",
            dependencies: ["SiteModel", "SiteSupport", "SiteResolver", "CommonMark", "Readability", "Stemming"],
            swiftSettings: strict
        ),
        // Stage 3: Markdown + templates → every output file, written into an OutputSink as it is rendered.
        .target(
            name: "SiteRenderer",
            dependencies: [
                "SiteModel", "SiteSupport", "SiteResolver", "CommonMark", "PulseExplainer", "Readability",
                "TemplateEngine", "Pictures", "SiteWideOutputs",
            ],
            swiftSettings: strict,
            // Its template values are declared in TemplateValues/*.records.
            plugins: ["TemplateRecordsPlugin"]
        ),
        // XLIFF 1.2 documents for CAT tools: written, read (streaming, no DTDs), pseudo-translated.
        .target(name: "XLIFF", dependencies: ["XMLInput", "SiteSupport"], swiftSettings: strict),
        // Stage 4: staging folder → output folder, swapped atomically.
        .target(name: "SiteWriter", dependencies: ["SiteModel", "SiteSupport"], swiftSettings: strict),
        // Incremental builds: what a build read and produced, what depends on what, and the
        // last build a process keeps; the one place that knows a build is not the first.
        .target(
            name: "Incremental",
            dependencies: [
                "SiteModel", "SiteSupport", "ContentLoader", "SiteResolver", "SiteRenderer", "SiteWriter",
            ],
            swiftSettings: strict
        ),
        // The pipeline: load → resolve → render → write, plus scaffolding.
        .target(
            name: "SpinesiteKit",
            dependencies: [
                "SiteModel", "ContentLoader", "SiteResolver", "SiteRenderer", "SiteWriter", "Incremental", "Pictures",
            ],
            swiftSettings: strict
        ),
        // The translation workflow over the pipeline: pages → XLIFF units and back, stamps, reports, diffs.
        .target(
            name: "Translations",
            dependencies: [
                "SpinesiteKit", "SiteModel", "SiteSupport", "ContentLoader", "SiteResolver", "SiteRenderer",
                "SiteWriter", "CommonMark", "XLIFF",
            ],
            swiftSettings: strict
        ),
        // The fuzz target: page bytes through loader, Markdown and explainer in memory (`make fuzz`),
        // or SVG bytes through the picture rewrite (`make fuzz FUZZ_TARGET=svg`).
        .target(
            name: "PageFuzzing",
            dependencies: ["ContentLoader", "CommonMark", "PulseExplainer", "SiteModel", "Pictures"],
            swiftSettings: strict),
        // `spinesite serve`: the output over HTTP (Hummingbird), rebuilt on every save, with live reload.
        .target(
            name: "PreviewServer",
            dependencies: [
                "SpinesiteKit", "Incremental", "SiteModel", "SiteSupport", "CommonMark",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(name: "spinesite-fuzz", dependencies: ["PageFuzzing"], swiftSettings: strict),
        // The options the command line and the preview program share.
        .target(
            name: "CommandOptions",
            dependencies: ["SpinesiteKit", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strict),
        .executableTarget(
            name: "spinesite",
            dependencies: [
                "SpinesiteKit", "Incremental", "Translations", "CommandOptions", "SiteModel", "SiteResolver",
                "SiteRenderer", "SiteSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "spinesite-preview",
            dependencies: [
                "PreviewServer", "CommandOptions", "SiteModel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        // Temporary sites on disk and paths of the repository, for tests only.
        .target(
            name: "TestSupport", dependencies: ["SiteModel", "SiteResolver", "SiteWriter"], path: "Tests/TestSupport",
            swiftSettings: strict),
        .testTarget(name: "SiteSupportTests", dependencies: ["SiteSupport", "TestSupport"], swiftSettings: strict),
        .testTarget(
            name: "TemplateEngineTests", dependencies: ["TemplateEngine", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "TemplateRecordsTests", dependencies: ["TemplateRecords"], swiftSettings: strict),
        .testTarget(name: "StemmingTests", dependencies: ["Stemming", "SiteSupport"], swiftSettings: strict),
        .testTarget(name: "CommonMarkTests", dependencies: ["CommonMark", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "XLIFFTests", dependencies: ["XLIFF"], swiftSettings: strict),
        .testTarget(name: "YAMLReadingTests", dependencies: ["YAMLReading"], swiftSettings: strict),
        .testTarget(
            name: "ContentLoaderTests", dependencies: ["ContentLoader", "SiteModel", "TestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "SiteResolverTests", dependencies: ["SiteResolver", "SiteModel", "SiteSupport"],
            swiftSettings: strict),
        .testTarget(name: "ReadabilityTests", dependencies: ["Readability", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "PicturesTests", dependencies: ["Pictures", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "PulsePhysicsTests", dependencies: ["PulsePhysics", "TestSupport"], swiftSettings: strict),
        .testTarget(
            name: "PulseExplainerTests", dependencies: ["PulseExplainer", "PulsePhysics", "SiteModel", "SiteSupport"],
            swiftSettings: strict),
        .testTarget(name: "PageFuzzingTests", dependencies: ["PageFuzzing", "TestSupport"], swiftSettings: strict),
        .testTarget(
            name: "SiteWideOutputsTests",
            dependencies: ["SiteWideOutputs", "SiteModel", "SiteResolver", "CommonMark", "TestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "SiteRendererTests",
            dependencies: [
                "SiteRenderer", "SiteModel", "SiteSupport", "SiteResolver", "CommonMark", "Pictures", "TemplateEngine",
                "TestSupport",
            ],
            swiftSettings: strict),
        .testTarget(
            name: "IncrementalTests",
            dependencies: [
                "Incremental", "SiteRenderer", "SiteWriter", "SiteModel", "TestSupport",
            ], swiftSettings: strict),
        .testTarget(
            name: "SiteWriterTests", dependencies: ["SiteWriter", "SiteModel", "TestSupport"], swiftSettings: strict),
        .testTarget(
            name: "TranslationsTests",
            dependencies: [
                "Translations", "SpinesiteKit", "Incremental", "CommonMark", "SiteModel", "SiteResolver", "XLIFF",
                "TestSupport",
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SpinesiteKitTests",
            dependencies: [
                "SpinesiteKit", "Incremental", "SiteModel", "SiteResolver", "SiteWriter", "TestSupport", "PageFuzzing",
            ],
            swiftSettings: strict
        ),
    ]
)
