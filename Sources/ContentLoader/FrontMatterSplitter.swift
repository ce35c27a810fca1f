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
    static func split(_ text: String, file: String) -> Result<SplitDocument, BuildFailure> {
        let start = SourceLocation(file: file, line: 1, column: 1)
        if text.allSatisfy(\.isWhitespace) {
            return .failure(BuildFailure([.error(start, "file is empty: a page starts with front matter between '---' lines")]))
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard let first = lines.popFirst(), isFence(first) else {
            return .failure(BuildFailure([.error(start, "front matter: the file must start with a '---' line")]))
        }
        var yamlLines: [Substring] = []
        while let line = lines.popFirst() {
            if isFence(line) || line.trimmingTrailingWhitespace == "..." {
                return .success(SplitDocument(
                    yaml: yamlLines.joined(separator: "\n"),
                    yamlFirstLine: 2,
                    body: lines.joined(separator: "\n"),
                    bodyFirstLine: yamlLines.count + 3
                ))
            }
            yamlLines.append(line)
        }
        return .failure(BuildFailure([.error(start, "front matter is not closed: add a '---' line after it")]))
    }

    private static func isFence(_ line: Substring) -> Bool {
        line.trimmingTrailingWhitespace == "---"
    }
}

extension Substring {
    var trimmingTrailingWhitespace: Substring {
        var result = self
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }
}
