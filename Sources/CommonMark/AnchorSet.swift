/// Heading anchors, unique within one page.
struct AnchorSet {
    private var taken: Set<String>
    /// The next suffix to try per base, so many equal headings stay linear.
    private var nextSuffix: [String: Int] = [:]

    init(reserved: Set<String>) {
        taken = reserved
    }

    /// `base`, or `base-1`, `base-2`… if taken.
    mutating func claim(_ base: String) -> String {
        var candidate = base
        var counter = nextSuffix[base, default: 1]
        while taken.contains(candidate) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        nextSuffix[base] = counter
        taken.insert(candidate)
        return candidate
    }

    /// GitHub-style: lowercase, letters and digits of any script kept, spaces
    /// and hyphens become one hyphen, everything else is dropped.
    static func slug(_ text: String) -> String {
        text.utf8.allSatisfy { $0 < 0x80 } ? asciiSlug(text) : slugByScalars(text)
    }

    /// `slug` for ASCII text, on its bytes: the same rules, without asking each scalar's Unicode
    /// properties, for every heading of every page.
    static func asciiSlug(_ text: String) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        var pendingHyphen = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "A")...UInt8(ascii: "Z"):
                if pendingHyphen, !result.isEmpty { result.append(UInt8(ascii: "-")) }
                pendingHyphen = false
                result.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte)
            case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "_"), 0x09...0x0D:
                pendingHyphen = true
            default:
                break
            }
        }
        return result.isEmpty ? "section" : String(decoding: result, as: UTF8.self)
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
