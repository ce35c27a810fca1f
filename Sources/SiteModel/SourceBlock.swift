/// A shared block as loaded: `Content/<locale>/_blocks/<name>.md`, a piece of Markdown written once
/// and placed on many pages with a ```` ```block ```` fence. Never a page: no URL, no list, no feed.
public struct SourceBlock: Sendable, Hashable {
    /// The folder under a locale that holds its blocks.
    public static let folder = "_blocks"
    /// The fence language that places a block: ```` ```block ````.
    public static let fenceLanguage = "block"

    public var locale: String
    /// Its path under `_blocks/` without `.md`: `safety/implanted-devices`.
    public var name: String
    /// For a translation: the digest of the default locale's block it was translated from.
    public var translationOf: Located<String>?
    /// For a translation: its units not yet translated from the version `translationOf` names.
    public var pendingUnits: [PendingUnit] = []
    /// Works its citations name, as a page's `references:`.
    public var references: [Reference]
    public var body: String
    /// Where the body starts: line 1 of the body is this file line.
    public var bodyLocation: SourceLocation

    public init(
        locale: String, name: String, translationOf: Located<String>? = nil, references: [Reference] = [],
        body: String, bodyLocation: SourceLocation
    ) {
        self.locale = locale
        self.name = name
        self.translationOf = translationOf
        self.references = references
        self.body = body
        self.bodyLocation = bodyLocation
    }

    /// How diagnostics name its file: `Content/en/_blocks/safety/implanted-devices.md`.
    public var file: String { bodyLocation.file }

    /// Its path under the locale folder: `_blocks/safety/implanted-devices.md`.
    public var relativePath: String { "\(Self.folder)/\(name).md" }

    /// Its file's folder under the locale, as links inside it are written relative to:
    /// `["_blocks", "safety"]`.
    public var folderSegments: [String] {
        relativePath.split(separator: "/").dropLast().map(String.init)
    }

    /// The block name of a path under the locale folder (`_blocks/safety/x.md` → `safety/x`), or nil
    /// when the path is not a block's file.
    public static func name(ofRelativePath path: String) -> String? {
        let prefix = folder + "/"
        guard path.hasPrefix(prefix), path.hasSuffix(".md"), path.count > prefix.count + 3 else { return nil }
        return String(path.dropFirst(prefix.count).dropLast(3))
    }
}

/// `site.yml` `requiredBlocks:`: the blocks every topic page of one section must place.
public struct RequiredBlocks: Sendable, Hashable {
    /// The section folder under each locale (`therapies`), where it was written.
    public var section: Located<String>
    public var blocks: [Located<String>]
    /// The ids of the section's pages that need not place them (`except:`).
    public var except: [Located<String>]

    public init(section: Located<String>, blocks: [Located<String>], except: [Located<String>] = []) {
        self.section = section
        self.blocks = blocks
        self.except = except
    }
}
