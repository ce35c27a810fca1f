import TemplateEngine

// The page kinds' values (HomePage, TopicPage, …, ContentPageValue, PageFrame, Notices) are declared in
// PageValues.records; here, what the kinds have in common.

/// Values that offer a page's frame at their top level.
protocol HasPageFrame: TemplateObject, Sendable {
    var frame: PageFrame { get }
}

/// A kind of page: its frame, and what its head says about it.
protocol FramedPage: HasPageFrame {
    var head: PageHead { get }
}

extension FramedPage {
    /// The values the shared partials see.
    var sharedValues: SharedPageValues { SharedPageValues(page: head, frame: frame) }
}

/// The home, section, topic and glossary pages: a body and its notices.
protocol ContentPage: FramedPage {
    var page: ContentPageValue { get }
    var notices: Notices { get }
}

extension ContentPage {
    var head: PageHead {
        PageHead(
            title: page.title, description: page.description, canonical: page.canonical, ogImage: page.ogImage,
            jsonLD: page.jsonLD, hasExplainer: page.hasExplainer)
    }
}

extension HomePage: ContentPage {}
extension SectionPage: ContentPage {}
extension TopicPage: ContentPage {}
extension GlossaryPage: ContentPage {}

/// The pages without a body of their own: search, 404, redirects, the language chooser.
protocol DocumentPage: FramedPage {
    var page: DocumentValue { get }
}

extension DocumentPage {
    var head: PageHead {
        PageHead(
            title: page.title, description: page.description, canonical: page.canonical, ogImage: page.ogImage,
            jsonLD: nil, hasExplainer: false)
    }
}

extension SearchPage: DocumentPage {}
extension NotFoundPage: DocumentPage {}
extension RedirectPage: DocumentPage {}
extension LanguageChooserPage: DocumentPage {}
