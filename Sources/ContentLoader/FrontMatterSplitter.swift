import SiteModel

/// Splits `---` front matter from the Markdown body.
struct SplitDocument {
    var yaml: String
    /// File line of the first YAML line (2 when the file starts with `---`).
    var yamlFirstLine: Int
    var body: String
    /// File line of the body's first line.
    var bodyFirstLine: Int
}

enum FrontMatterSplitter {
    /// Scans line starts over UTF-8 bytes: a page body can be megabytes, and
    /// only the lines up to the closing fence matter.
    static func split(_ text: String, file: String) -> Result<SplitDocument, BuildFailure> {
        let start = SourceLocation(file: file, line: 1, column: 1)
        let bytes = text.utf8
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x09 }) {
            return .failure(
                BuildFailure([.error(start, "file is empty: a page starts with front matter between '---' lines")]))
        }
        var lineStart = bytes.startIndex
        var lineNumber = 1
        var yamlStart: String.UTF8View.Index?
        while lineStart < bytes.endIndex {
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.endIndex
            let line = bytes[lineStart..<lineEnd]
            let next = lineEnd < bytes.endIndex ? bytes.index(after: lineEnd) : lineEnd
            if let yamlBegin = yamlStart {
                if isFence(line) || isDocumentEnd(line) {
                    return .success(
                        SplitDocument(
                            yaml: String(text[yamlBegin..<lineStart]),
                            yamlFirstLine: 2,
                            body: String(text[next...]),
                            bodyFirstLine: lineNumber + 1
                        ))
                }
            } else {
                guard isFence(line) else {
                    return .failure(
                        BuildFailure([.error(start, "front matter: the file must start with a '---' line")]))
                }
                yamlStart = next
            }
            lineStart = next
            lineNumber += 1
        }
        return .failure(BuildFailure([.error(start, "front matter is not closed: add a '---' line after it")]))
    }

    private static func isFence(_ line: Substring.UTF8View) -> Bool {
        trimmed(line).elementsEqual("---".utf8)
    }

    private static func isDocumentEnd(_ line: Substring.UTF8View) -> Bool {
        trimmed(line).elementsEqual("...".utf8)
    }

    private static func trimmed(_ line: Substring.UTF8View) -> Substring.UTF8View {
        var line = line
        while let last = line.last, last == 0x20 || last == 0x09 { line = line.dropLast() }
        return line
    }
}
