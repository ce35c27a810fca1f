import CommonMark
public import SiteModel
import SiteRenderer
import SiteResolver
public import SpinesiteKit
import XLIFF

/// `spinesite translations export --locale TAG`: the pages a locale needs, its interface strings
/// and its glossary, as one XLIFF 1.2 file for a CAT tool.
public enum TranslationExport {
    /// Which pages go into the file.
    public enum Selection: String, Sendable, CaseIterable {
        /// Stale, unstamped and missing translations: what a translator has to do (the default).
        case needed
        case stale
        case missing
        case all
    }

    public struct Outcome: Sendable {
        public var xliff: String
        public var pages: Int
        /// Shared blocks (`_blocks/…md`), each a `<file>` of its own.
        public var blocks: Int = 0
        public var units: Int
        /// Units that go with the current translation as a target to review.
        public var unitsWithTargets: Int
        /// Units marked `needs-review-translation`: changed since they were translated, or pending.
        public var unitsToReview: Int = 0
        public var strings: Int
        /// Units of glossary terms (headword, definition, each form).
        public var glossaryUnits: Int
        public var words: Int
        /// Stale pages whose stamped original is not in git history: all their units are for review.
        public var warnings: [Diagnostic] = []
    }

    /// The state of a target a translator has to look at.
    static let toReview = "needs-review-translation"

    public static func export(
        locale tag: String, selection: Selection, pseudo: Bool = false, options: BuildOptions
    ) throws(BuildFailure) -> Outcome {
        let graph = try TranslationLocale.resolve(options)
        let locale = try TranslationLocale.check(tag, in: graph, argument: "--locale")
        let defaultLocale = graph.locales[known: graph.config.defaultLocale]
        let terms = defaultLocale.termPatterns
        let localTerms = locale.termPatterns
        var outcome = Outcome(
            xliff: "", pages: 0, units: 0, unitsWithTargets: 0, strings: 0, glossaryUnits: 0, words: 0)
        var files: [XLIFFFile] = []
        /// Adds `original`'s file when `selection` takes it: a page, or a block's page value.
        func add(_ original: SourcePage, translation: SourcePage?, status: TranslationStatus, pageID: String?) {
            guard includes(status, selection) else { return }
            let review = translation.flatMap { translation -> UnitReview? in
                guard status == .stale, !pseudo else { return nil }
                return UnitReview(
                    translation: translation, original: original, digest: SharedBlockText.digest(of: original),
                    terms: terms, options: options)
            }
            if case .noHistory(let reason) = review?.basis, let translation {
                let location =
                    translation.frontMatter.translationOf?.location ?? SourceLocation(file: translation.file)
                outcome.warnings.append(.warning(location, reason))
            }
            let file = pageFile(
                original, pageID: pageID, translation: translation.map { PageUnits(page: $0, terms: localTerms) },
                status: status, review: review, sourceLanguage: defaultLocale.tag, targetLanguage: tag, terms: terms,
                pseudo: pseudo)
            if pageID == nil { outcome.blocks += 1 } else { outcome.pages += 1 }
            outcome.units += file.units.count
            outcome.unitsWithTargets += file.units.filter { $0.target != nil }.count
            outcome.unitsToReview += file.units.filter { $0.state == Self.toReview }.count
            outcome.words += file.units.map { WordCount.words(in: $0.source.plainText) }.reduce(0, +)
            files.append(file)
        }
        for original in graph.pages.indices where isExportable(original, graph) {
            let page = graph.pages[original]
            let translation = graph.pagesByID[tag]?[page.id].flatMap { graph.pages[$0].isFallback ? nil : $0 }
            add(
                page.source, translation: translation.map { graph.pages[$0].source },
                status: translation.map { graph.pages[$0].translationStatus } ?? .fallback, pageID: page.id)
        }
        // Shared blocks, each its own <file> (`_blocks/safety/skin.md`): a locale without a block shows
        // the original's, as a page falls back.
        for block in graph.blocks(in: graph.config.defaultLocale) {
            let translation = graph.blocksByName[tag]?[block.name].map { graph.blocks[$0] }
            add(
                SharedBlockText.page(block.source), translation: translation.map { SharedBlockText.page($0.source) },
                status: translation?.translationStatus ?? .fallback, pageID: nil)
        }
        let strings = InterfaceStrings.file(
            defaultLocale: defaultLocale, locale: locale, all: selection == .all, pseudo: pseudo)
        let glossary = GlossaryExchange.file(
            defaultLocale: defaultLocale, locale: locale, all: selection == .all, pseudo: pseudo)
        outcome.strings = strings.units.count
        outcome.glossaryUnits = glossary.units.count
        outcome.words += (strings.units + glossary.units).map { WordCount.words(in: $0.source.plainText) }
            .reduce(0, +)
        files += [strings, glossary]
        outcome.xliff = XLIFFWriter.write(XLIFFDocument(files: files))
        return outcome
    }

