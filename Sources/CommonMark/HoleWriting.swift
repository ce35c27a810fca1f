import SiteSupport

extension RenderedMarkdown {
    /// The HTML in order: each run of cmark-gfm's bytes to `run`, each hole
    /// to `hole`, for the caller to write what belongs there.
    public func write(run: (UnsafeBufferPointer<UInt8>) -> Void, hole: (Hole.Kind) -> Void) {
        var html = html
        html.withUTF8 { bytes in
            var position = 0
            for next in holes {
                if next.offset > position { run(UnsafeBufferPointer(rebasing: bytes[position..<next.offset])) }
                hole(next.kind)
                position = next.offset
            }
            if position < bytes.count { run(UnsafeBufferPointer(rebasing: bytes[position...])) }
        }
    }

    /// The HTML as text, with each internal link's URL (HTML-escaped here;
    /// nil: an empty href), each embed's HTML at its index, each glossary
    /// use between the tags `terms` gives for its term (nil: unmarked) and
    /// each citation as `citations` writes it. Inserted as given: the caller
    /// escapes.
    public func html(
        resolvingLinks url: (InternalLink) -> String?, embeds embedHTML: [String] = [],
        terms termTags: (Int) -> (open: String, close: String)? = { _ in nil },
        citations: (Int) -> String = { _ in "" }
    ) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(html.utf8.count + 256)
        let tags = termUses.map(termTags)
        write(
            run: { output.append(contentsOf: $0) },
            hole: { kind in
                let text: String
                switch kind {
                case .link(let index): text = HTMLEscape.text(url(internalLinks[index]) ?? "")
                case .embed(let index): text = index < embedHTML.count ? embedHTML[index] : ""
                case .termStart(let index): text = tags[index]?.open ?? ""
                case .termEnd(let index): text = tags[index]?.close ?? ""
                case .citation(let index): text = citations(index)
                case .image(let index): text = Image.plainHTML(images[index])
                }
                output.append(contentsOf: text.utf8)
            })
        return String(decoding: output, as: UTF8.self)
    }
}

extension Image {
    /// The image as cmark-gfm writes it (`<img src="…" alt="…" />`), for callers without pictures.
    public static func plainHTML(_ image: Image) -> String {
        let title = image.title.isEmpty ? "" : " title=\"\(HTMLEscape.text(image.title))\""
        return "<img src=\"\(HTMLEscape.text(image.source))\" alt=\"\(HTMLEscape.text(image.altText))\"\(title) />"
    }
}
