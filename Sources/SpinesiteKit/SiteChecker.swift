import Foundation
public import SiteModel
import SiteRenderer

/// What `spinesite check` found: every diagnostic, sorted, and the checks an earlier stage's
/// errors kept from running.
public struct CheckReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var skipped: [String]
}

/// `spinesite check`: the build's pipeline into a sink that discards, so every check the build
/// makes — front matter, links and anchors, alt text, heading order, review dates, translations,
/// strings, pulse blocks, templates — without writing anything.
public enum SiteChecker {
    public static func check(_ options: BuildOptions) -> CheckReport {
        do {
            let run = try SiteBuilder.run(options, into: .discarded, memo: MarkdownMemo(), progress: { _ in })
            return CheckReport(diagnostics: run.rendered.site.siteWarnings, skipped: [])
        } catch {
            return CheckReport(diagnostics: error.diagnostics, skipped: error.skipped)
        }
    }

    /// Diagnostics as JSON for CI: `{"errors": n, "warnings": n, "diagnostics": […], "notChecked": […]}`.
    public static func json(_ diagnostics: [Diagnostic], skipped: [String] = []) throws -> String {
        struct Entry: Encodable {
            var file: String, line: Int, column: Int, severity: String, message: String
        }
        struct Report: Encodable {
            var errors: Int, warnings: Int, diagnostics: [Entry], notChecked: [String]
        }
        let report = Report(
            errors: diagnostics.filter { $0.severity == .error }.count,
            warnings: diagnostics.filter { $0.severity == .warning }.count,
            diagnostics: diagnostics.map {
                Entry(
                    file: $0.location.file, line: $0.location.line, column: $0.location.column,
                    severity: $0.severity.rawValue, message: $0.message)
            },
            notChecked: skipped
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(report), as: UTF8.self)
    }
}
