import SiteModel
import SiteResolver
import SiteWideOutputs

/// Every path of the output folder, and who claims it: a page, an alias, or a file spinesite
/// makes itself (search pages, feeds, the sitemap, assets…). Two claims on one path, a page
/// inside a path that is a file (`favicon.ico/index.html`), or a page or alias inside the folders
/// spinesite fills (`assets/`, `media/`, `files/`) would lose one of them in silence; each is an
/// error at the page or alias, naming the other claim.
struct OutputClaims {
    enum Claimant: Equatable {
        case page(SourceLocation)
        case alias(SourceLocation)
        /// A file spinesite makes, described only if it clashes: a site has tens of thousands.
        case generated(path: String, kind: PageKind?)
        case described(String)

        var description: String {
            switch self {
            case .page(let location): "the page \(location.file)"
            case .alias(let location): "the alias at \(location)"
            case .generated(let path, let kind): OutputClaims.describe(path, kind: kind)
            case .described(let what): what
            }
        }

        var location: SourceLocation? {
            switch self {
            case .page(let location), .alias(let location): location
            case .generated, .described: nil
            }
        }

        /// Two files spinesite makes are one claimant if they are described alike.
        static func == (lhs: Claimant, rhs: Claimant) -> Bool {
            switch (lhs, rhs) {
            case (.page(let left), .page(let right)), (.alias(let left), .alias(let right)): left == right
            case (.page, _), (.alias, _), (_, .page), (_, .alias): false
            default: lhs.description == rhs.description
            }
        }
    }

    /// The folders only spinesite writes into, and what fills them.
    static let generatedFolders = [
        "assets": "the theme's assets (Templates/assets/)", "media": "the pictures and files pages use",
        ContentFile.siteWideFolder: "the site-wide files (Content/files/)",
    ]

    private var owners: [String: Claimant] = [:]
    private(set) var diagnostics: [Diagnostic] = []

    mutating func claim(_ path: String, by claimant: Claimant) {
        if let owner = owners[path] {
            if owner != claimant { conflict(claimant, owner, "'\(path)' is also") }
            return
        }
        owners[path] = claimant
    }

    /// Checks the claims against one another, once all are made.
    mutating func check() {
        var clashes: [(path: String, diagnostics: [Diagnostic])] = []
        for (path, claimant) in owners where claimant.location != nil {
            let start = diagnostics.count
            // Split at the bytes `/`, as the file system splits a path (not at `Character`s).
            var folder = Substring(path)
            while let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/")) {
                folder = folder[..<slash]
                if let file = owners[String(folder)] {
                    conflict(claimant, file, "'\(path)' is inside '\(folder)', which is")
                }
            }
            if let slash = path.utf8.firstIndex(of: UInt8(ascii: "/")),
                case let top = String(path[..<slash]), let filled = Self.generatedFolders[top]
            {
                conflict(claimant, .described(filled), "'\(path)' is inside '\(top)/', which holds")
            }
            if diagnostics.count > start {
                clashes.append((path, Array(diagnostics[start...])))
                diagnostics.removeSubrange(start...)
            }
        }
        // In the order of their paths; only the clashes are sorted, not every path of the site.
        for clash in clashes.sorted(by: { $0.path < $1.path }) { diagnostics += clash.diagnostics }
    }

    /// An error at whichever claim has a place in the content (both, when both have one).
    private mutating func conflict(_ claimant: Claimant, _ owner: Claimant, _ clash: String) {
        let advice = "; give the page another slug, or the alias another path"
        let located = [claimant, owner].compactMap { claim in claim.location.map { (claim, $0) } }
        if located.isEmpty {
            diagnostics.append(
                .error(SourceLocation(file: "Site"), "output path \(clash) \(owner.description) as well"))
        }
        for (claim, location) in located {
            let other = claim == claimant ? owner : claimant
            let what = claim.isAlias ? "this alias's output path" : "this page's output path"
            diagnostics.append(.error(location, "\(what) \(clash) \(other.description)\(advice)"))
        }
    }
}

extension OutputClaims.Claimant {
    fileprivate var isAlias: Bool {
        if case .alias = self { return true }
        return false
    }
}

extension OutputClaims {
    /// The claims on `paths`, every file a render writes: the published pages, the aliases, the
    /// other template pages, and the rest, which only spinesite makes.
    /// - Parameter published: each published page and its files (a listing page's: one per page of its list).
    static func of(
        _ paths: [String], graph: SiteGraph, published: some Sequence<(Int, [String])>, others: [TemplateJob]
    ) -> OutputClaims {
        var claims = OutputClaims()
        claims.owners.reserveCapacity(paths.count)
        var pagePaths: [String] = []
        for (index, files) in published {
            let source = graph.pages[index].source
            let location =
                source.frontMatter.slug?.location ?? SourceLocation(file: source.file, line: 1, column: 1)
            for path in files { claims.claim(path, by: .page(location)) }
            pagePaths += files
        }
        for redirect in graph.redirects { claims.claim(redirect.outputPath, by: .alias(redirect.location)) }
        for job in others where job.values.kind != .redirect {
            claims.claim(job.path, by: .generated(path: job.path, kind: job.values.kind))
        }
        // Each path of `paths` once for each page or template page it stands for; the rest are files.
        var accounted: [String: Int] = [:]
        for path in pagePaths + others.map(\.path) {
            accounted[path, default: 0] += 1
        }
        for path in paths {
            if let count = accounted[path], count > 0 {
                accounted[path] = count - 1
            } else {
                claims.claim(path, by: .generated(path: path, kind: nil))
            }
        }
        claims.check()
        return claims
    }

    /// What a file spinesite makes is, in words.
    static func describe(_ path: String, kind: PageKind?) -> String {
        let locale = path.split(separator: "/").first.map { "'\($0)'" } ?? ""
        switch kind {
        case .search: return "the search page of \(locale)"
        case .notFound: return "a 404 page"
        case .languageChooser: return "the language chooser"
        default: break
        }
        if path == ContentReport.path || path.hasPrefix("content-report/page/") { return "the content report" }
        if path.hasSuffix("/feed.xml") { return "the Atom feed of \(locale)" }
        if path.contains("/sitemap"), path.hasSuffix(".xml") { return "a sitemap of \(locale)" }
        let top = String(path.prefix { $0 != "/" })
        if let folder = generatedFolders[top], path.contains("/") { return "one of \(folder)" }
        switch path {
        case "favicon.ico": return "the site icon"
        case "sitemap.xml": return "the sitemap index"
        case "robots.txt": return "the rules for crawlers"
        default: return "a file spinesite writes"
        }
    }
}
