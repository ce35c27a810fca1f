import CommonMark
import SiteModel

/// What a translator translates of one page: its title, its description, and each text block of
/// its body with the alt text and caption of each picture, keyed by a structural id.
struct PageUnits: Sendable {
    enum Part: Sendable, Hashable {
        /// `title`, `description` or `imageAlt`: the front matter's text.
        case frontMatter(String)
        case block(TextBlock)
        case altText(block: String, image: Int)
        case caption(block: String, image: Int)
    }

    struct Unit: Sendable {
        /// `title`, `description`, `imageAlt`, `p3`, `list1.item2.p1`, `p5.img1.alt`, `p5.img1.caption`.
        var id: String
        var part: Part
        var pieces: [InlinePiece]
        /// The line of the file the unit starts on; 0 for the front matter's texts.
        var line: Int
    }

    var units: [Unit]
    /// Every text block of the body, with or without a unit of its own (a picture alone in its
    /// paragraph has none, but its alt text and caption have).
    var blocks: [TextBlock]

    init(page: SourcePage, terms: [TermPattern]) {
        blocks = TextBlockReader.blocks(in: page.body, terms: terms)
        let firstLine = page.bodyLocation.line
        let texts = [
            ("title", page.frontMatter.title), ("description", page.frontMatter.description),
            ("imageAlt", page.frontMatter.imageAlt ?? ""),
        ]
        units = texts.filter { !$0.1.isEmpty }.map { key, text in
            Unit(id: key, part: .frontMatter(key), pieces: [.text(text)], line: 0)
        }
        for block in blocks {
            let line = firstLine + block.line - 1
            if block.hasText {
                units.append(Unit(id: block.id, part: .block(block), pieces: block.pieces, line: line))
            }
            for (index, image) in block.images.enumerated() {
                let name = "\(block.id).img\(index + 1)"
                if !image.altText.isEmpty {
                    units.append(
                        Unit(
                            id: name + ".alt", part: .altText(block: block.id, image: index),
                            pieces: [.text(image.altText)], line: line))
                }
                if !image.title.isEmpty {
                    units.append(
                        Unit(
                            id: name + ".caption", part: .caption(block: block.id, image: index),
                            pieces: [.text(image.title)], line: line))
                }
            }
        }
    }

    func unit(_ id: String) -> Unit? { units.first { $0.id == id } }

    /// What the unit is, for the translator.
    static func note(for part: Part) -> String {
        switch part {
        case .frontMatter("title"): "Page title (browser tab, search results, the page's main heading)."
        case .frontMatter("description"):
            "Page description: shown in search results and link previews; about 150 characters."
        case .frontMatter: "Alt text of the page's link-preview picture."
        case .block(let block):
            switch block.kind {
            case .heading(let level): "Heading, level \(level)."
            case .tableCell: "Table cell."
            case .paragraph:
                block.id.contains("footnote")
                    ? "Footnote text." : block.id.contains("item") ? "List item." : "Paragraph."
            }
        case .altText: "Alt text of a picture: what it shows, for people who cannot see it."
        case .caption: "Caption of a picture, shown under it."
        }
    }
}
