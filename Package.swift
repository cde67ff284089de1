// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ovop-report",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "ovop-report", targets: ["ovop-report"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // Domain: periods, rupiah, districts, value readers, reference data.
        .target(
            name: "OVOPCore",
            resources: [.copy("Resources")]
        ),
        // Readers for CSV and JSON, and validation of submission lines.
        .target(
            name: "OVOPIngest",
            dependencies: [
                "OVOPCore",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // SQLite history of files and lines.
        .target(
            name: "OVOPWarehouse",
            dependencies: [
                "OVOPCore", "OVOPIngest",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Indicators per district and province, products, trend, quality.
        .target(
            name: "OVOPAnalytics",
            dependencies: ["OVOPCore", "OVOPWarehouse"]
        ),
        // The report's texts and choices (templates/), in Indonesian and English.
        .target(
            name: "OVOPTemplate",
            dependencies: ["OVOPCore", .product(name: "Yams", package: "Yams")]
        ),
        // The period's files: indicators JSON, rejects CSV, manifest, checksums.
        .target(
            name: "OVOPPublish",
            dependencies: [
                "OVOPCore", "OVOPAnalytics", "OVOPTemplate",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // A realistic, deterministic sample data set (for the README's demo and the benchmark).
        .target(name: "OVOPSample", dependencies: ["OVOPCore"]),
        .executableTarget(
            name: "ovop-report",
            dependencies: [
                "OVOPCore", "OVOPIngest", "OVOPWarehouse", "OVOPAnalytics", "OVOPPublish", "OVOPSample", "OVOPTemplate",
                "OVOPPDF", "OVOPXLSX",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "OVOPCoreTests", dependencies: ["OVOPCore"], exclude: ["Fixtures"]),
        .testTarget(
            name: "OVOPIngestTests",
            dependencies: [
                "OVOPIngest",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "OVOPWarehouseTests",
            dependencies: [
                "OVOPWarehouse", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(name: "OVOPAnalyticsTests", dependencies: ["OVOPAnalytics"]),
        .testTarget(name: "OVOPPublishTests", dependencies: ["OVOPPublish"]),
        .testTarget(name: "OVOPTemplateTests", dependencies: ["OVOPTemplate"]),
        .testTarget(name: "CLITests", dependencies: ["OVOPCore"]),

        // MARK: XLSX workbook (issue 3): libxlsxwriter, its Swift wrapper and the workbook's sheets.
        .systemLibrary(name: "CXlsxWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
        .target(name: "OVOPXLSX", dependencies: ["OVOPAnalytics", "OVOPTemplate", "CXlsxWriter"]),
        .testTarget(name: "OVOPXLSXTests", dependencies: ["OVOPXLSX", "OVOPTemplate"], exclude: ["readback.py"]),
    ],
    swiftLanguageModes: [.v6]
)

// MARK: The PDF report and its charts (issue 4): Cairo and Pango, a chart library, the report's pages.
package.targets += [
    .systemLibrary(name: "CCairo", pkgConfig: "cairo", providers: [.apt(["libcairo2-dev"])]),
    .systemLibrary(name: "CPangoCairo", pkgConfig: "pangocairo", providers: [.apt(["libpango1.0-dev"])]),
    // The thin wrapper: surfaces, drawing, text; the only module that imports the C libraries.
    .target(name: "OVOPCairo", dependencies: ["CCairo", "CPangoCairo"]),
    // Charts and tables drawn on any surface, with Indonesian number formatting.
    .target(name: "OVOPCharts", dependencies: ["OVOPCairo"]),
    // The report's pages and the PNG charts.
    .target(name: "OVOPPDF", dependencies: ["OVOPCore", "OVOPAnalytics", "OVOPTemplate", "OVOPCharts"]),
    .testTarget(name: "OVOPChartsTests", dependencies: ["OVOPCharts", "OVOPCairo"]),
]
