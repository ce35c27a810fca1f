import SiteSupport

/// What goes in each hole of one `RenderedMarkdown`, by index. A missing entry fills its hole
/// with nothing (a glossary use: left unmarked).
public struct HoleFill: Sendable {
    /// Per internal link, its URL, as text: the filler escapes it.
    public var linkURLs: [String]
    /// Per embed, its HTML.
    public var embedHTML: [String]
    /// Per glossary use (`RenderedMarkdown.termUses`), the tags around it; nil: left unmarked.
    public var termTags: [TermLinkTags?]
    /// Per citation, its HTML.
    public var citationHTML: [String]
    /// Per image, its picture's HTML.
    public var imageHTML: [String]

    public init(
        linkURLs: [String] = [], embedHTML: [String] = [], termTags: [TermLinkTags?] = [],
        citationHTML: [String] = [], imageHTML: [String] = []
    ) {
        self.linkURLs = linkURLs
        self.embedHTML = embedHTML
        self.termTags = termTags
        self.citationHTML = citationHTML
        self.imageHTML = imageHTML
    }
}

extension RenderedMarkdown {
    /// The HTML in order: each run of cmark-gfm's bytes to `run`, each hole to `hole`.
    private func write(run: (UnsafeBufferPointer<UInt8>) -> Void, hole: (Hole.Kind) -> Void) {
        htmlBytes.withUnsafeBufferPointer { bytes in
            var position = 0
            for next in holes {
                if next.offset > position { run(UnsafeBufferPointer(rebasing: bytes[position..<next.offset])) }
                hole(next.kind)
                position = next.offset
            }
            if position < bytes.count { run(UnsafeBufferPointer(rebasing: bytes[position...])) }
        }
    }

    /// The HTML with every hole filled from `fill`: the one hole filler, which a build's pages and
    /// the fuzzer both run. HTML (cmark-gfm's and the fill's) goes to `raw`; a link's URL, which
    /// is text, goes to `escaped` for the caller to escape as it writes.
    public func write(
        filling fill: HoleFill, raw: (UnsafeBufferPointer<UInt8>) -> Void,
        escaped: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        func entry(_ list: [String], _ index: Int) -> String? { index < list.count ? list[index] : nil }
        func tags(_ index: Int) -> TermLinkTags? {
            index < fill.termTags.count ? fill.termTags[index] : nil
        }
        write(run: raw) { kind in
            let text: String?
            switch kind {
            case .link(let index):
                guard var url = entry(fill.linkURLs, index) else { return }
                return url.withUTF8(escaped)
            case .embed(let index): text = entry(fill.embedHTML, index)
            case .termStart(let index): text = tags(index)?.open
            case .termEnd(let index): text = tags(index)?.close
            case .citation(let index): text = entry(fill.citationHTML, index)
            case .image(let index): text = entry(fill.imageHTML, index)
            }
            guard var text else { return }
            text.withUTF8(raw)
        }
    }

    /// The HTML as text, with every hole filled from `fill` (see `write(filling:raw:escaped:)`).
    public func html(filling fill: HoleFill) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(html.utf8.count + 256)
        write(
            filling: fill, raw: { output.append(contentsOf: $0) },
            escaped: { HTMLEscape.append($0, to: &output) })
        return String(decoding: output, as: UTF8.self)
    }

    /// The HTML as text, with each internal link's URL (nil: an empty href), each embed's HTML at
    /// its index, each glossary use between the tags `terms` gives for its term (nil: unmarked),
    /// each citation as `citations` writes it and each image as cmark-gfm writes it: a shorthand
    /// for `html(filling:)`.
    public func html(
        resolvingLinks url: (InternalLink) -> String?, embeds embedHTML: [String] = [],
        terms termTags: (Int) -> TermLinkTags? = { _ in nil },
        citations: (Int) -> String = { _ in "" }
    ) -> String {
        html(
            filling: HoleFill(
                linkURLs: internalLinks.map { url($0) ?? "" }, embedHTML: embedHTML, termTags: termUses.map(termTags),
                citationHTML: self.citations.indices.map(citations), imageHTML: images.map(Image.plainHTML)))
    }
}

extension Image {
    /// The image as cmark-gfm writes it (`<img src="…" alt="…" />`), for callers without pictures.
    public static func plainHTML(_ image: Image) -> String {
        let title = image.title.isEmpty ? "" : " title=\"\(HTMLEscape.text(image.title))\""
        return "<img src=\"\(HTMLEscape.text(image.source))\" alt=\"\(HTMLEscape.text(image.altText))\"\(title) />"
    }
}
