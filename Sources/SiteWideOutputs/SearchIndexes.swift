public import CommonMark
public import Foundation
public import SiteModel
public import SiteResolver
import SiteSupport
import Stemming

/// Every locale's search index (see `SearchIndex`), made in parallel from the pages' text.
///
/// A locale indexes its own text only: its pages, its glossary's terms and definitions. A borrowed
/// copy (a page shown in another language until it is translated) is left out of the borrowing
/// locale's index: its words are its original's language, which that locale's stemmer and
/// readers do not expect, and its original is found in the original's own locale.
public struct SearchIndexes: Sendable {
    /// The folder of every locale's index (see `SearchIndex`).
    public static let folder = "assets/search/"
    public private(set) var locales: [SearchIndex]

    /// - Parameters:
    ///   - headings: each page's headings.
    ///   - bodyText: page `index`'s body as a reader sees it (called in parallel).
    public init(_ graph: SiteGraph, headings: [[Heading]], bodyText: @escaping @Sendable (Int) -> [UInt8]) {
        // Each locale's pages found in one pass over the graph (a pass per locale compared every
        // page's locale 40 times at 40 locales, on one core), their documents made in parallel.
        let pagesByLocale = graph.pages.withUnsafeBufferPointer { pages in
            Dictionary(grouping: pages.indices) { pages[$0].locale }
        }
        let documents = ParallelMap.map(graph.locales.map(\.tag)) { tag in
            Self.documents(locale: tag, pages: pagesByLocale[tag] ?? [], graph: graph, headings: headings)
        }
        // Batches of one locale's documents, each with its own term counter and stemmer: at most
        // eight a locale, so that the cores share the work, and at least 256 documents each, so that
        // each stems most of its words once (most words repeat). With 32, a locale of 200 pages
        // learnt its words seven times over: 8 % of the stage's instructions at 40 locales.
        let batches = documents.enumerated().flatMap { locale, list in
            let size = max(256, (list.count + 7) / 8)
            return stride(from: 0, to: list.count, by: size).map {
                (locale: locale, range: $0..<min(list.count, $0 + size))
            }
        }
        let tags = graph.locales.map(\.tag)
        let analysed = ParallelMap.map(batches) { batch -> AnalysedBatch in
            var counter = TermCounter(language: tags[batch.locale])
            let documents = documents[batch.locale][batch.range].map {
                Self.analyse($0, counter: &counter, bodyText: bodyText)
            }
            return AnalysedBatch(vocabulary: counter.vocabulary, documents: documents)
        }
        var grouped = Array(repeating: [AnalysedBatch](), count: tags.count)
        for (batch, results) in zip(batches, analysed) { grouped[batch.locale].append(results) }
        let byLocale = grouped
        locales = ParallelMap.map(Array(tags.indices)) { locale in
            Self.index(locale: tags[locale], batches: byLocale[locale])
        }
    }

    /// One locale's index, from its batches (in order), each counted with its own vocabulary.
    private static func index(locale: String, batches: [AnalysedBatch]) -> SearchIndex {
        var vocabulary = TermVocabulary()
        var terms: [TermCounts] = []
        for batch in batches {
            let numbers = batch.vocabulary.terms.map { vocabulary.number(of: $0) }
            terms += batch.documents.map { $0.terms.renumbered(numbers) }
        }
        let documents = batches.flatMap(\.documents)
        return SearchIndex(
            locale: locale, documents: documents.map(\.document), vocabulary: vocabulary, terms: terms,
            fragments: documents.map(\.fragment))
    }

    /// Every file of every index.
    public var files: [OutputFile] {
        locales.flatMap { index in
            index.files.sorted { $0.key < $1.key }.map { OutputFile(path: $0.key, contents: $0.value) }
        }
    }

    /// Each locale's meta file, which its search page names.
    public var metaPaths: [SearchIndexFile] { locales.map { SearchIndexFile(locale: $0.locale, path: $0.metaPath) } }

    /// What indexing pages again changed: the files made again, and the paths that are new to the
    /// indexes and gone from them.
    public struct Edit: Sendable {
        public var written: [OutputFile] = []
        public var added: Set<String> = []
        public var removed: Set<String> = []
    }