    /// One page's `<file>`: each unit with, for a page already translated, the translation's unit
    /// at the same place as its target (or, with `pseudo`, a pseudo-translation). A current target is
    /// `translated` (and approved, so that xliff2po does not make it fuzzy); of a stale page's
    /// targets, with its `review`, only those of units that changed or wait are to review.
    private static func pageFile(
        _ page: SourcePage, pageID: String?, translation: PageUnits?, status: TranslationStatus, review: UnitReview?,
        sourceLanguage: String, targetLanguage: String, terms: [TermPattern], pseudo: Bool
    ) -> XLIFFFile {
        let digest = SharedBlockText.digest(of: page)
        var file = XLIFFFile(
            original: page.relativePath, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage,
            datatype: "x-markdown", pageID: pageID, digest: digest, units: [])
        for unit in PageUnits(page: page, terms: terms).units {
            var xliffUnit = XLIFFUnit(
                id: unit.id, source: UnitContent.xliff(unit.pieces),
                location: "\(page.relativePath)@\(digest)#\(unit.id)",
                note: PageUnits.note(for: unit.part) + " \(page.file)" + (unit.line > 0 ? ", line \(unit.line)." : ".")
            )
            let state = review?.state(unit.id) ?? (status == .current ? .current : .changed(before: nil))
            if pseudo {
                xliffUnit.pseudoTranslate()
            } else if case .pending(_, translated: false) = state {
                xliffUnit.note? += " Not translated yet."
            } else if let match = translation?.unit(unit.id), TranslatedUnit.sameKind(match.part, unit.part) {
                xliffUnit.target = UnitContent.xliff(TranslatedUnit.aligned(match.pieces, to: unit.pieces))
                xliffUnit.state = state.waits ? toReview : "translated"
                xliffUnit.approved = state.waits ? nil : true
                if review != nil { xliffUnit.note? += changeNote(state, now: unit.pieces) }
            }
            file.units.append(xliffUnit)
        }
        return file
    }

    /// What changed in a unit to review, for the translator: its source then and now.
    private static func changeNote(_ state: UnitReview.State, now: [InlinePiece]) -> String {
        let before: [InlinePiece]?
        switch state {
        case .current: return ""
        case .changed(let earlier): before = earlier
        case .pending(let earlier, _): before = earlier
        }
        let was = before.map { "\"" + UnitContent.xliff($0).plainText + "\"" } ?? "(not known)"
        return " Changed since it was translated. Before: \(was) Now: \"\(UnitContent.xliff(now).plainText)\""
    }

    /// Pages of the default locale written as Markdown (not generated ones, not borrowed copies).
    private static func isExportable(_ index: Int, _ graph: SiteGraph) -> Bool {
        let page = graph.pages[index]
        return page.locale == graph.config.defaultLocale && !page.isFallback && !page.isGenerated
            && !page.source.isSynthesized
    }

    private static func includes(_ status: TranslationStatus, _ selection: Selection) -> Bool {
        switch selection {
        case .all: true
        case .stale: status == .stale || status == .unstamped
        case .missing: status == .fallback
        case .needed: status != .current
        }
    }
}

/// Words of a text, as a translation agency counts them for a quote.
enum WordCount {
    static func words(in text: String) -> Int {
        text.split { $0.isWhitespace }.filter { $0.contains { $0.isLetter || $0.isNumber } }.count
    }
}
