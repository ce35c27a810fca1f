public import Foundation
import SiteSupport
import Stemming

/// One locale's search index, in files the search page fetches only as a query needs them
/// (all under `assets/search/<locale>/`, each named by its content's hash):
///
/// - `meta.<hash>.json`: `{"chunks":[[first term, file],…],"pages":N,"tableSize":64,"tables":[file,…]}`;
///   its URL is the search page's `data-search-index`.
/// - `c.<hash>.json`, the term chunks: `{"term":[doc,score,doc,score,…],…}` for a range of terms
///   (sorted by UTF-16 code units, as JavaScript compares), each list by document, the documents
///   as differences from the one before, the scores BM25 × `scoreScale`, rounded.
/// - `t.<hash>.json`, the fragment tables: the fragment hash of each of `tableSize` documents.
/// - `f/<hash>.json`, a document's fragment (see `SearchDocument.fragment`).
///
/// A body edit changes a document's terms: `replace` updates the postings of the terms it had
/// and has, keeping the corpus statistics (average length) of the full build, and makes only
/// the files whose bytes change again.
public struct SearchIndex: Sendable {
    public let locale: String
    static let tableSize = 64
    /// About one term in `chunkSpread` starts a chunk (see `startsChunk`).
    static let chunkSpread: UInt32 = 48
    /// A term in this many documents or more has a chunk of its own.
    static let ownChunk = 128
    static let scoreScale: Float = 20
    /// BM25 normalises a document's length against this many words, not the locale's average:
    /// an edit then changes the postings of its own document alone.
    static let referenceLength: Float = 500
    static let k1: Float = 1.2
    static let b: Float = 0.75

    private(set) var documents: [SearchDocument]
    /// The terms of the index, by number: a term keeps its number for the index's life.
    private(set) var vocabulary: TermVocabulary
    /// Each document's terms, by number.
    private(set) var terms: [TermCounts]
    private var fragmentHashes: [String]
    /// By term number, its documents and their term frequency parts of BM25 (without the IDF),
    /// by document.
    private var postings: [[Posting]] = []
    /// Every term with postings, in `precedes` order of their strings.
    private var sortedTerms: [Int32] = []
    private var chunks: [Chunk] = []
    private var tableNames: [String] = []
    /// Every file of the index, by path.
    public private(set) var files: [String: Data] = [:]
    /// The paths added to `files` and taken out of it since `recordChangedPaths` (nil before:
    /// a clean build does not keep track).
    private(set) var changedPaths: ChangedPaths?
    /// `assets/search/en/meta.3f2a9c1b.json`.
    public private(set) var metaPath = ""

    struct Posting: Sendable {
        var document: Int32
        var weight: Float
    }

    /// A chunk's first term ("" for the first chunk), its number of terms and its file's name.
    private struct Chunk {
        var start: String
        var count: Int
        var name: String
    }

    var folder: String { SearchIndexes.folder + locale + "/" }

    init(
        locale: String, documents: [SearchDocument], vocabulary: TermVocabulary, terms: [TermCounts], fragments: [Data]
    ) {
        self.locale = locale
        self.documents = documents
        self.vocabulary = vocabulary
        self.terms = terms
        fragmentHashes = fragments.map(ContentHash.of)
        for (document, fragment) in fragments.enumerated() {
            files[folder + "f/\(fragmentHashes[document]).json"] = fragment
        }
        postings = Array(repeating: [], count: vocabulary.count)
        for (document, entry) in terms.enumerated() {
            for (term, count) in zip(entry.terms, entry.weights) {
                postings[Int(term)].append(Posting(document: Int32(document), weight: weight(count, entry)))
            }
        }
        let strings = vocabulary.terms
        sortedTerms = postings.indices.filter { !postings[$0].isEmpty }.map { Int32($0) }
            .sorted { Self.precedes(strings[Int($0)], strings[Int($1)]) }
        writeChunks(changed: [])
        tableNames = (0..<(documents.count + Self.tableSize - 1) / Self.tableSize).map { writeTable($0) }
        writeMeta()
    }

    /// BM25's term frequency part: `tf·(k1+1) / (tf + k1·(1 − b + b·length/average))`.
    private func weight(_ count: Float, _ entry: TermCounts) -> Float {
        let norm = Self.k1 * (1 - Self.b + Self.b * Float(entry.length) / Self.referenceLength)
        return count * (Self.k1 + 1) / (count + norm)
    }

    /// JavaScript's order of strings: by UTF-16 code units.
    static func precedes(_ a: String, _ b: String) -> Bool {
        a.utf16.lexicographicallyPrecedes(b.utf16)
    }
}

extension SearchIndex {
    /// Whether `term` starts a chunk, after `previous`: decided by the two terms alone (a hash
    /// of the term, or either being in many documents), so that an edit moves no boundary but
    /// around the terms it changes, and a patched index is the one a clean build makes.
    private func startsChunk(_ term: Int32, after previous: Int32) -> Bool {
        var hash: UInt32 = 2_166_136_261
        for byte in vocabulary[term].utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return hash % Self.chunkSpread == 0 || postings[Int(term)].count >= Self.ownChunk
            || postings[Int(previous)].count >= Self.ownChunk
    }

