import SiteSupport

/// Heading anchors, unique within one page.
struct AnchorSet {
    /// Ids the page's templates use, shared by every page (never copied to add a page's own).
    private let reserved: Set<String>
    /// The anchors claimed so far: a page has a few, so they are compared one by one until there
    /// are more than `setThreshold`, then kept in `claimedSet` too. Seeding one set with the
    /// reserved ids copied and rehashed them for every page's first heading; with a dictionary of
    /// suffixes filled for every heading, a claim took 4,000 instructions.
    private var claimed: [String] = []
    private var claimedSet: Set<String> = []
    private static let setThreshold = 16
    /// The next suffix to try per base that was taken, so many equal headings stay linear.
    private var nextSuffix: [String: Int] = [:]

    init(reserved: Set<String>) {
        self.reserved = reserved
    }

    /// `base`, or `base-1`, `base-2`… if taken.
    mutating func claim(_ base: String) -> String {
        guard isTaken(base) else {
            remember(base)
            return base
        }
        var counter = nextSuffix[base, default: 1]
        var candidate: String
        repeat {
            candidate = "\(base)-\(counter)"
            counter += 1
        } while isTaken(candidate)
        nextSuffix[base] = counter
        remember(candidate)
        return candidate
    }

    private func isTaken(_ anchor: String) -> Bool {
        if reserved.contains(anchor) { return true }
        return claimed.count > Self.setThreshold ? claimedSet.contains(anchor) : claimed.contains(anchor)
    }

    private mutating func remember(_ anchor: String) {
        claimed.append(anchor)
        if claimed.count == Self.setThreshold + 1 {
            claimedSet = Set(claimed)
        } else if claimed.count > Self.setThreshold + 1 {
            claimedSet.insert(anchor)
        }
    }

    /// GitHub-style: lowercase, letters and digits of any script kept, spaces
    /// and hyphens become one hyphen, everything else is dropped.
    static func slug(_ text: String) -> String {
        text.utf8.allSatisfy { $0 < 0x80 } ? asciiSlug(text) : slugByScalars(text)
    }

    /// `slug` for ASCII text, on its bytes: the same rules, without asking each scalar's Unicode
    /// properties, for every heading of every page.
    static func asciiSlug(_ text: String) -> String {
        // Written into the string's own memory: appended to an array, each byte was checked for
        // uniqueness and capacity.
        let slug = text.withUTF8Bytes { source in
            String(unsafeUninitializedCapacity: source.count) { result in
                var count = 0
                var pendingHyphen = false
                for byte in source {
                    switch byte {
                    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                        UInt8(ascii: "A")...UInt8(ascii: "Z"):
                        // A hyphen takes the place of the run before it, never more bytes than the text.
                        if pendingHyphen, count > 0 {
                            result[count] = UInt8(ascii: "-")
                            count += 1
                        }
                        pendingHyphen = false
                        result[count] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
                        count += 1
                    case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "_"), 0x09...0x0D:
                        pendingHyphen = true
                    default:
                        break
                    }
                }
                return count
            }
        }
        return slug.isEmpty ? "section" : slug
    }

    static func slugByScalars(_ text: String) -> String {
        var result = ""
        var pendingHyphen = false
        for scalar in text.lowercased().unicodeScalars {
            let properties = scalar.properties
            if properties.isAlphabetic || properties.numericType != nil
                || properties.generalCategory == .nonspacingMark
            {
                if pendingHyphen, !result.isEmpty { result.append("-") }
                pendingHyphen = false
                result.unicodeScalars.append(scalar)
            } else if scalar == " " || scalar == "-" || scalar == "_" || properties.isWhitespace {
                pendingHyphen = true
            }
        }
        return result.isEmpty ? "section" : result
    }
}
