/// An XLIFF 1.2 document as spinesite writes and reads it: files of translation units whose
/// text carries inline codes. Only what spinesite uses is modelled; a reader skips the rest.
public struct XLIFFDocument: Sendable, Equatable {
    public var files: [XLIFFFile]

    public init(files: [XLIFFFile]) {
        self.files = files
    }

    /// The namespace of XLIFF 1.2.
    public static let namespace = "urn:oasis:names:tc:xliff:document:1.2"
    /// The namespace of spinesite's own attributes on `<file>` (the page's id and digest).
    public static let spinesiteNamespace = "urn:spinesite:xliff"
}

/// One `<file>`: a page, or the locale's interface strings.
public struct XLIFFFile: Sendable, Equatable {
    /// The original's path below its locale's folder (`therapies/tens.md`), or `locale.yml`.
    public var original: String
    public var sourceLanguage: String
    public var targetLanguage: String?
    /// `x-markdown` for pages, `plaintext` for strings.
    public var datatype: String
    /// The page's id (`spinesite:id`), nil for strings.
    public var pageID: String?
    /// The digest of the original the units were taken from (`spinesite:digest`): what the
    /// translation's `translationOf` is stamped with on import.
    public var digest: String?
    public var units: [XLIFFUnit]
    /// The line of `<file>` in the document read, for messages (0 when written).
    public var line: Int

    public init(
        original: String, sourceLanguage: String, targetLanguage: String?, datatype: String, pageID: String? = nil,
        digest: String? = nil, units: [XLIFFUnit], line: Int = 0
    ) {
        self.original = original
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.datatype = datatype
        self.pageID = pageID
        self.digest = digest
        self.units = units
        self.line = line
    }
}

/// One `<trans-unit>`.
public struct XLIFFUnit: Sendable, Equatable {
    public var id: String
    public var source: [XLIFFInline]
    public var target: [XLIFFInline]?
    public var state: String?
    public var stateQualifier: String?
    /// `approved="yes"`: a target the translation already stands by. translate-toolkit's xliff2po
    /// marks every target without it fuzzy.
    public var approved: Bool?
    /// Where the unit comes from, as `<context context-type="sourcefile">` of a location group:
    /// `therapies/tens.md@1a2b3c4d5e6f#p3`. A tool that renumbers units (po2xliff) keeps it.
    public var location: String?
    /// A note for the translator (what the unit is: a heading, a picture's alt text…).
    public var note: String?
    public var line: Int

    public init(
        id: String, source: [XLIFFInline], target: [XLIFFInline]? = nil, state: String? = nil,
        stateQualifier: String? = nil, location: String? = nil, note: String? = nil, line: Int = 0
    ) {
        self.id = id
        self.source = source
        self.target = target
        self.state = state
        self.stateQualifier = stateQualifier
        self.location = location
        self.note = note
        self.line = line
    }
}

/// Text and inline codes of a `<source>` or `<target>`.
///
/// Codes carry a token as their native data (`{1}`, `{/1}`, or a string's own `{count}`):
/// a CAT tool protects it as a tag, and a tool that flattens tags to text (xliff2po) keeps it,
/// so the codes survive either way.
public enum XLIFFInline: Sendable, Hashable {
    case text(String)
    /// Text marked as terminology (`<mrk mtype="term">`).
    case term(String)
    /// `<bpt>` (or `<g>` read): the start of a paired code.
    case start(id: String, ctype: String?)
    /// `<ept>` (or the end of `<g>`).
    case end(id: String)
    /// `<ph>` (or `<x/>`, `<it>` read): a standalone code; `token` is its native data.
    case placeholder(id: String, ctype: String?, token: String)

    public static func startToken(_ id: String) -> String { "{" + id + "}" }
    public static func endToken(_ id: String) -> String { "{/" + id + "}" }
}

extension [XLIFFInline] {
    /// The text without codes, as a tool that drops tags shows it.
    public var plainText: String {
        map { inline in
            switch inline {
            case .text(let text), .term(let text): text
            case .start, .end, .placeholder: ""
            }
        }.joined()
    }

    /// Whether any code is present (a target without any came through a tool that flattens tags).
    public var hasCodes: Bool {
        contains { inline in
            switch inline {
            case .text, .term: false
            default: true
            }
        }
    }
}
