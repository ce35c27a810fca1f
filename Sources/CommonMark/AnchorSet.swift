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
