import Foundation
public import SiteModel
import SiteResolver
public import SpinesiteKit

/// `spinesite translations stamp FILE…|FOLDER|--locale TAG`: records in each translation's front
/// matter the digest of its original as it is now.
public enum TranslationStamp {
    public struct Stamped: Sendable {
        public var file: String
        public var digest: String
        public var original: String
    }

    /// What a stamp run did: the pages stamped, those already stamped with their original as it
    /// is (left unwritten), and the stale ones `--locale` left alone.
    public struct Outcome: Sendable {
        public var stamped: [Stamped] = []
        public var alreadyCurrent: [Stamped] = []
        /// Stale translations: their originals changed, so a translator has to look first.
        public var staleSkipped: [String] = []
    }

    /// Which translations to stamp.
    public enum Selection: Sendable {
        /// Files, or folders whose Markdown pages are all stamped: the translator says they are up to date.
        case paths([String])
        /// Every translation of the locale that is not stale (unstamped or current).
        case locale(String)
    }

    public static func stamp(_ file: String, options: BuildOptions) throws(BuildFailure) -> Stamped {
        let outcome = try stamp(.paths([file]), options: options)
        guard let stamped = outcome.stamped.first ?? outcome.alreadyCurrent.first else {
            throw BuildFailure([.error(SourceLocation(file: file), "nothing to stamp")])
        }
        return stamped
    }

    public static func stamp(_ selection: Selection, options: BuildOptions) throws(BuildFailure) -> Outcome {
        let graph = try TranslationLocale.resolve(options)
        var outcome = Outcome()
        var targets: [(file: String, original: SourcePage)] = []
        let blocks = BlockFiles(graph)
        switch selection {
        case .paths(let paths):
            let files = PageFiles(graph)
            var problems: [Diagnostic] = []
            for path in paths {
                for file in markdownFiles(at: path) {
                    if let block = blocks.translation(file) {
                        targets.append((file, block.original))
                        continue
                    }
                    switch page(file, in: graph, files: files) {
                    case .success(let index): targets.append((file, graph.pages[graph.pages[index].original!].source))
                    case .failure(let problem): problems += problem.diagnostics
                    }
                }
            }
            if !problems.isEmpty { throw BuildFailure(problems) }
        case .locale(let tag):
            guard graph.locales[tag] != nil else {
                throw BuildFailure([.error(SourceLocation(file: "--locale"), "no locale '\(tag)' in this site")])
            }
            var candidates: [(file: String, original: SourcePage, status: TranslationStatus)] = []
            for page in graph.pages where page.locale == tag && page.original != nil {
                guard !page.isFallback, !page.isGenerated else { continue }
                candidates.append((page.source.file, graph.pages[page.original!].source, page.translationStatus))
            }
            for block in graph.blocks(in: tag) {
                guard let original = block.original else { continue }
                candidates.append(
                    (block.source.file, SharedBlockText.page(graph.blocks[original].source), block.translationStatus))
            }
            for candidate in candidates {
                if candidate.status == .stale {
                    outcome.staleSkipped.append(candidate.file)
                } else {
                    targets.append((candidate.file, candidate.original))
                }
            }
        }
        for target in targets {
            let stamped = Stamped(
                file: target.file, digest: SharedBlockText.digest(of: target.original), original: target.original.file)
            if try write(stamped) { outcome.stamped.append(stamped) } else { outcome.alreadyCurrent.append(stamped) }
        }
        return outcome
    }

    /// The page `file` is, if it is a translation.
    private static func page(_ file: String, in graph: SiteGraph, files: PageFiles) -> Result<Int, BuildFailure> {
        let location = SourceLocation(file: file)
        guard let index = files.index(ofFile: file) else {
            return .failure(
                BuildFailure([.error(location, "not a page of this site (is it under Content/<locale>/?)")]))
        }
        let page = graph.pages[index]
        if page.locale == graph.config.defaultLocale {
            return .failure(
                BuildFailure([
                    .error(
                        location,
                        "an original (locale '\(page.locale)', the default): originals are not stamped; stamp "
                            + "their translations when they are up to date with it")
                ]))
        }
        guard page.original != nil else {
            return .failure(
                BuildFailure([
                    .error(
                        location,
                        "no page with id '\(page.id)' in the default locale '\(graph.config.defaultLocale)' to be "
                            + "a translation of (give the original's id with 'id:')")
                ]))
        }
        return .success(index)
    }

    /// Writes the stamp into its file: false when the file already carried the digest (it is not
    /// rewritten: its modification time, and git, see nothing new).
    private static func write(_ stamped: Stamped) throws(BuildFailure) -> Bool {
        do {
            let text = try String(contentsOfFile: stamped.file, encoding: .utf8)
            let rewritten = rewrite(text, digest: stamped.digest)
            guard rewritten != text else { return false }
            try rewritten.write(toFile: stamped.file, atomically: true, encoding: .utf8)
        } catch {
            throw BuildFailure([
                .error(SourceLocation(file: stamped.file), "cannot update the file: \(error.localizedDescription)")
            ])
        }
        return true
    }

    /// `path` itself, or the Markdown files below it when it is a folder, in name order.
    static func markdownFiles(at path: String) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
            return [path]
        }
        let walker = FileManager.default.enumerator(atPath: path)
        var files: [String] = []
        while let relative = walker?.nextObject() as? String {
            if relative.hasSuffix(".md"), !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                files.append((path.hasSuffix("/") ? path : path + "/") + relative)
            }
        }
        return files.sorted()
    }

    /// The file with `translationOf: DIGEST` set in its front matter, and `pendingUnits` listing
    /// `pending` (or gone when there are none), every other byte unchanged.
    static func rewrite(_ text: String, digest: String, pending: [PendingUnit] = []) -> String {
        let newline = text.contains("\r\n") ? "\r\n" : "\n"
        var lines = text.components(separatedBy: newline)
        var closing = lines.indices.dropFirst().first { lines[$0].trimmed == "---" } ?? 1
        if let start = lines[1..<closing].firstIndex(where: { $0.hasPrefix("pendingUnits:") }) {
            var end = start + 1
            while end < closing, lines[end].first == " " || lines[end].first == "\t" { end += 1 }
            lines.removeSubrange(start..<end)
            closing -= end - start
        }
        let line = "translationOf: \(digest)"
        let stamp: Int
        if let existing = lines[1..<closing].firstIndex(where: { $0.hasPrefix("translationOf:") }) {
            lines[existing] = line
            stamp = existing
        } else {
            lines.insert(line, at: closing)
            stamp = closing
        }
        if !pending.isEmpty {
            let entries = pending.map { "  \($0.id): \($0.recorded)" }
            lines.insert(contentsOf: ["pendingUnits:"] + entries, at: stamp + 1)
        }
        return lines.joined(separator: newline)
    }
}
