public import Foundation
import FoundationXML
import SiteSupport

/// A problem with an XLIFF document as XML, at a 1-based line and column (0 when unknown).
public struct XLIFFReadError: Error, Sendable, Equatable {
    public var line: Int
    public var column: Int
    public var message: String

    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }
}

/// Reads XLIFF 1.2 (and the 1.1 that po2xliff writes) into an `XLIFFDocument`, streaming.
///
/// Any encoding but UTF-8 is refused first (`XLIFFEncoding`), then a document type declaration,
/// before parsing: XLIFF needs none, and entity declarations are how an XML bomb expands a small
/// file into gigabytes.
public enum XLIFFReader {
    /// The largest document read: a whole-site export of the real site is a small fraction of it.
    public static let maximumBytes = 32 * 1024 * 1024

    /// Why a file of `size` bytes is not read, if it is too large: checked before reading it.
    public static func sizeProblem(_ size: Int) -> XLIFFReadError? {
        guard size > maximumBytes else { return nil }
        return XLIFFReadError(
            line: 0, column: 0,
            message: "the file is \(megabytes(size)) MB; spinesite reads XLIFF files of up to "
                + "\(megabytes(maximumBytes)) MB (export fewer pages at once: --stale or --missing)")
    }

    public static func read(_ data: Data) throws(XLIFFReadError) -> XLIFFDocument {
        if let problem = sizeProblem(data.count) { throw problem }
        if let problem = XLIFFEncoding.problem(in: data) { throw problem }
        if let declaration = firstDeclaration(in: data) {
            throw XLIFFReadError(
                line: declaration.line, column: declaration.column,
                message: "a document type or entity declaration is not allowed in XLIFF (entities can make a "
                    + "small file expand without bound); remove the <!DOCTYPE …> part")
        }
        if let instruction = firstInstruction(in: data) {
            throw XLIFFReadError(
                line: instruction.line, column: instruction.column,
                message: "a processing instruction (<?…?>) is not part of XLIFF; remove it (only the "
                    + "<?xml …?> declaration may open the file)")
        }
        let delegate = ReadingDelegate()
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        let parsed = parser.parse()
        if let problem = delegate.problem { throw problem }
        // On Linux `parse()` may report success after an error; the delegate has the truth.
        if !parsed || delegate.parseError != nil {
            let reason = (delegate.parseError ?? parser.parserError).map(describe) ?? "not well-formed XML"
            let place = delegate.parseErrorPlace ?? TextPosition(line: parser.lineNumber, column: parser.columnNumber)
            throw XLIFFReadError(line: place.line, column: place.column, message: reason)
        }
        guard delegate.sawRoot else {
            throw XLIFFReadError(line: 1, column: 1, message: "not an XLIFF document (no <xliff> element)")
        }
        return XLIFFDocument(files: delegate.files)
    }

    private static func megabytes(_ bytes: Int) -> String {
        String(format: "%.1f", Double(bytes) / 1_048_576)
    }

    private static func describe(_ error: any Error) -> String {
        let text = (error as NSError).localizedDescription
        return "not well-formed XML (\(text))"
    }

    /// The line and column of `<!DOCTYPE` or `<!ENTITY`, if the document has one.
    static func firstDeclaration(in data: Data) -> TextPosition? {
        firstMarker([Array("<!DOCTYPE".utf8), Array("<!ENTITY".utf8)], in: [UInt8](data), from: 0)
    }

    /// The line and column of the first processing instruction after the XML declaration, if any.
    /// XLIFF needs none, and Foundation's parser crashes on one without data (`<?x?>`: libxml2 passes
    /// a null pointer, which Foundation hands to `strlen`).
    static func firstInstruction(in data: Data) -> TextPosition? {
        let bytes = [UInt8](data)
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        if bytes[start...].starts(with: Array("<?xml".utf8)) {
            guard
                let end = (start..<max(start, bytes.count - 1)).first(where: {
                    bytes[$0] == UInt8(ascii: "?") && bytes[$0 + 1] == UInt8(ascii: ">")
                })
            else { return nil }
            start = end + 2
        }
        return firstMarker([Array("<?".utf8)], in: bytes, from: start)
    }

    /// The line and column of the first of `markers` (ASCII, matched without regard to case) at or
    /// after `start`.
    private static func firstMarker(_ markers: [[UInt8]], in bytes: [UInt8], from start: Int) -> TextPosition? {
        var line = 1
        var lineStart = 0
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\n") {
                line += 1
                lineStart = index + 1
            } else if index >= start, bytes[index] == UInt8(ascii: "<"),
                markers.contains(where: { marker in
                    index + marker.count <= bytes.count
                        && zip(marker, bytes[index...]).allSatisfy { $0 == $1 || $0 == $1 & ~0x20 }
                })
            {
                return TextPosition(line: line, column: index - lineStart + 1)
            }
            index += 1
        }
        return nil
    }
}
