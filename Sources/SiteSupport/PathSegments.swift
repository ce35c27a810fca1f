/// The `/`-separated segments of a relative path, empty ones left out, as `split(separator: "/")`
/// cuts a string. Cut at the byte `/` (never part of a longer character): cut by `Character`,
/// as before, this was most of the time of the checks and ids made for every page and link.
public enum PathSegments {
    public static func of(_ path: String) -> [Substring] {
        path.utf8.split(separator: UInt8(ascii: "/")).map { Substring($0) }
    }

    /// The last of `of(path)` (a file's name), read from the end without cutting the rest.
    public static func last(of path: String) -> Substring? {
        let bytes = path.utf8
        let slash = UInt8(ascii: "/")
        var end = bytes.endIndex
        while end > bytes.startIndex, bytes[bytes.index(before: end)] == slash { end = bytes.index(before: end) }
        guard end > bytes.startIndex else { return nil }
        var start = end
        while start > bytes.startIndex, bytes[bytes.index(before: start)] != slash {
            start = bytes.index(before: start)
        }
        return Substring(bytes[start..<end])
    }
}
