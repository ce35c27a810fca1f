import CStemmer
import SiteSupport
import Synchronization

/// A Snowball stemmer of one language (libstemmer, UTF-8): "stimulating" → "stimul".
///
/// A value: copies share one C stemmer, which libstemmer does not let two threads use at
/// once, so each use holds a lock. Parallel work makes one stemmer per task and never waits.
public struct Stemmer: Sendable {
    /// The Snowball algorithm's name (`english`, `spanish`, `arabic`).
    public let algorithm: String
    private let box: Box

    /// The stemmer of `tag`'s language (`es-419` → Spanish), as `SnowballAlgorithm` picks it for
    /// the search page's stemmer too; nil when Snowball has none.
    public init?(language tag: String) {
        guard let algorithm = SnowballAlgorithm.forLanguage(tag), let box = Box(algorithm) else { return nil }
        self.algorithm = algorithm
        self.box = box
    }

    /// `word`'s stem; `word` itself if the stemmer fails (out of memory).
    public func stem(_ word: String) -> String {
        box.stem(word) ?? word
    }

    /// The algorithms libstemmer has (`english`, `spanish`, `arabic`, …).
    public static let algorithms: [String] = {
        var names: [String] = []
        guard var entry = sb_stemmer_list() else { return names }
        while let name = entry.pointee {
            names.append(String(cString: name))
            entry += 1
        }
        return names
    }()

    /// The C stemmer, deleted with the last copy, and the lock every use holds.
    private final class Box: Sendable {
        /// Used only under `lock`.
        private nonisolated(unsafe) let stemmer: OpaquePointer
        private let lock = Mutex(())

        init?(_ algorithm: String) {
            guard let stemmer = sb_stemmer_new(algorithm, "UTF_8") else { return nil }
            self.stemmer = stemmer
        }

        deinit {
            sb_stemmer_delete(stemmer)
        }

        func stem(_ word: String) -> String? {
            var word = word
            return word.withUTF8 { bytes in
                lock.withLock { _ -> String? in
                    guard let base = bytes.baseAddress,
                        let stemmed = sb_stemmer_stem(stemmer, base, Int32(bytes.count))
                    else { return nil }
                    let length = Int(sb_stemmer_length(stemmer))
                    return String(decoding: UnsafeBufferPointer(start: stemmed, count: length), as: UTF8.self)
                }
            }
        }
    }
}
