/// "Did you mean …?" for mistyped names.
public enum Suggestion {
    /// The candidate nearest to `name` by edit distance, if it is near enough
    /// to be a plausible typo (at most a third of the name's length).
    public static func closest(to name: String, in candidates: some Sequence<String>) -> String? {
        let limit = max(1, name.count / 3)
        var best: (distance: Int, candidate: String)?
        for candidate in candidates {
            let distance = editDistance(name, candidate)
            guard distance <= limit else { continue }
            if best == nil || (distance, candidate) < (best!.distance, best!.candidate) {
                best = (distance, candidate)
            }
        }
        return best?.candidate
    }

    /// The page id `id` most likely meant: the only id whose last path segment is `id`'s last
    /// segment (`scs` → `therapies/scs`), else the nearest by edit distance.
    public static func closestID(to id: String, in candidates: some Sequence<String>) -> String? {
        let wanted = lastSegment(id)
        let sameEnding = candidates.filter { lastSegment($0) == wanted && $0 != id }
        if sameEnding.count == 1 { return sameEnding[0] }
        return closest(to: id, in: sameEnding.isEmpty ? Array(candidates) : sameEnding)
            ?? (sameEnding.isEmpty ? nil : sameEnding.min())
    }

    private static func lastSegment(_ id: String) -> Substring {
        id.split(separator: "/").last ?? Substring(id)
    }

    /// Edit distance over characters, a swap of two neighbours counting as
    /// one edit (`titel` → `title`), as typos go (optimal string alignment).
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = Array(repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
