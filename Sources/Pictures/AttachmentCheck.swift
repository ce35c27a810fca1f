public import Foundation

/// Why a file is not published.
public enum AttachmentRefusal: Error, Sendable, Equatable {
    /// Its extension is not in `AttachmentKind.all` (`html`, `js`, `xml`; empty: none).
    case kindNotPublished(fileExtension: String)
    /// Its bytes are not what its name says; `holdsMarkup`: they start like an HTML or XML document.
    case wrongContent(kind: String, holdsMarkup: Bool)
    case notUTF8(kind: String)
    case holdsNUL(kind: String)
    /// Text that a browser sniffing it would take for a page: it starts with `opening` (`<html`).
    case startsLikeMarkup(kind: String, opening: String)
    case missingFirstLine(kind: String, expected: String)

    /// The message for the file named `name`, saying what to do.
    public func message(for name: String) -> String {
        switch self {
        case .kindNotPublished(let fileExtension):
            let what = fileExtension.isEmpty ? "a file without an extension" : "a .\(fileExtension) file"
            return "'\(name)' is \(what), which the site does not publish: a browser could run an HTML page, "
                + "a script or XML on the site's address. Attach one of: \(AttachmentKind.allowedList)"
        case .wrongContent(let kind, let holdsMarkup):
            let holds = holdsMarkup ? " (it holds an HTML or XML document)" : ""
            return "'\(name)' is named as \(kind) but its bytes are not \(kind)\(holds): export it again as \(kind), "
                + "or name it for what it is"
        case .notUTF8(let kind):
            return "'\(name)' is not UTF-8 text, which \(kind) must be: save it again as UTF-8"
        case .holdsNUL(let kind):
            return "'\(name)' holds a NUL byte, so it is not \(kind): save it again as UTF-8 text"
        case .startsLikeMarkup(let kind, let opening):
            return "'\(name)' is \(kind) that starts with '\(opening)', which a browser may show as a web page: "
                + "remove the markup, or attach the document as PDF"
        case .missingFirstLine(let kind, let expected):
            return "'\(name)' is \(kind) but does not start with '\(expected)': add it as the first line"
        }
    }
}

extension AttachmentKind {
    /// Whether a file whose name ends in `.fileExtension` (lower case) and holds `data` may be
    /// published; nil: it may.
    public static func refusal(fileExtension: String, data: Data) -> AttachmentRefusal? {
        guard let kind = named(fileExtension) else { return .kindNotPublished(fileExtension: fileExtension) }
        return kind.refusal(Array(data.prefix(Self.sniffedBytes)), whole: data)
    }

    /// Enough bytes for every signature and for the markup a browser looks for.
    static let sniffedBytes = 512

    private func refusal(_ head: [UInt8], whole: Data) -> AttachmentRefusal? {
        switch content {
        case .svg, .rasterPicture:
            return nil
        case .text(let firstLine):
            return Self.textRefusal(whole, kind: name, firstLine: firstLine)
        case .signature(let signatures, let offset):
            let matches = signatures.contains { head.dropFirst(offset).starts(with: $0) }
            return matches ? nil : wrongContent(head)
        case .riff(let form):
            let matches = head.starts(with: Array("RIFF".utf8)) && head.dropFirst(8).starts(with: Array(form.utf8))
            return matches ? nil : wrongContent(head)
        case .isoMedia:
            return head.dropFirst(4).starts(with: Array("ftyp".utf8)) ? nil : wrongContent(head)
        case .mp3:
            let frame = head.count > 1 && head[0] == 0xFF && head[1] & 0xE0 == 0xE0
            return head.starts(with: Array("ID3".utf8)) || frame ? nil : wrongContent(head)
        }
    }

    private func wrongContent(_ head: [UInt8]) -> AttachmentRefusal {
        .wrongContent(kind: name, holdsMarkup: MarkupSniffing.opening(of: head) != nil)
    }

    private static func textRefusal(_ data: Data, kind: String, firstLine: String?) -> AttachmentRefusal? {
        if data.contains(0) { return .holdsNUL(kind: kind) }
        guard let text = String(validating: data, as: UTF8.self) else { return .notUTF8(kind: kind) }
        if let opening = MarkupSniffing.opening(of: Array(data.prefix(sniffedBytes))) {
            return .startsLikeMarkup(kind: kind, opening: opening)
        }
        if let firstLine {
            let start = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
            if !start.hasPrefix(firstLine) { return .missingFirstLine(kind: kind, expected: firstLine) }
        }
        return nil
    }
}

/// How browsers decide that a file of unknown or wrong type is a web page (WHATWG MIME Sniffing,
/// "rules for identifying an unknown MIME type"), and XML and SVG openings besides.
enum MarkupSniffing {
    /// Tags a browser takes for HTML when followed by a space or `>`.
    static let htmlOpenings = [
        "<!doctype html", "<html", "<head", "<script", "<iframe", "<h1", "<div", "<font", "<table", "<a", "<style",
        "<title", "<b", "<body", "<br", "<p", "<!--",
    ]
    /// Openings that are markup whatever follows.
    static let xmlOpenings = ["<?xml", "<svg"]

    /// The opening `head` starts with after a byte-order mark and white space (lower case), if any.
    static func opening(of head: [UInt8]) -> String? {
        var start = head.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < head.count, [0x09, 0x0A, 0x0C, 0x0D, 0x20].contains(head[start]) { start += 1 }
        let rest = head[start...].map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        if let xml = xmlOpenings.first(where: { rest.starts(with: Array($0.utf8)) }) { return xml }
        return htmlOpenings.first { opening in
            let bytes = Array(opening.utf8)
            guard rest.starts(with: bytes), rest.count > bytes.count else { return false }
            return rest[bytes.count] == 0x20 || rest[bytes.count] == UInt8(ascii: ">")
        }
    }
}
