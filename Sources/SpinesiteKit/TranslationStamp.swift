import Foundation
public import SiteModel
import SiteResolver

/// `spinesite translations stamp FILE`: records in a translation's front
/// matter the digest of its original as it is now.
public enum TranslationStamp {
    public struct Stamped: Sendable {
        public var file: String
        public var digest: String
        public var original: String
    }

    public static func stamp(_ file: String, options: BuildOptions) throws(BuildFailure) -> Stamped {
        let graph = try SiteBuilder.resolve(options)
        let wanted = URL(fileURLWithPath: file).standardizedFileURL.path
        let location = SourceLocation(file: file)
        guard
            let page = graph.pages.first(where: {
                URL(fileURLWithPath: $0.source.file).standardizedFileURL.path == wanted
            })
        else {
            throw BuildFailure([.error(location, "not a page of this site (is it under Content/<locale>/?)")])
        }
        guard let original = page.original else {
            throw BuildFailure([
                .error(
                    location,
                    "no page with id '\(page.id)' in the default locale '\(graph.config.defaultLocale)' to be a "
                        + "translation of"
                )
            ])
        }
        let digest = TranslationTracker.digest(of: graph.pages[original].source)
        do {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            try rewrite(text, digest: digest).write(toFile: file, atomically: true, encoding: .utf8)
        } catch {
            throw BuildFailure([.error(location, "cannot update the file: \(error.localizedDescription)")])
        }
        return Stamped(file: file, digest: digest, original: graph.pages[original].source.file)
    }

    /// The file with `translationOf: DIGEST` set in its front matter, every
    /// other byte unchanged.
    static func rewrite(_ text: String, digest: String) -> String {
        let newline = text.contains("\r\n") ? "\r\n" : "\n"
        var lines = text.components(separatedBy: newline)
        let line = "translationOf: \(digest)"
        let closing = lines.indices.dropFirst().first { lines[$0].trimmed == "---" } ?? 1
        if let existing = lines[1..<closing].firstIndex(where: { $0.hasPrefix("translationOf:") }) {
            lines[existing] = line
        } else {
            lines.insert(line, at: closing)
        }
        return lines.joined(separator: newline)
    }
}
