import Foundation
public import SiteModel
import SiteSupport

/// The files beside the pages and in `Content/files/`, and how a page names one: a relative path
/// from the page's folder (`images/tens-pads.png`, `../files/diary.pdf`), or `/files/…` for the
/// site-wide folder. A translation uses its original's file unless its own locale has one of that
/// name: the path is looked up in the page's locale, then along its fallback chain.
public struct FileIndex: Sendable {
    /// locale ("" for `Content/files/`) → path → file.
    private var files: [String: [String: ContentFile]] = [:]
    private let chains: [String: [String]]
    /// Every file of `Content/files/`: published whether or not a page uses it.
    public let siteWide: [ContentFile]

    public init(_ files: [ContentFile] = [], locales: LocaleTable? = nil) {
        for file in files { self.files[file.locale ?? "", default: [:]][file.relativePath] = file }
        chains = Dictionary(uniqueKeysWithValues: (locales.map(Array.init) ?? []).map { ($0.tag, $0.fallbackChain) })
        siteWide = files.filter { $0.locale == nil }.sorted { $0.relativePath < $1.relativePath }
    }

    /// Whether a link or image destination names a file rather than a page, an id or an anchor.
    public static func isFileReference(_ destination: String) -> Bool {
        guard LinkDestination.isInternal(destination), !destination.hasPrefix(LinkDestination.idScheme),
            !destination.hasPrefix(LinkDestination.generatedScheme), !destination.hasPrefix("#")
        else { return false }
        // On bytes: this runs for every link and picture of every page.
        let path = destination.utf8.prefix { $0 != UInt8(ascii: "#") && $0 != UInt8(ascii: "?") }
        return !path.isEmpty && !path.suffix(3).elementsEqual(".md".utf8) && path.last != UInt8(ascii: "/")
    }

    /// The file `destination` names from a page in `locale` whose source is in `folder`.
    public func file(_ destination: String, locale: String, folder: [String]) -> Result<ContentFile, FileProblem> {
        // Percent-decoded once, segment by segment, by `normalise` (`my%20photo.jpg`).
        let path = String(destination.prefix { $0 != "#" && $0 != "?" })
        let siteWidePrefix = "/\(ContentFile.siteWideFolder)/"
        if path.hasPrefix(siteWidePrefix) {
            let wanted = String(path.dropFirst(siteWidePrefix.count))
            let relative = LinkResolver.normalise(wanted, relativeTo: []) ?? wanted
            if let file = files[""]?[relative] { return .success(file) }
            return .failure(problem(destination, wanted: relative, in: "") { siteWidePrefix + $0 })
        }
        if path.hasPrefix("/") {
            // `/en/feed.xml`, `/uri`: a path of the published site, which no file of Content/ is.
            return .failure(
                FileProblem(message: "'\(destination)' is not a file of Content/: \(LinkDestination.forms)"))
        }
        guard let relative = LinkResolver.normalise(path, relativeTo: folder) else {
            return .failure(
                FileProblem(
                    message: "'\(destination)' leads outside the content folder; name a file beside the page or in "
                        + "Content/files/ ('/files/diary.pdf')"))
        }
        for tag in [locale] + (chains[locale] ?? []) {
            if let file = files[tag]?[relative] { return .success(file) }
        }
        return .failure(problem(destination, wanted: relative, in: locale) { LinkResolver.relative($0, from: folder) })
    }

    /// `written` turns a suggested path into the form the author wrote (from the page's folder,
    /// or under `/files/`), so that it can be pasted in place.
    private func problem(
        _ destination: String, wanted: String, in locale: String, written: (String) -> String
    ) -> FileProblem {
        let hint = Suggestion.closest(to: wanted, in: (files[locale] ?? [:]).keys).map(written)
        let place = locale.isEmpty ? "Content/files/" : "Content/\(locale)/"
        return FileProblem(
            message: "no file '\(wanted)' in \(place)" + (hint.map { " (did you mean '\($0)'?)" } ?? ""))
    }
}

/// Why a page's reference to a file does not resolve.
public struct FileProblem: Error, Sendable, Equatable {
    public var message: String
}
