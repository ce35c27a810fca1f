import CommonMark
import SiteResolver

/// What other pages and files show of a page's Markdown: its headings and explainer blocks (not
/// their lines), and the pictures and files it uses (which the whole build publishes). A picture's
/// HTML (alt text included) and a file link's URL are kept by position between saves, so both
/// count, and each file link with its number among the page's links. A save that leaves a page's
/// outline as it was changes that page alone.
public struct PageOutline: Sendable, Equatable {
    struct Heading: Sendable, Equatable {
        var level: Int
        var anchor: String
        var text: String
    }

    /// What the explainer stage renders from a block.
    struct ExplainerBlock: Sendable, Equatable {
        var language: String
        var source: String
    }

    struct Picture: Sendable, Equatable {
        var source: String
        var title: String
        var altText: String
        var isFigure: Bool
    }

    struct FileLink: Sendable, Equatable {
        /// Its number among the page's internal links.
        var position: Int
        var destination: String
    }

    var headings: [Heading]
    var explainerBlocks: [ExplainerBlock]
    var pictures: [Picture]
    var fileLinks: [FileLink]

    init(_ rendered: RenderedMarkdown) {
        headings = rendered.headings.map { Heading(level: $0.level, anchor: $0.anchor, text: $0.text) }
        explainerBlocks = rendered.embeds.map { ExplainerBlock(language: $0.language, source: $0.source) }
        pictures = rendered.images.map {
            Picture(source: $0.source, title: $0.title, altText: $0.altText, isFigure: $0.isFigure)
        }
        fileLinks = rendered.internalLinks.enumerated().filter { FileIndex.isFileReference($0.element.destination) }
            .map { FileLink(position: $0.offset, destination: $0.element.destination) }
    }
}
