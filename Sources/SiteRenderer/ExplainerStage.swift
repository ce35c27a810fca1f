import CommonMark
import Foundation
import PulseExplainer
import SiteModel
import SiteResolver
import SiteSupport
import SiteWideOutputs

/// The ```pulse blocks of every page: presets decoded once, each block checked
/// (errors at the block's file and line), rendered in its page's locale, and
/// one shared state-grid file for the page script.
struct ExplainerStage {
    static let language = "pulse"

    let library: PresetLibrary
    private(set) var diagnostics: [Diagnostic]

    /// Decodes `Content/pulse-presets.yml`, if the site has one.
    init(graph: SiteGraph) {
        if let source = graph.pulsePresets {
            let decoded = PresetLibrary.decode(source.text, file: source.file)
            (library, diagnostics) = (decoded.value ?? .empty, decoded.diagnostics)
        } else {
            (library, diagnostics) = (.empty, [])
        }
    }

    /// The locale strings explainers need (none for a site without presets).
    func usedStrings(_ graph: SiteGraph) -> [String: String] {
        guard graph.pulsePresets != nil else { return [:] }
        return Dictionary(
            uniqueKeysWithValues: PulseExplainerStrings.used(by: library).map { ($0, "the pulse explainer") })
    }

    struct Output {
        /// Per page, the HTML of each of its embeds.
        var html: [[String]]
        /// The shared state grid, if any page has an interactive explainer.
        var states: OutputFile?
        var diagnostics: [Diagnostic]
    }

    /// Renders every page's embeds. Sequential: the state file's model order
    /// follows page order, so the output is the same on every run.
    func render(_ graph: SiteGraph, embeds: [[Embed]], strings: LocaleStrings) -> Output {
        var diagnostics: [Diagnostic] = []
        var requests: [[ExplainerRequest?]] = []
        var plan = ExplainerPlan()
        var modelIndices: [[Int?]] = []
        for (index, pageEmbeds) in embeds.enumerated() {
            let base = graph.pages[index].source.bodyLocation
            var pageRequests: [ExplainerRequest?] = []
            var pageModels: [Int?] = []
            for embed in pageEmbeds {
                // Shared blocks are placed by `BlockStage`; their slots stay empty here.
                guard embed.language == Self.language else {
                    pageRequests.append(nil)
                    pageModels.append(nil)
                    continue
                }
                let decoded = ExplainerRequest.decode(
                    embed.source, fence: base.within(line: embed.position.line, column: 1), library: library)
                let request = decoded.value
                // A borrowed page repeats its original's blocks; report them once.
                if !graph.pages[index].isFallback { diagnostics += decoded.diagnostics }
                pageRequests.append(request)
                if case .single(let subject, _)? = request {
                    pageModels.append(plan.modelIndex(for: subject.described.setting))
                } else {
                    pageModels.append(nil)
                }
            }
            requests.append(pageRequests)
            modelIndices.append(pageModels)
        }
        let comparisonID = comparisonPageID(graph, diagnostics: &diagnostics)
        var states: OutputFile?
        if !plan.isEmpty {
            let data = Data(plan.statesJSON().utf8)
            states = OutputFile(path: "assets/pulse-states.\(ContentHash.of(data)).json", contents: data)
        }
        let statesURL = graph.config.basePath + (states?.path ?? "")
        let html = graph.pages.indices.map { index in
            // Explainers are numbered among explainers: a shared block's fence leaves their ids as they were.
            var explainers = 0
            return requests[index].enumerated().map { number, request -> String in
                guard embeds[index][number].language == Self.language else { return "" }
                explainers += 1
                guard let request else { return "" }
                let page = graph.pages[index]
                // In the language of the content around it (a borrowed page's original).
                let text = strings.strings(for: page.source.locale)
                let context = ExplainerContext(
                    // locale.yml may pin the separator (`decimalSeparator`); else the locale's convention.
                    strings: text,
                    numbers: LocaleNumbers(
                        decimalSeparator: text["decimalSeparator"]
                            ?? LocaleFormats.decimalSeparator(graph.contentLocale(of: page))),
                    statesURL: statesURL, comparisonURL: comparisonURL(comparisonID, from: index, graph: graph),
                    idPrefix: "pulse-\(explainers)", plurals: PluralRules(page.source.locale)
                )
                return ExplainerHTML.html(
                    for: request, modelIndex: modelIndices[index][number] ?? 0, library: library, context: context)
            }
        }
        return Output(html: html, states: states, diagnostics: diagnostics)
    }

    /// The comparison page's id, checked to exist in the default locale.
    private func comparisonPageID(_ graph: SiteGraph, diagnostics: inout [Diagnostic]) -> String? {
        guard let id = library.comparisonPage else { return nil }
        guard graph.pagesByID[graph.config.defaultLocale]?[id.value] != nil else {
            diagnostics.append(
                .error(
                    id.location,
                    "pulse presets: comparisonPage '\(id.value)' is not the id of a page in "
                        + "'\(graph.config.defaultLocale)'"
                ))
            return nil
        }
        return id.value
    }

    /// The comparison page in the page's locale, else in the default locale;
    /// nil on the comparison page itself.
    private func comparisonURL(_ id: String?, from index: Int, graph: SiteGraph) -> String? {
        guard let id, graph.pages[index].id != id else { return nil }
        let locale = graph.pages[index].locale
        let target = graph.pagesByID[locale]?[id] ?? graph.pagesByID[graph.config.defaultLocale]?[id]
        return target.map { graph.pages[$0].url }
    }
}
