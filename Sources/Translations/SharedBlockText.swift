import ContentLoader
import Foundation
import SiteModel
import SiteResolver

/// Shared blocks in the translation workflow. A block is translated as a page is (its units, the
/// export and import, stamps, history), so the workflow handles it as a page value that carries the
/// block's body, stamp and waiting units under its own path (`_blocks/safety/skin.md`). Only its
/// digest differs: a block's is its body alone.
enum SharedBlockText {
    /// The block as a page value with no title or description (so its units are its body's).
    static func page(_ block: SourceBlock) -> SourcePage {
        var frontMatter = FrontMatter(title: "", description: "", translationOf: block.translationOf)
        frontMatter.pendingUnits = block.pendingUnits
        return SourcePage(
            locale: block.locale, relativePath: block.relativePath, kind: .topic, frontMatter: frontMatter,
            body: block.body, bodyLocation: block.bodyLocation)
    }

    static func isBlock(_ page: SourcePage) -> Bool { SourceBlock.name(ofRelativePath: page.relativePath) != nil }

    /// The digest a translation of `page` records: a page's, or for a block's page value the block's.
    static func digest(of page: SourcePage) -> String {
        guard let name = SourceBlock.name(ofRelativePath: page.relativePath) else {
            return TranslationTracker.digest(of: page)
        }
        return TranslationTracker.digest(
            of: SourceBlock(locale: page.locale, name: name, body: page.body, bodyLocation: page.bodyLocation))
    }

    /// An earlier version of `current` (a page or a block's page value) read from its bytes.
    static func parse(_ data: Data, like current: SourcePage, file: String) -> SourcePage? {
        guard isBlock(current) else {
            return ContentLoader.parsePage(
                [UInt8](data), locale: current.locale, relativePath: current.relativePath, file: file
            )
            .value
        }
        return ContentLoader.parseBlock(
            [UInt8](data), locale: current.locale, relativePath: current.relativePath, file: file
        )
        .value.map(page)
    }
}
