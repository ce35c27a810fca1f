import TemplateEngine

/// What every kind of page has, and all that the partials every kind
/// includes (`partials/head`, `partials/header`) may name: the page's head,
/// its languages and the locale's values. Made as those partials render.
final class SharedPageValues: HasPageFrame {
    let frame: PageFrame
    let page: PageHead

    init(frame: PageFrame, page: PageHead) {
        self.frame = frame
        self.page = page
    }

    /// The partials compiled against these values instead of each page kind's.
    static let partials = SharedPartials(
        names: ["partials/head", "partials/header"], shape: .object(.of(SharedPageValues.self))
    ) { root in
        guard case .object(let page as any FramedPage) = root else { return .none }
        return .object(page.sharedValues)
    }

    static let templateName = "every page"
    static let templateFields = TemplateFields<SharedPageValues>(
        [
            .object("page", "The page: `title`, `description`, `canonical`, `ogImage`, `jsonLD`, `hasExplainer`.") {
                $0.page
            }
        ] + frameFields)
}

/// A page as its head describes it, whatever its kind.
final class PageHead: TemplateObject, Sendable {
    let title: String
    let description: String?
    let canonical: String
    let ogImage: OpenGraphImage?
    let jsonLD: String?
    let hasExplainer: Bool

    init(
        title: String, description: String?, canonical: String, ogImage: OpenGraphImage?, jsonLD: String?,
        hasExplainer: Bool
    ) {
        self.title = title
        self.description = description
        self.canonical = canonical
        self.ogImage = ogImage
        self.jsonLD = jsonLD
        self.hasExplainer = hasExplainer
    }

    static let templateName = "`page` in shared partials"
    static let templateFields = TemplateFields<PageHead>([
        .text("title", "The page's title.") { $0.title },
        .optionalText("description", "The page's description, if it has one.") { $0.description },
        .text("canonical", "The page's canonical URL.") { $0.canonical },
        .optionalObject("ogImage", "The link-preview picture, if the page or the site has one.") { $0.ogImage },
        .optionalHTML("jsonLD", "A topic's schema.org `MedicalWebPage` data, as JSON; none on other pages.") {
            $0.jsonLD
        },
        .flag("hasExplainer", "Whether the body shows a pulse explainer (it needs its script).") { $0.hasExplainer },
    ])
}
