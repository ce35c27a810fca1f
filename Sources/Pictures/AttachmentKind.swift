/// The kinds of file a page may attach and `Content/files/` may hold: what a health site hands its
/// readers (documents, spreadsheets, pictures, audio, video, captions), and nothing a browser would
/// run on the site's address (HTML, XHTML, XML, SVG outside `<img>` checks, scripts, executables).
/// Each file is checked by its name and by its bytes: a `.pdf` that is an HTML page is refused.
public struct AttachmentKind: Sendable, Hashable {
    /// What the content team calls it, in error messages.
    public let name: String
    /// Lower-case extensions, without the dot.
    public let extensions: [String]
    public let content: Content

    /// What the bytes must be.
    public enum Content: Sendable, Hashable {
        /// Starts with one of these byte strings, at `offset`.
        case signature([[UInt8]], offset: Int = 0)
        /// `RIFF`, a size, then this four-character form (`WAVE`, `WEBP`).
        case riff(String)
        /// An ISO base media file: `ftyp` at byte 4 (MP4, M4A).
        case isoMedia
        /// An MP3 stream: an ID3 tag or an MPEG audio frame.
        case mp3
        /// UTF-8 text, no NUL, that no browser would take for markup; optionally with a first line.
        case text(firstLine: String? = nil)
        /// An SVG picture: checked by `SVGCheck` when it is prepared.
        case svg
        /// A JPEG, PNG or WebP picture: decoded by libvips when it is prepared (`PictureProcessing`),
        /// which names the file if it is not one.
        case rasterPicture
    }

    /// Every kind the site publishes, in the order error messages list them.
    public static let all: [AttachmentKind] = [
        AttachmentKind(name: "PDF", extensions: ["pdf"], content: .signature([Array("%PDF-".utf8)])),
        AttachmentKind(name: "plain text", extensions: ["txt"], content: .text()),
        AttachmentKind(name: "CSV", extensions: ["csv"], content: .text()),
        AttachmentKind(name: "WebVTT captions", extensions: ["vtt"], content: .text(firstLine: "WEBVTT")),
        AttachmentKind(
            name: "Office Open XML (Word, Excel, PowerPoint)", extensions: ["docx", "xlsx", "pptx"], content: zip),
        AttachmentKind(name: "OpenDocument", extensions: ["odt", "ods", "odp"], content: zip),
        AttachmentKind(name: "PNG", extensions: ["png"], content: .rasterPicture),
        AttachmentKind(name: "JPEG", extensions: ["jpg", "jpeg"], content: .rasterPicture),
        AttachmentKind(name: "WebP", extensions: ["webp"], content: .rasterPicture),
        AttachmentKind(
            name: "GIF", extensions: ["gif"], content: .signature([Array("GIF87a".utf8), Array("GIF89a".utf8)])),
        AttachmentKind(name: "SVG", extensions: ["svg"], content: .svg),
        AttachmentKind(name: "MP3", extensions: ["mp3"], content: .mp3),
        AttachmentKind(name: "MPEG-4 audio or video", extensions: ["m4a", "mp4", "m4v"], content: .isoMedia),
        AttachmentKind(name: "Ogg audio or video", extensions: ["ogg", "oga", "opus", "ogv"], content: ogg),
        AttachmentKind(name: "WAV", extensions: ["wav"], content: .riff("WAVE")),
        AttachmentKind(name: "WebM", extensions: ["webm"], content: .signature([[0x1A, 0x45, 0xDF, 0xA3]])),
    ]

    private static let zip = Content.signature([[0x50, 0x4B, 0x03, 0x04]])
    private static let ogg = Content.signature([Array("OggS".utf8)])

    /// The kind named by `fileExtension` (lower case), if the site publishes it.
    public static func named(_ fileExtension: String) -> AttachmentKind? {
        all.first { $0.extensions.contains(fileExtension) }
    }

    /// Every kind with its extensions, for messages: `PDF (.pdf), plain text (.txt), …`.
    public static var allowedList: String {
        all.map { kind in "\(kind.name) (\(kind.extensions.map { "." + $0 }.joined(separator: ", ")))" }
            .joined(separator: ", ")
    }
}
