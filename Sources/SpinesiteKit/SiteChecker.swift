import Foundation
public import SiteModel
import SiteRenderer
import SiteResolver

/// `spinesite check`: every check the build makes — front matter, links and
/// anchors, alt text, heading order, review dates, translations, strings,
/// pulse blocks, templates — without writing anything.
public enum SiteChecker {
    public static func check(_ options: BuildOptions) -> [Diagnostic] {
        run(options).diagnostics
    }

    /// Every diagnostic, and the checks an earlier stage's errors kept from running.
    public static func run(_ options: BuildOptions) -> (diagnostics: [Diagnostic], skipped: [String]) {
        do {
            let (graph, errors) = try SiteBuilder.resolveCollecting(options)
            let theme = try SiteBuilder.loadTheme(options, after: graph, earlierErrors: errors)
            do {
                let rendered = try SiteRenderer.render(
                    graph, theme: theme, into: DiscardingSink(), earlierErrors: errors,
                    pictures: SiteBuilder.pictureSettings(options, graph: graph))
                return ((graph.warnings + rendered.warnings).sorted(), [])
            } catch {
                return ((graph.warnings + error.diagnostics).sorted(), error.skipped)
            }
        } catch {
            // Failures of loading and of the templates carry the warnings before them.
            return (error.diagnostics.sorted(), error.skipped)
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

/// Renders go nowhere: the checker wants the renderer's findings, not its files.
struct DiscardingSink: OutputSink {
    func prepare(_ paths: [String]) throws {}
    func write(_ path: String, bytes: UnsafeRawBufferPointer) throws -> Bool { false }
}
