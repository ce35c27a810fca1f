import SiteSupport

/// Rules that keep names from content inside the output folder and valid in URLs.
public enum PathSafety {
    /// A URL segment (slug, folder or file name): letters and digits of any
    /// script, `-`, `_` and `.`, not starting with `.`.
    public static func problem(withSegment segment: String) -> String? {
        if segment.isEmpty { return "is empty" }
        if segment == "." || segment == ".." || segment.hasPrefix(".") {
            return "'\(segment)' must not start with '.'"
        }
        if segment.contains(where: { $0 == "/" || $0 == "\\" }) {
            return "'\(segment)' must be one URL segment, without '/' or '\\'"
        }
        for scalar in segment.unicodeScalars where !isAllowed(scalar) {
            return
                "'\(segment)' may only hold letters, digits, '-', '_' and '.' (found "
                + "'\(scalar.escaped(asASCII: true))')"
        }
        return nil
    }

    /// An id: segments separated by `/`, each a valid segment.
    public static func problem(withIdentifier id: String) -> String? {
        if id.isEmpty { return "is empty" }
        if id.hasPrefix("/") || id.hasSuffix("/") { return "'\(id)' must not start or end with '/'" }
        for segment in id.split(separator: "/", omittingEmptySubsequences: false) {
            if let problem = problem(withSegment: String(segment)) { return problem }
        }
        return nil
    }

    /// The URL segment a file or folder name gives: lower case, each run of characters other than
    /// letters, digits, `_` and `.` turned into one `-` (`Back pain` → `back-pain`, `TENS+PNT` →
    /// `tens-pnt`, `Estimulación` → `estimulación`). Empty when the name has nothing to keep.
    public static func slug(fromName name: String) -> String {
        name.utf8.allSatisfy { $0 < 0x80 } ? asciiSlug(fromName: name) : slugByScalars(fromName: name)
    }

    static func slugByScalars(fromName name: String) -> String {
        var slug = ""
        var pendingDash = false
        for scalar in name.lowercased().unicodeScalars {
            if isAllowed(scalar) && scalar != "-" {
                if pendingDash && !slug.isEmpty { slug.append("-") }
                pendingDash = false
                slug.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        while slug.hasPrefix(".") { slug.removeFirst() }
        return slug
    }

    /// `slug(fromName:)` for an ASCII name, on its bytes: the same rules (letters and digits are
    /// ASCII's), without asking each scalar's Unicode properties, for every page of a site.
    static func asciiSlug(fromName name: String) -> String {
        name.withUTF8Bytes { asciiSlug(fromName: $0) }
    }

    /// The slug of the file named at the end of `path` without its `.md`, when that name is ASCII
    /// (nil otherwise: `slug(fromName:)` of the name decides). Read on the path's bytes: cut out as
    /// a `Substring` by `Character`s, the name cost more than its slug, for every node of a site.
    public static func markdownFileSlug(_ path: String) -> String? {
        path.withUTF8Bytes { bytes in
            var start = bytes.count
            while start > 0 && bytes[start - 1] != UInt8(ascii: "/") { start -= 1 }
            let end = bytes.count - 3
            guard end >= start, bytes[start...].allSatisfy({ $0 < 0x80 }),
                bytes[end...].elementsEqual(".md".utf8)
            else { return nil }
            return asciiSlug(fromName: UnsafeBufferPointer(rebasing: bytes[start..<end]))
        }
    }

    /// `asciiSlug(fromName:)` of a name's bytes (ASCII).
    static func asciiSlug(fromName source: UnsafeBufferPointer<UInt8>) -> String {
        // Written into the string's own memory: appended to an array, each byte was checked for
        // uniqueness and capacity (for every node of the site, borrowed copies too).
        String(unsafeUninitializedCapacity: source.count) { slug in
            var count = 0
            var pendingDash = false
            for byte in source {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"),
                    UInt8(ascii: "."), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    // A dash stands for the bytes before it that were dropped: never longer than the name.
                    if pendingDash && count > 0 {
                        slug[count] = UInt8(ascii: "-")
                        count += 1
                    }
                    pendingDash = false
                    slug[count] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
                    count += 1
                default:
                    pendingDash = true
                }
            }
            // Leading dots go, as in `slugByScalars`.
            let start = slug[..<count].firstIndex { $0 != UInt8(ascii: ".") } ?? count
            if start > 0 {
                for index in start..<count { slug[index - start] = slug[index] }
            }
            return count - start
        }
    }

    /// A file or folder name under `Content/`: any UTF-8 name that is safe on disk and gives a URL
    /// segment. Names starting with `.` are hidden files; control characters and `\` are refused.
    public static func problem(withFileName name: String) -> String? {
        isPlainName(name) ? nil : problemByScalars(withFileName: name)
    }

    /// An ASCII name of letters, digits, `-`, `_` and `.`, not starting with `.`, with a letter,
    /// digit or `_` to make a URL segment of: most names, which every rule of
    /// `problemByScalars` accepts. Checked on bytes, because the rules decode every scalar
    /// and make the whole slug, for every file of the site.
    static func isPlainName(_ name: String) -> Bool {
        var hasSlugCharacter = false
        for byte in name.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
                hasSlugCharacter = true
            case UInt8(ascii: "-"), UInt8(ascii: "."): continue
            default: return false
            }
        }
        return hasSlugCharacter && name.utf8.first != UInt8(ascii: ".")
    }

    static func problemByScalars(withFileName name: String) -> String? {
        if name.isEmpty { return "is empty" }
        if name.hasPrefix(".") { return "'\(name)' must not start with '.'" }
        for scalar in name.unicodeScalars where scalar.properties.generalCategory == .control || scalar == "\\" {
            return "'\(name)' holds '\(scalar.escaped(asASCII: true))', which is not safe in a file name"
        }
        if slug(fromName: name).isEmpty {
            return "'\(name)' has no letter or digit to make a URL segment of; rename it"
        }
        return nil
    }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "-" || scalar == "_" || scalar == "." { return true }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil
            || properties.generalCategory == .nonspacingMark
            || properties.generalCategory == .spacingMark
    }
}

/// BCP 47 language tags as folder names: `en`, `es`, `pt-BR`, `zh-Hant-TW`.
public enum LanguageTag {
    public static func isValid(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let language = parts.first, (2...3).contains(language.count),
            language.allSatisfy({ $0.isASCII && $0.isLetter })
        else { return false }
        var rest = parts.dropFirst()
        if let script = rest.first, script.count == 4, script.allSatisfy({ $0.isASCII && $0.isLetter }) {
            rest = rest.dropFirst()
        }
        if let region = rest.first,
            (region.count == 2 && region.allSatisfy({ $0.isASCII && $0.isLetter }))
                || (region.count == 3 && region.allSatisfy({ $0.isASCII && $0.isNumber }))
        {
            rest = rest.dropFirst()
        }
        return rest.allSatisfy { variant in
            variant.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
                && ((5...8).contains(variant.count) || (variant.count == 4 && variant.first!.isNumber))
        }
    }
}
