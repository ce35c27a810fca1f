import CommonMark
import SiteModel
import SiteResolver

/// Links and pictures a page must not have: a URL that runs a script, names a file on the reader's
/// computer or carries a document of its own (cmark-gfm would silently write `href=""`), and,
/// unless `site.yml` says `remotePictures: allow`, a picture on another site, which learns who
/// reads which page.
enum URLCheck {
    static func diagnostics(
        _ rendered: RenderedMarkdown, body base: SourceLocation, allowsRemotePictures: Bool
    ) -> [Diagnostic] {
        func location(_ position: SourcePosition) -> SourceLocation {
            base.within(line: position.line, column: position.column)
        }
        var diagnostics = rendered.dangerousURLs.map { use in
            Diagnostic.error(location(use.position), message(use))
        }
        guard !allowsRemotePictures else { return diagnostics }
        for image in rendered.images where isRemote(image.source) {
            diagnostics.append(
                .error(
                    location(image.position),
                    "picture '\(image.source)' is on another site: every reader's browser would ask that site for "
                        + "it, telling it who reads this page. Save the picture beside the page and name it "
                        + "(![…](images/picture.png)), or set 'remotePictures: allow' in site.yml"))
        }
        return diagnostics
    }

    /// A picture's URL names another site: a scheme (`https:`), or `//host/…`. Dangerous URLs are
    /// reported as such, and cmark-gfm has emptied most of them.
    static func isRemote(_ source: String) -> Bool {
        !source.isEmpty && !LinkDestination.isInternal(source) && DangerousURL.scheme(of: source) == nil
    }

    private static func message(_ use: DangerousURLUse) -> String {
        let why =
            switch use.scheme {
            case "file:": "names a file on the reader's own computer, which no reader has"
            case "data:": "carries a document of its own, which the site's security policy blocks"
            default: "would run a script in the reader's browser"
            }
        switch use.kind {
        case .link:
            return "link to a '\(use.scheme)' URL \(why); link to a page, to a file beside the page or to an "
                + "https: address"
        case .picture:
            return "picture with a '\(use.scheme)' URL \(why); save the picture beside the page and name it, as in "
                + "![…](images/picture.png)"
        }
    }
}
