/// Single-pass rewriting of the markers the tree walker leaves in cmark-gfm's
/// HTML: heading markers become `id` attributes, link placeholders become URLs.
enum PlaceholderScanner {
    static let headingMarkerStart: [UInt8] = Array("\u{E000}".utf8)
    static let headingMarkerEnd: [UInt8] = Array("\u{E001}".utf8)
    static let linkPrefix: [UInt8] = Array("href=\"spinesite-link-".utf8)
    static let embedStart: [UInt8] = Array("<p>\u{E002}".utf8)
    static let embedEnd: [UInt8] = Array("\u{E003}</p>\n".utf8)
    static let embedMarkerStart: [UInt8] = Array("\u{E002}".utf8)
    static let embedMarkerEnd: [UInt8] = Array("\u{E003}".utf8)

    /// `<h2>\u{E000}3\u{E001}Title` → `<h2 id="anchor-of-heading-3">Title`.
    static func insertHeadingIDs(_ html: String, anchors: [String]) -> String {
        rewrite(html, start: headingMarkerStart, end: headingMarkerEnd) { index, output in
            // The output ends with `<hN>`: reopen the tag to add the id.
            guard index < anchors.count, output.last == UInt8(ascii: ">") else { return }
            output.removeLast()
            output.append(contentsOf: " id=\"\(anchors[index])\">".utf8)
        }
    }

    /// `href="spinesite-link-3"` → `href="<url 3, escaped>"`.
    static func insertLinks(_ html: String, urls: [String]) -> String {
        rewrite(html, start: linkPrefix, end: [UInt8(ascii: "\"")]) { index, output in
            output.append(contentsOf: "href=\"".utf8)
            output.append(contentsOf: HTMLEscape.text(index < urls.count ? urls[index] : "").utf8)
            output.append(UInt8(ascii: "\""))
        }
    }

    /// `\u{E004}3\u{E005}TENS\u{E006}3\u{E005}` → open tag of use 3, `TENS`, its close tag.
    static func insertTerms(_ html: String, tags: [(open: String, close: String)?]) -> String {
        let middle = Array(TermMarker.middle.utf8)
        let opened = rewrite(html, start: Array(TermMarker.start.utf8), end: middle) { index, output in
            output.append(contentsOf: ((index < tags.count ? tags[index]?.open : nil) ?? "").utf8)
        }
        return rewrite(opened, start: Array(TermMarker.end.utf8), end: middle) { index, output in
            output.append(contentsOf: ((index < tags.count ? tags[index]?.close : nil) ?? "").utf8)
        }
    }

    /// `<p>\u{E002}2\u{E003}</p>` → the caller's HTML for embed 2.
    /// In a tight list the paragraph has no `<p>`, so bare markers are replaced too.
    static func insertEmbeds(_ html: String, embeds: [String]) -> String {
        let emit = { (index: Int, output: inout [UInt8]) in
            output.append(contentsOf: (index < embeds.count ? embeds[index] : "").utf8)
        }
        let paragraphs = rewrite(html, start: embedStart, end: embedEnd, emit: emit)
        return rewrite(paragraphs, start: embedMarkerStart, end: embedMarkerEnd, emit: emit)
    }

    /// Finds `start` + decimal digits + `end`, calling `emit` with the number
    /// instead of copying the marker. Runs between markers are copied whole.
    private static func rewrite(_ html: String, start: [UInt8], end: [UInt8], emit: (Int, inout [UInt8]) -> Void) -> String {
        var html = html
        return html.withUTF8 { bytes in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 256)
            var position = 0
            var searchFrom = 0
            while let found = ByteSearch.find(start, in: bytes, from: searchFrom) {
                var cursor = found + start.count
                var number = 0
                while cursor < bytes.count, (48...57).contains(bytes[cursor]) {
                    number = number * 10 + Int(bytes[cursor] - 48)
                    cursor += 1
                }
                guard cursor > found + start.count, ByteSearch.find(end, in: bytes, from: cursor) == cursor else {
                    searchFrom = found + 1
                    continue
                }
                output.append(contentsOf: bytes[position..<found])
                emit(number, &output)
                position = cursor + end.count
                searchFrom = position
            }
            output.append(contentsOf: bytes[position...])
            return String(decoding: output, as: UTF8.self)
        }
    }
}

extension RenderedMarkdown {
    /// The HTML with each internal link's placeholder replaced by `url(link)`
    /// (HTML-escaped here). Links for which `url` gives nil get an empty href.
    public func html(resolvingLinks url: (InternalLink) -> String?) -> String {
        guard !internalLinks.isEmpty else { return html }
        return PlaceholderScanner.insertLinks(html, urls: internalLinks.map { url($0) ?? "" })
    }

    /// As `html(resolvingLinks:)`, with each embed's marker replaced by the
    /// HTML at its index in `embedHTML` (one per `embeds`), and each marked term
    /// wrapped in the pair of tags `termTags(termIndex)` gives (nil: left
    /// unmarked). Inserted as given: the caller escapes.
    public func html(
        resolvingLinks url: (InternalLink) -> String?, embeds embedHTML: [String],
        terms termTags: (Int) -> (open: String, close: String)? = { _ in nil }
    ) -> String {
        var result = html(resolvingLinks: url)
        if !embeds.isEmpty { result = PlaceholderScanner.insertEmbeds(result, embeds: embedHTML) }
        if !termUses.isEmpty { result = PlaceholderScanner.insertTerms(result, tags: termUses.map(termTags)) }
        return result
    }
}
