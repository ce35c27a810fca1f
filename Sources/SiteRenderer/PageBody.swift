import CommonMark
import SiteResolver
import SiteWideOutputs
import TemplateEngine

/// Where an internal link of a page's body leads: a page (and a heading on it), or a file.
enum LinkTarget: Sendable {
    case page(LinkResolver.Target)
    /// A file beside the pages or in `Content/files/`, at its published URL.
    case file(url: String)
    /// `site:feed`: a page the site makes, in the locale of the page showing the link.
    case generated(String)
}

/// A page's body as templates insert it (`{{{page.content}}}`): its
/// Markdown's HTML with every hole filled for this page, written straight
/// into the page's output. A borrowed copy shares its original's converted
/// Markdown, glossary links and citations; only its link URLs and
/// explainers are its own.
struct PageBody: TemplateHTMLWriter, Sendable {
    let markdown: RenderedMarkdown
    /// Each internal link's URL (empty when it does not resolve: the build then fails).
    let linkURLs: [String]
    /// Each embed's HTML, in the page's locale.
    let embedHTML: [String]
    let shared: SharedFill

    /// What every page showing the same source fills in alike.
    struct SharedFill: Sendable {
        /// Where each internal link leads from the source page (nil: nowhere, an error there).
        var linkTargets: [LinkTarget?] = []
        /// Per image, its picture's HTML.
        var imageHTML: [String] = []
        /// Per glossary use, its tags (nil: left unmarked).
        var termTags: [TermLinkTags?] = []
        /// Per citation, its numbered links.
        var citationHTML: [String] = []
        /// The reference list appended to the body, if the page has references.
        var referenceList = ""
    }

    /// The body of a page that is not published.
    static let empty = PageBody(
        markdown: RenderedMarkdown(htmlBytes: [], headings: [], internalLinks: [], images: [], plainText: ""),
        linkURLs: [],
        embedHTML: [], shared: SharedFill()
    )

    var isEmpty: Bool { markdown.htmlBytes.isEmpty && markdown.holes.isEmpty && shared.referenceList.isEmpty }

    func write(into output: inout HTMLOutput) {
        let fill = HoleFill(
            linkURLs: linkURLs, embedHTML: embedHTML, termTags: shared.termTags, citationHTML: shared.citationHTML,
            imageHTML: shared.imageHTML)
        markdown.write(filling: fill, raw: { output.appendRaw($0) }, escaped: { output.appendEscaped($0) })
        output.appendRaw(shared.referenceList)
    }

    /// The body as a reader reads it, for the search index: its explainers (controls and
    /// numbers) left out.
    var searchText: [UInt8] {
        let embeds = markdown.embeds
        let text = embedHTML.indices.map { index in
            index < embeds.count && embeds[index].language == ExplainerStage.language ? "" : embedHTML[index]
        }
        let withoutExplainers = PageBody(markdown: markdown, linkURLs: linkURLs, embedHTML: text, shared: shared)
        var output = HTMLOutput()
        withoutExplainers.write(into: &output)
        return output.withBytes { HTMLText.utf8($0) }
    }
}
