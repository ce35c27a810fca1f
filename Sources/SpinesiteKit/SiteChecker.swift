import Foundation
public import SiteModel
public import SiteRenderer

/// What `spinesite check` found: every diagnostic, sorted, and the checks an earlier stage's
/// errors kept from running.
public struct CheckReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var skipped: [String]
    /// Each shared block: the pages placing it and its state per locale (empty when the checks
    /// found errors, or the site has no blocks).
    public var blocks: [SharedBlockUse] = []

    /// The blocks as `check` prints them: a heading, then one line per block (none without blocks).
    public var blockLines: [String] {
        blocks.isEmpty ? [] : ["shared blocks (pages placing each; state per locale):"] + blocks.map { "  " + $0.line }
    }
}

/// `spinesite check`: the build's pipeline into a sink that discards, so every check the build
/// makes — front matter, links and anchors, alt text, heading order, review dates, translations,
/// strings, pulse blocks, templates — without writing anything.
public enum SiteChecker {
    public static func check(_ options: BuildOptions) -> CheckReport {
        do {
            let run = try SiteBuilder.run(options, into: .discarded, memo: MarkdownMemo(), progress: { _ in })
            let site = run.rendered.site
            return CheckReport(diagnostics: site.siteWarnings, skipped: [], blocks: site.session.blockUses)
        } catch {
            return CheckReport(diagnostics: error.diagnostics, skipped: error.skipped)
        }
    }

    /// Diagnostics as JSON for CI: `{"errors": n, "warnings": n, "diagnostics": […], "notChecked": […]}`.
    /// With shared blocks, also `"blocks": [{"name", "pages", "translations": {locale: state}}]`.
    public static func json(_ diagnostics: [Diagnostic], skipped: [String] = [], blocks: [SharedBlockUse] = [])
        throws -> String
    {
        struct Entry: Encodable {
            var file: String, line: Int, column: Int, severity: String, message: String
        }
        struct Block: Encodable {
            var name: String, pages: [String], translations: [String: String]
        }
        struct Report: Encodable {
            var errors: Int, warnings: Int, diagnostics: [Entry], notChecked: [String]
            var blocks: [Block]?
        }
        let report = Report(
            errors: diagnostics.filter { $0.severity == .error }.count,
            warnings: diagnostics.filter { $0.severity == .warning }.count,
            diagnostics: diagnostics.map {
                Entry(
                    file: $0.location.file, line: $0.location.line, column: $0.location.column,
                    severity: $0.severity.rawValue, message: $0.message)
            },
            notChecked: skipped,
            blocks: blocks.isEmpty
                ? nil
                : blocks.map {
                    Block(
                        name: $0.name, pages: $0.pages,
                        translations: Dictionary(uniqueKeysWithValues: $0.states.map { ($0.locale, $0.state) }))
                }
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(report), as: UTF8.self)
    }
}
