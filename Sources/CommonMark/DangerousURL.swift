/// URLs a page must not send a reader to: scripts (`javascript:`, `vbscript:`), files on the reader's
/// own computer (`file:`) and documents written into the URL itself (`data:`).
public enum DangerousURL {
    /// The schemes spinesite refuses in a link or a picture, lower-cased, with the colon.
    public static let schemes = ["javascript:", "vbscript:", "file:", "data:"]

    /// The refused scheme `url` starts with (`javascript:`), as a browser reads it: browsers drop
    /// leading spaces and control characters and every tab and line break before they read a
    /// scheme. A `data:` picture counts too, although cmark-gfm keeps it: it skips the site's
    /// picture checks and sizes, and the site's Content-Security-Policy blocks it.
    public static func scheme(of url: String) -> String? {
        let lowered = String(schemeScalars(url)).lowercased()
        return schemes.first { lowered.hasPrefix($0) }
    }

    /// The first 16 scalars a browser reads a scheme from: read up to there and no further, as
    /// this runs on every link of every page.
    private static func schemeScalars(_ url: String) -> String.UnicodeScalarView {
        var read = String.UnicodeScalarView()
        var count = 0
        for scalar in url.unicodeScalars.drop(while: { $0.value <= 0x20 }) where !isTabOrLineBreak(scalar) {
            read.append(scalar)
            count += 1
            if count == 16 { break }
        }
        return read
    }

    private static func isTabOrLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\t" || scalar == "\n" || scalar == "\r"
    }
}
