import CommonMark
import ContentLoader
public import Foundation
import PulseExplainer
import SiteModel

/// What the fuzz target does with one input: the bytes of a page file go
/// through the same stages a build runs on each page — decoding and front
/// matter, Markdown with placeholders, glossary terms and ```pulse blocks,
/// and the explainer's physics and HTML — all in memory.
///
/// Beyond "does not crash", each run checks what must hold for any input;
/// a broken rule is reported as a `Violation`, which the fuzz entry point
/// turns into a crash so libFuzzer keeps the input.
public struct PageFuzzer: Sendable {
    public static let file = "Content/en/fuzz.md"

    private let library: PresetLibrary
    private let strings: [String: String]
    private let terms: [TermPattern]

    /// - Parameters:
    ///   - presets: the text of a `pulse-presets.yml` (the real one, so that
    ///     blocks naming its presets reach the physics).
    ///   - strings: a locale's strings, for the explainer's words.
    public init(presets: String, strings: [String: String]) {
        library = PresetLibrary.decode(presets, file: "Content/pulse-presets.yml").value ?? .empty
        self.strings = strings
        terms = [TermPattern(phrases: ["TENS", "nerve"]), TermPattern(phrases: ["pulse width", "pulse"])]
    }

    public struct Violation: Error, CustomStringConvertible {
        public var description: String
    }

    /// Runs one input. Throws only when a rule that must hold for every input is broken.
    public func run(_ data: Data) throws(Violation) {
        let parsed = ContentLoader.parsePage([UInt8](data), locale: "en", relativePath: "fuzz.md", file: Self.file)
        try checkDiagnostics(parsed.diagnostics, pageLoaded: parsed.value != nil)
        guard let page = parsed.value else { return }
        // A build's options (MarkdownStage), so that the render callback writes footnotes and tables.
        let options = MarkdownOptions(
            footnoteLabels: FootnoteLabels(title: "Notes", backLink: "Back to the text"), embedLanguages: ["pulse"],
            terms: terms, collectsPlainText: false, tableLabel: "Table")
        let markdown = MarkdownConverter.convert(page.body, options: options) {
            !$0.contains(":") && !$0.hasPrefix("//")
        }
        var plan = ExplainerPlan()
        let embedHTML = markdown.embeds.enumerated().map { number, embed in
            explainer(embed, page: page, number: number, plan: &plan)
        }
        // Filled as a build fills a page's body (`PageBody`), with made-up links, tags and pictures.
        let fill = HoleFill(
            linkURLs: markdown.internalLinks.map { _ in "/en/target/" }, embedHTML: embedHTML,
            termTags: markdown.termUses.map { _ in TermLinkTags(open: "<a href=\"/g/\">", close: "</a>") },
            citationHTML: markdown.citations.indices.map { "<sup><a href=\"#ref-\($0 + 1)\">\($0 + 1)</a></sup>" },
            imageHTML: markdown.images.map(Image.plainHTML))
        let html = markdown.html(filling: fill)
        try checkSafe(html)
        // The state grid is left out: its slider axes are fixed, so inputs
        // barely change it, and computing it takes ~50 ms a run (grid against
        // physics is checked at 1,000 random states in PulseExplainerTests).
    }

    private func explainer(_ embed: Embed, page: SourcePage, number: Int, plan: inout ExplainerPlan) -> String {
        let fence = page.bodyLocation.within(line: embed.position.line, column: 1)
        let request = ExplainerRequest.decode(embed.source, fence: fence, library: library).value
        let context = ExplainerContext(
            strings: strings, numbers: LocaleNumbers(decimalSeparator: ","),
            statesURL: "/assets/pulse-states.json", comparisonURL: "/en/compare/", idPrefix: "pulse-\(number + 1)"
        )
        guard let request else { return "" }
        var model = 0
        if case .single(let subject, _) = request { model = plan.modelIndex(for: subject.described.setting) }
        return ExplainerHTML.html(for: request, modelIndex: model, library: library, context: context)
    }

    /// Every problem names the page; a page that did not load says why.
    private func checkDiagnostics(_ diagnostics: [Diagnostic], pageLoaded: Bool) throws(Violation) {
        for diagnostic in diagnostics where diagnostic.location.file != Self.file {
            throw Violation(description: "diagnostic names another file: \(diagnostic)")
        }
        if !pageLoaded, !diagnostics.hasErrors {
            throw Violation(description: "the page was dropped without an error")
        }
    }

    /// Raw HTML is off: nothing the author typed may become a script, an
    /// event-handler attribute or a script URL.
    private func checkSafe(_ html: String) throws(Violation) {
        if let problem = UnsafeMarkup.problems(in: html).first {
            throw Violation(description: problem)
        }
    }
}
