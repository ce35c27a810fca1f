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
        let read = url.unicodeScalars.drop { $0.value <= 0x20 }.filter { !["\t", "\n", "\r"].contains($0) }
        let lowered = String(String.UnicodeScalarView(read.prefix(16))).lowercased()
        return schemes.first { lowered.hasPrefix($0) }
    }
}