    /// Splits the sorted terms into chunks and writes those holding a term of `changed` or
    /// not found among the chunks before; returns the paths written.
    @discardableResult
    private mutating func writeChunks(changed: Set<Int32>) -> [String] {
        let before = Dictionary(chunks.map { ($0.start, $0) }, uniquingKeysWith: { a, _ in a })
        var written: [String] = []
        var partition: [Chunk] = []
        var first = 0
        for index in sortedTerms.indices {
            let isLast = index == sortedTerms.count - 1
            guard isLast || startsChunk(sortedTerms[index + 1], after: sortedTerms[index]) else { continue }
            let terms = sortedTerms[first...index]
            let start = first == 0 ? "" : vocabulary[sortedTerms[first]]
            if let old = before[start], old.count == terms.count, !terms.contains(where: changed.contains) {
                partition.append(old)
            } else {
                let name = writeChunk(terms)
                partition.append(Chunk(start: start, count: terms.count, name: name))
                if before[start]?.name != name { written.append(folder + name) }
            }
            first = index + 1
        }
        if partition.isEmpty { partition = [Chunk(start: "", count: 0, name: writeChunk([]))] }
        let kept = Set(partition.map(\.name))
        for old in chunks where !kept.contains(old.name) { drop(folder + old.name) }
        chunks = partition
        return written
    }

    /// Writes one chunk's file; returns its name.
    private mutating func writeChunk(_ terms: ArraySlice<Int32>) -> String {
        var json = JSONWriter(escaping: .minimal)
        json.object { json in
            for term in terms where !postings[Int(term)].isEmpty {
                json.key(vocabulary[term])
                json.rawValue(encoded(postings[Int(term)]))
            }
        }
        let data = Data(json.bytes)
        let name = "c.\(ContentHash.of(data)).json"
        put(folder + name, data)
        return name
    }

    /// A posting's score as written: IDF × weight × `scoreScale`, rounded, at least 1.
    private func score(_ posting: Posting, of frequency: Int) -> Int {
        Self.score(posting.weight, idf: idf(frequency))
    }

    private static func score(_ weight: Float, idf: Float) -> Int {
        max(1, Int((idf * weight * scoreScale).rounded()))
    }

    /// BM25's inverse document frequency of a term in `frequency` of the documents.
    private func idf(_ frequency: Int) -> Float {
        let count = Float(documents.count)
        return Float(log(1 + (count - Float(frequency) + 0.5) / (Float(frequency) + 0.5)))
    }

    /// `[doc,score,doc,score,…]`: documents as differences from the one before.
    private func encoded(_ list: [Posting]) -> [UInt8] {
        let idf = idf(list.count)
        // Written straight into the array's storage, sized for the longest numbers: a
        // difference of `Int32`s (10 digits), a score (19), and two commas a posting.
        return [UInt8](unsafeUninitializedCapacity: list.count * 31 + 2) { buffer, count in
            var writer = ByteWriter(buffer)
            writer.put(UInt8(ascii: "["))
            var previous: Int32 = 0
            for (index, posting) in list.enumerated() {
                if index > 0 { writer.put(UInt8(ascii: ",")) }
                writer.putDecimal(Int(posting.document - previous))
                previous = posting.document
                writer.put(UInt8(ascii: ","))
                writer.putDecimal(Self.score(posting.weight, idf: idf))
            }
            writer.put(UInt8(ascii: "]"))
            count = writer.count
        }
    }

    private mutating func writeTable(_ table: Int) -> String {
        let range = (table * Self.tableSize)..<min(documents.count, (table + 1) * Self.tableSize)
        var json = JSONWriter(escaping: .minimal)
        json.array(Array(fragmentHashes[range]))
        let data = Data(json.bytes)
        let name = "t.\(ContentHash.of(data)).json"
        put(folder + name, data)
        return name
    }

    private mutating func writeMeta() {
        var json = JSONWriter(escaping: .minimal)
        json.object { json in
            json.key("chunks")
            json.list { json in
                for chunk in chunks { json.array([chunk.start, chunk.name]) }
            }
            json.key("pages")
            json.number(documents.count)
            json.key("tableSize")
            json.number(Self.tableSize)
            json.key("tables")
            json.array(tableNames)
        }
        let data = Data(json.bytes)
        if !metaPath.isEmpty { drop(metaPath) }
        metaPath = folder + "meta.\(ContentHash.of(data)).json"
        put(metaPath, data)
    }
}

