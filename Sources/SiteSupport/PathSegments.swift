/// The `/`-separated segments of a relative path, empty ones left out, as `split(separator: "/")`
/// cuts a string. Cut at the byte `/` (never part of a longer character): cut by `Character`,
/// as before, this was most of the time of the checks and ids made for every page and link.
public enum PathSegments {
    public static func of(_ path: String) -> [Substring] {
        path.utf8.split(separator: UInt8(ascii: "/")).map { Substring($0) }
    }
}