    /// Indexes pages `pages` again as `graph` now has them.
    /// - Parameter headings: page `index`'s headings.
    public mutating func replace(
        pages: [Int], in graph: SiteGraph, headings: (Int) -> [Heading], bodyText: @Sendable (Int) -> [UInt8]
    ) -> Edit {
        var edit = Edit()
        var touched = Set<Int>()
        for page in pages {
            guard let locale = locales.firstIndex(where: { $0.locale == graph.pages[page].locale }),
                let index = locales[locale].documents.firstIndex(where: { $0.page == page }),
                let document = Self.pageDocument(page, graph: graph, headings: headings(page))
            else { continue }
            var counter = TermCounter(language: locales[locale].locale)
            let analysed = Self.analyse(document, counter: &counter, bodyText: bodyText)
            if touched.insert(locale).inserted { locales[locale].recordChangedPaths() }
            let terms = locales[locale].adopt(analysed.terms, countedIn: counter.vocabulary)
            let paths = locales[locale].replace(
                index, by: analysed.document, terms: terms, fragment: analysed.fragment)
            edit.written += paths.compactMap { path in
                locales[locale].files[path].map { OutputFile(path: path, contents: $0) }
            }
        }
        // Each locale's folder is its own: their changes do not overlap.
        for locale in touched {
            guard let changed = locales[locale].changedPaths else { continue }
            edit.added.formUnion(changed.added)
            edit.removed.formUnion(changed.removed)
        }
        return edit
    }

    /// A document with its body text read, its terms counted and its fragment written.
    private struct AnalysedDocument {
        var document: SearchDocument
        /// Numbered by the vocabulary of the counter that counted them.
        var terms: TermCounts
        var fragment: Data
    }

    /// A batch of one locale's documents, counted by one `TermCounter`.
    private struct AnalysedBatch {
        var vocabulary: TermVocabulary
        var documents: [AnalysedDocument]
    }

    private static func analyse(
        _ document: SearchDocument, counter: inout TermCounter, bodyText: (Int) -> [UInt8]
    ) -> AnalysedDocument {
        var document = document
        if let page = document.page { document.text = bodyText(page) }
        let terms = DocumentWeights.count(document, with: &counter)
        let fragment = document.fragment
        // The fragment holds the text: the index keeps its documents for their other fields.
        document.text = []
        return AnalysedDocument(document: document, terms: terms, fragment: fragment)
    }

    /// The documents of locale `tag`, whose pages are `pages` (in the graph's order), then the
    /// glossary's terms.
    static func documents(
        locale tag: String, pages: [Int], graph: SiteGraph, headings: [[Heading]]
    ) -> [SearchDocument] {
        var documents = pages.compactMap { pageDocument($0, graph: graph, headings: headings[$0]) }
        if let glossary = graph.pagesByID[tag]?[GlossaryPages.id], graph.pages[glossary].fallbackOf == nil,
            graph.pages[glossary].isPublished
        {
            let page = graph.pages[glossary]
            for (term, heading) in zip(graph.contentLocale(of: page).glossary, headings[glossary]) {
                documents.append(
                    SearchDocument(
                        page: nil, url: page.url + "#" + heading.anchor, title: term.term, section: page.title,
                        description: "", headings: [], text: Array(term.definition.utf8)))
            }
        }
        return documents
    }

    /// Page `index`'s document, its body text not yet read; nil if the locale does not index it
    /// (the home page, a borrowed copy, a page not published).
    static func pageDocument(_ index: Int, graph: SiteGraph, headings: [Heading]) -> SearchDocument? {
        // Read in place (see `documents`).
        graph.pages.withUnsafeBufferPointer { pages in pageDocument(index, pages: pages, headings: headings) }
    }

    private static func pageDocument(
        _ index: Int, pages: UnsafeBufferPointer<PageNode>, headings: [Heading]
    ) -> SearchDocument? {
        // Fields read in place: a page bound to a local copied the whole node, retaining each field.
        guard pages[index].fallbackOf == nil, pages[index].isPublished, pages[index].source.kind != .home else {
            return nil
        }
        let section = pages[index].parent.map { pages[$0].source.kind == .home ? "" : pages[$0].title } ?? ""
        // The glossary page's body is its terms, which are documents of their own.
        let isGlossary = pages[index].id == GlossaryPages.id
        return SearchDocument(
            page: isGlossary ? nil : index, url: pages[index].url, title: pages[index].title, section: section,
            description: pages[index].source.frontMatter.description,
            headings: isGlossary ? [] : headings.filter { (2...3).contains($0.level) }.map(\.text), text: [])
    }
}