extension SearchIndex {
    /// Puts `document`'s new version in place of document `index`'s; returns the paths of the
    /// files made again (the fragment, the chunks of the terms it had or has whose bytes change,
    /// its table and the meta file). The files they replace stay out of `files`.
    mutating func replace(_ index: Int, by document: SearchDocument, terms new: TermCounts, fragment: Data)
        -> [String]
    {
        var written: [String] = []
        let hash = ContentHash.of(fragment)
        if hash != fragmentHashes[index] {
            let old = folder + "f/\(fragmentHashes[index]).json"
            if !fragmentHashes.enumerated().contains(where: {
                $0.offset != index && $0.element == fragmentHashes[index]
            }) {
                drop(old)
            }
            fragmentHashes[index] = hash
            put(folder + "f/\(hash).json", fragment)
            written.append(folder + "f/\(hash).json")
        }
        let old = terms[index]
        documents[index] = document
        terms[index] = new
        // The weights of all its terms depend on its length; most round to the same scores.
        let newWeights = Dictionary(uniqueKeysWithValues: zip(new.terms, new.weights))
        var changed = Set<Int32>()
        for term in Set(old.terms).union(new.terms) {
            if update(term, document: index, count: newWeights[term]) { changed.insert(term) }
        }
        written += writeChunks(changed: changed)
        let table = index / Self.tableSize
        let tableName = writeTable(table)
        if tableName != tableNames[table] {
            drop(folder + tableNames[table])
            tableNames[table] = tableName
            written.append(folder + tableName)
        }
        let metaBefore = metaPath
        writeMeta()
        if metaPath != metaBefore { written.append(metaPath) }
        return written
    }

    /// Sets document `index`'s posting of `term` (nil count: removes it); returns whether the
    /// term's postings as written change.
    private mutating func update(_ term: Int32, document index: Int, count: Float?) -> Bool {
        var list = postings[Int(term)]
        let document = Int32(index)
        var low = 0
        var high = list.count
        while low < high {
            let middle = (low + high) / 2
            if list[middle].document < document { low = middle + 1 } else { high = middle }
        }
        let present = low < list.count && list[low].document == document
        // With as many documents as before, only this document's score can change.
        var changes = present != (count != nil)
        if let count {
            let posting = Posting(document: document, weight: weight(count, terms[index]))
            if present {
                changes = score(list[low], of: list.count) != score(posting, of: list.count)
                list[low] = posting
            } else {
                list.insert(posting, at: low)
            }
        } else if present {
            list.remove(at: low)
        }
        let position = insertionPoint(of: vocabulary[term])
        let listed = position < sortedTerms.count && sortedTerms[position] == term
        postings[Int(term)] = list
        if list.isEmpty {
            if listed { sortedTerms.remove(at: position) }
            return true
        }
        if !listed { sortedTerms.insert(term, at: position) }
        return changes
    }

    /// Starts recording the paths edits add and remove, from none: a path one edit removes and a
    /// later one adds again is neither (see `put` and `drop`).
    mutating func recordChangedPaths() {
        changedPaths = ChangedPaths()
    }

    /// Paths added to the index's files and taken out of it since `recordChangedPaths`.
    struct ChangedPaths {
        var added: Set<String> = []
        var removed: Set<String> = []
    }

    private mutating func put(_ path: String, _ data: Data) {
        if files.updateValue(data, forKey: path) == nil, changedPaths?.removed.remove(path) == nil {
            changedPaths?.added.insert(path)
        }
    }

    private mutating func drop(_ path: String) {
        if files.removeValue(forKey: path) != nil, changedPaths?.added.remove(path) == nil {
            changedPaths?.removed.insert(path)
        }
    }

    /// The index of the first of `sortedTerms` not before `term`.
    private func insertionPoint(of term: String) -> Int {
        var low = 0
        var high = sortedTerms.count
        while low < high {
            let middle = (low + high) / 2
            if Self.precedes(vocabulary[sortedTerms[middle]], term) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// `counts`, counted by a `TermCounter` whose vocabulary is `counted`, numbered by this
    /// index's vocabulary (which learns the terms it lacks).
    mutating func adopt(_ counts: TermCounts, countedIn counted: TermVocabulary) -> TermCounts {
        let numbers = counted.terms.map { vocabulary.number(of: $0) }
        if postings.count < vocabulary.count {
            postings += repeatElement([], count: vocabulary.count - postings.count)
        }
        return counts.renumbered(numbers)
    }
}

/// Bytes written into a buffer sized beforehand (writing past its end stops the build).
private struct ByteWriter {
    let buffer: UnsafeMutableBufferPointer<UInt8>
    private(set) var count = 0

    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    @inline(__always)
    mutating func put(_ byte: UInt8) {
        precondition(count < buffer.count, "ByteWriter: the buffer is full")
        buffer[count] = byte
        count += 1
    }

    /// `value`'s decimal digits (it is never negative), without making a string: written last
    /// digit first, then turned around.
    mutating func putDecimal(_ value: Int) {
        precondition(value >= 0, "ByteWriter: \(value) is negative")
        let start = count
        var rest = value
        repeat {
            put(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        var digits = UnsafeMutableBufferPointer(rebasing: buffer[start..<count])
        digits.reverse()
    }
}
