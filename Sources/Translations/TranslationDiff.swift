import ContentLoader
import Foundation
public import SiteModel
import SiteResolver
public import SpinesiteKit

/// `spinesite translations diff FILE`: what changed in a stale translation's original since the
/// translation was stamped, as a word diff. The earlier text comes from the repository's history:
/// the newest revision of the original whose digest is the translation's `translationOf`.
public enum TranslationDiff {
    public enum Outcome: Sendable, Equatable {
        /// The word diff (`[-old-]{+new+}`), and the revision the earlier text was found in.
        case changes(diff: String, revision: String)
        /// The translation's stamp matches the original as it is now.
        case current
        /// The translation has no `translationOf` yet.
        case unstamped
        /// No git history to look in, or no revision with that digest; the reason, in words.
        case noEarlierText(String)
    }

    /// How a translation stands against its original, and the original's file.
    public struct Comparison: Sendable {
        public var outcome: Outcome
        public var original: String
    }

    public static func diff(_ file: String, options: BuildOptions) throws(BuildFailure) -> Comparison {
        let graph = try TranslationLocale.resolve(options)
        let original: SourcePage
        let translationOf: String?
        if let block = BlockFiles(graph).translation(file) {
            (original, translationOf) = (block.original, block.block.source.translationOf?.value)
        } else if let index = PageFiles(graph).index(ofFile: file), let originalIndex = graph.pages[index].original {
            (original, translationOf) = (
                graph.pages[originalIndex].source, graph.pages[index].source.frontMatter.translationOf?.value
            )
        } else {
            throw BuildFailure([
                .error(SourceLocation(file: file), "not a translation of this site (is it under Content/<locale>/?)")
            ])
        }
        guard let stamp = translationOf else {
            return Comparison(outcome: .unstamped, original: original.file)
        }
        if SharedBlockText.digest(of: original) == stamp {
            return Comparison(outcome: .current, original: original.file)
        }
        let place = gitPlace(of: original, options: options)
        guard let earlier = earlierVersion(of: original, digest: stamp, options: options) else {
            return Comparison(
                outcome: .noEarlierText(
                    "no revision of \(place.path) in the git history of \(place.root) has digest \(stamp) (there is "
                        + "no history, or the original was stamped before it was committed); compare the translation "
                        + "with the original by hand"), original: original.file
            )
        }
        let now = TranslationDigest.normalisedText(of: original)
        return Comparison(
            outcome: .changes(
                diff: wordDiff(TranslationDigest.normalisedText(of: earlier.page), now), revision: earlier.revision),
            original: original.file
        )
    }

    /// Where git finds a page: the folder git runs in (the site's root) and the page's file relative to it.
    struct GitPlace {
        var root: String
        var path: String
    }

    static func gitPlace(of page: SourcePage, options: BuildOptions) -> GitPlace {
        GitPlace(
            root: URL(fileURLWithPath: options.root).standardizedFileURL.path,
            path: "Content/\(page.locale)/\(page.relativePath)")
    }

    /// A committed version of a page: its bytes, the page they make and the revision's short hash.
    struct EarlierVersion {
        var data: Data
        var page: SourcePage
        var revision: String
    }

    /// The newest committed version of `page`'s file whose digest is `digest`: its bytes, the page
    /// they make and the revision's short hash.
    static func earlierVersion(of current: SourcePage, digest: String, options: BuildOptions)
        -> EarlierVersion?
    {
        let place = gitPlace(of: current, options: options)
        let (root, path) = (place.root, place.path)
        guard let log = git(["log", "--format=%H", "--", path], in: root) else { return nil }
        for revision in log.split(separator: "\n").map(String.init) {
            // `./`: relative to the site's folder, which may be a folder inside the repository.
            guard let data = gitData(["show", "\(revision):./\(path)"], in: root) else { continue }
            let page = SharedBlockText.parse(data, like: current, file: path)
            if let page, SharedBlockText.digest(of: page) == digest {
                return EarlierVersion(data: data, page: page, revision: String(revision.prefix(12)))
            }
        }
        return nil
    }

    /// `git diff --word-diff` of two texts, without its header lines.
    static func wordDiff(_ before: String, _ after: String) -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spinesite-diff-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let old = folder.appendingPathComponent("stamped")
        let new = folder.appendingPathComponent("now")
        try? Data((before + "\n").utf8).write(to: old)
        try? Data((after + "\n").utf8).write(to: new)
        // `--no-index` compares two files outside any repository; exit status 1 means "they differ".
        let output =
            gitData(
                ["diff", "--no-index", "--no-color", "--word-diff=plain", "--unified=1", old.path, new.path],
                in: folder.path, acceptingStatus: [0, 1]) ?? Data()
        let lines = String(decoding: output, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let body = lines.drop { !$0.hasPrefix("@@") }
        return body.joined(separator: "\n")
    }

    private static func git(_ arguments: [String], in folder: String) -> String? {
        gitData(arguments, in: folder).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Runs `git` with `arguments` in `folder`; nil if git is missing or fails.
    private static func gitData(_ arguments: [String], in folder: String, acceptingStatus: Set<Int32> = [0]) -> Data? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return acceptingStatus.contains(process.terminationStatus) ? data : nil
    }
}
