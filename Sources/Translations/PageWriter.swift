import CommonMark
import Foundation
import SiteModel

/// Writes a translated page: the original's bytes, with each text block's content and each
/// front-matter text replaced by its target, or by the translation as it was, or left as it is.
struct PageWriter {
    let original: SourcePage
    let frontMatter: String
    let translation: SourcePage?
    let units: PageUnits
    private let translationUnits: PageUnits?
    private(set) var keptTranslation: [String] = []
    private(set) var keptOriginal: [String] = []

    /// Front-matter keys that belong to a translation, not to its original: its own URL, its old
    /// URLs, and its own clinical review (a review of the original is not a review of the translation).
    static let translationOwnKeys = ["slug", "aliases", "reviewed", "reviewedBy", "nextReview"]

    init(
        original: SourcePage, frontMatter: String, translation: SourcePage?, terms: [TermPattern],
        localTerms: [TermPattern]
    ) {
        self.original = original
        self.frontMatter = frontMatter
        self.translation = translation
        units = PageUnits(page: original, terms: terms)
        translationUnits = translation.map { PageUnits(page: $0, terms: localTerms) }
    }

    mutating func write(
        targets: [String: [InlinePiece]], problem: (String, UnitProblem) -> Void
    ) -> String {
        for unit in units.units where targets[unit.id] == nil {
            if let match = translationUnits?.unit(unit.id), TranslatedUnit.sameKind(match.part, unit.part) {
                keptTranslation.append(unit.id)
            } else {
                keptOriginal.append(unit.id)
            }
        }
        return frontMatterText(targets) + body(targets, problem: problem)
    }

    private func text(_ id: String, _ targets: [String: [InlinePiece]]) -> String? {
        if let pieces = targets[id] { return plain(pieces) }
        if let match = translationUnits?.unit(id), let unit = units.unit(id),
            TranslatedUnit.sameKind(match.part, unit.part)
        {
            return plain(match.pieces)
        }
        return nil
    }

    /// A front-matter text or caption: one line, whatever line breaks the target had.
    private func plain(_ pieces: [InlinePiece]) -> String {
        InlineMarkdown.oneLine(
            pieces.map { piece in
                switch piece {
                case .text(let text), .term(let text): text
                default: ""
                }
            }.joined())
    }

    private func frontMatterText(_ targets: [String: [InlinePiece]]) -> String {
        var lines = FrontMatterText(frontMatter)
        for case .frontMatter(let key) in units.units.map(\.part) {
            if let value = text(key, targets) { lines.set(key, to: value) }
        }
        let own = translation.map { translation in
            FrontMatterText(
                (try? String(contentsOfFile: translation.file, encoding: .utf8)).flatMap(translation.frontMatter(in:))
                    ?? "")
        }
        for key in Self.translationOwnKeys {
            if let block = own?.block(key) { lines.replace(key, with: block) } else { lines.remove(key) }
        }
        return lines.text
    }

    private func body(_ targets: [String: [InlinePiece]], problem: (String, UnitProblem) -> Void) -> String {
        var body = Array(original.body.utf8)
        let translationBody = translation.map { Array($0.body.utf8) } ?? []
        for block in units.blocks.reversed() {
            let images = images(of: block, targets)
            let match = translationBlock(block.id, kind: block.kind)
            // The translation's own bytes when they say what the target says: an unedited round trip
            // changes nothing (not the translator's own emphasis, quotes or anchors).
            if let match, block.hasText || !match.images.isEmpty, images == match.images,
                targets[block.id].map({ Self.sameText($0, TranslatedUnit.aligned(match.pieces, to: block.pieces)) })
                    ?? true
            {
                body.replaceSubrange(block.contentRange, with: translationBody[match.contentRange])
                continue
            }
            let pieces: [InlinePiece]
            if let target = targets[block.id] {
                if let mismatch = Self.mismatch(target, images: images, block: block) {
                    problem(block.id, mismatch)
                    continue
                }
                pieces = target
            } else if let match, block.hasText {
                pieces = TranslatedUnit.aligned(match.pieces, to: block.pieces)
            } else if images != block.images {
                pieces = block.pieces
            } else {
                continue
            }
            body.replaceSubrange(
                block.contentRange, with: Array(InlineMarkdown.write(pieces, images: images, in: block).utf8))
        }
        return String(decoding: body, as: UTF8.self)
    }

    /// Whether two blocks' pieces are the same text and codes (a glossary mark is text).
    static func sameText(_ a: [InlinePiece], _ b: [InlinePiece]) -> Bool {
        func canonical(_ pieces: [InlinePiece]) -> [InlinePiece] {
            var result: [InlinePiece] = []
            for piece in pieces {
                var piece = piece
                if case .term(let text) = piece { piece = .text(text) }
                if case .text(let more) = piece, case .text(let text)? = result.last {
                    result[result.count - 1] = .text(text + more)
                } else {
                    result.append(piece)
                }
            }
            return result
        }
        return canonical(a) == canonical(b)
    }

    private func translationBlock(_ id: String, kind: TextBlock.Kind) -> TextBlock? {
        translationUnits?.blocks.first { $0.id == id && $0.kind == kind }
    }

    /// The block's pictures with translated alt texts and captions.
    private func images(of block: TextBlock, _ targets: [String: [InlinePiece]]) -> [ImageText] {
        block.images.enumerated().map { index, image in
            let name = "\(block.id).img\(index + 1)"
            var image = image
            if !image.altText.isEmpty, let alt = text(name + ".alt", targets) { image.altText = alt }
            if !image.title.isEmpty, let caption = text(name + ".caption", targets) { image.title = caption }
            return image
        }
    }

    /// Why `pieces` written as Markdown do not read back with their own markup, if they do not.
    static func mismatch(_ pieces: [InlinePiece], images: [ImageText], block: TextBlock) -> UnitProblem? {
        // Read back on its own, without the quote marks or indentation of its container.
        var alone = block
        alone.continuationPrefix = ""
        let content = InlineMarkdown.write(pieces, images: images, in: alone)
        let footnotes = pieces.compactMap { piece -> String? in
            if case .standalone(let code) = piece, case .footnoteReference(let label) = code.kind { return label }
            return nil
        }
        let expected = MarkupShape(pieces)
        let found = MarkupShape(readingBack: content, as: block.kind, footnotes: footnotes)
        return expected == found ? nil : .notExpressible(expected: expected.description, found: found.description)
    }
}
