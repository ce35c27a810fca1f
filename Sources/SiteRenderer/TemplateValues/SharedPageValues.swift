import TemplateEngine

/// What every kind of page has, and all that the partials every kind
/// includes (`partials/head`, `partials/header`) may name: the page's head,
/// its languages and the locale's values. Made as those partials render.
struct SharedPageValues: HasPageFrame {
    var frame: PageFrame
    @Boxed var page: PageHead

    /// The partials compiled against these values instead of each page kind's.
    static let partials = SharedPartials(
        names: ["partials/head", "partials/header"], shape: .object(.of(SharedPageValues.self))
    ) { root in
        guard case .object(let page as any SharesPageValues) = root else { return .none }
        return .object(page.sharedValues)
    }

    static let templateName = "every page"
    static let templateFields = TemplateFields<TemplateBox<SharedPageValues>>(
        [
            .object("page", "The page: `title`, `description`, `canonical`, `ogImage`, `jsonLD`, `hasExplainer`.") {
                $0.value.$page
            }
        ] + frameFields)
}

/// A template's root value that has shared values: a page of any kind.
protocol SharesPageValues {
    var sharedValues: TemplateBox<SharedPageValues> { get }
}

extension TemplateBox: SharesPageValues where Record: FramedPage {
    var sharedValues: TemplateBox<SharedPageValues> {
        TemplateBox<SharedPageValues>(SharedPageValues(frame: value.frame, page: value.head))
    }
}

/// A page as its head describes it, whatever its kind.
struct PageHead: TemplateRecord {
    var title: String
    var description: String?
    var canonical: String
    /// The page's own box: the head is made as the page renders, and shares it.
    var ogImage: TemplateBox<OpenGraphImage>?
    var jsonLD: String?
    var hasExplainer: Bool

    static let templateName = "`page` in shared partials"
    static let templateFields = TemplateFields<TemplateBox<PageHead>>([
        .text("title", "The page's title.") { $0.value.title },
        .optionalText("description", "The page's description, if it has one.") { $0.value.description },
        .text("canonical", "The page's canonical URL.") { $0.value.canonical },
        .optionalObject("ogImage", "The link-preview picture, if the page or the site has one.") {
            $0.value.ogImage
        },
        .optionalHTML("jsonLD", "A topic's schema.org `MedicalWebPage` data, as JSON; none on other pages.") {
            $0.value.jsonLD
        },
        .flag("hasExplainer", "Whether the body shows a pulse explainer (it needs its script).") {
            $0.value.hasExplainer
        },
    ])
}
