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
    private(set) var terms: [DocumentTerms]
    private var fragmentHashes: [String]
    /// Term → its documents and their term frequency parts of BM25 (without the IDF), by document.
    private var postings: [String: [Posting]] = [:]
    /// Every term with postings, in `precedes` order.
    private var sortedTerms: [String] = []
    /// Each chunk's first term, its number of terms and its file's name.
    private var chunks: [(start: String, count: Int, name: String)] = []
    private var tableNames: [String] = []
    /// Every file of the index, by path.
    public private(set) var files: [String: Data] = [:]
    /// `assets/search/en/meta.3f2a9c1b.json`.
    public private(set) var metaPath = ""

    struct Posting: Sendable {
        var document: Int32
        var weight: Float
    }

    var folder: String { "assets/search/\(locale)/" }

    init(locale: String, documents: [SearchDocument], terms: [DocumentTerms], fragments: [Data]) {
        self.locale = locale
        self.documents = documents
        self.terms = terms
        fragmentHashes = fragments.map(ContentHash.of)
        for (document, fragment) in fragments.enumerated() {
            files[folder + "f/\(fragmentHashes[document]).json"] = fragment
        }
        for (document, entry) in terms.enumerated() {
            for (term, count) in entry.counts {
                postings[term, default: []].append(Posting(document: Int32(document), weight: weight(count, entry)))
            }
        }
        sortedTerms = postings.keys.sorted(by: Self.precedes)
        writeChunks(changed: [])
        tableNames = (0..<(documents.count + Self.tableSize - 1) / Self.tableSize).map { writeTable($0) }
        writeMeta()
    }

    /// BM25's term frequency part: `tf·(k1+1) / (tf + k1·(1 − b + b·length/average))`.
    private func weight(_ count: Float, _ entry: DocumentTerms) -> Float {
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
    private func startsChunk(_ term: String, after previous: String) -> Bool {
        var hash: UInt32 = 2_166_136_261
        for byte in term.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return hash % Self.chunkSpread == 0 || (postings[term]?.count ?? 0) >= Self.ownChunk
            || (postings[previous]?.count ?? 0) >= Self.ownChunk
    }

    /// Splits the sorted terms into chunks and writes those holding a term of `changed` or
    /// not found among the chunks before; returns the paths written.
    @discardableResult
    private mutating func writeChunks(changed: Set<String>) -> [String] {
        let before = Dictionary(chunks.map { ($0.start, ($0.count, $0.name)) }, uniquingKeysWith: { a, _ in a })
        var written: [String] = []
        var partition: [(start: String, count: Int, name: String)] = []
        var first = 0
        for index in sortedTerms.indices {
            let isLast = index == sortedTerms.count - 1
            guard isLast || startsChunk(sortedTerms[index + 1], after: sortedTerms[index]) else { continue }
            let terms = sortedTerms[first...index]
            let start = first == 0 ? "" : sortedTerms[first]
            if let old = before[start], old.0 == terms.count, !terms.contains(where: changed.contains) {
                partition.append((start, terms.count, old.1))
            } else {
                let name = writeChunk(terms)
                partition.append((start, terms.count, name))
                if before[start]?.1 != name { written.append(folder + name) }
            }
            first = index + 1
        }
        if partition.isEmpty { partition = [("", 0, writeChunk([]))] }
        let kept = Set(partition.map(\.name))
        for old in chunks where !kept.contains(old.name) { files[folder + old.name] = nil }
        chunks = partition
        return written
    }

    /// Writes one chunk's file; returns its name.
    private mutating func writeChunk(_ terms: ArraySlice<String>) -> String {
        var json = JSONWriter(escaping: .minimal)
        json.object { json in
            for term in terms {
                guard let list = postings[term], !list.isEmpty else { continue }
                json.key(term)
                json.rawValue(encoded(list))
            }
        }
        let data = Data(json.bytes)
        let name = "c.\(ContentHash.of(data)).json"
        files[folder + name] = data
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
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        bytes.reserveCapacity(list.count * 6 + 2)
        var previous: Int32 = 0
        for (index, posting) in list.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: String(posting.document - previous).utf8)
            previous = posting.document
            bytes.append(UInt8(ascii: ","))
            bytes.append(contentsOf: String(Self.score(posting.weight, idf: idf)).utf8)
        }
        bytes.append(UInt8(ascii: "]"))
        return bytes
    }

    private mutating func writeTable(_ table: Int) -> String {
        let range = (table * Self.tableSize)..<min(documents.count, (table + 1) * Self.tableSize)
        var json = JSONWriter(escaping: .minimal)
        json.array(Array(fragmentHashes[range]))
        let data = Data(json.bytes)
        let name = "t.\(ContentHash.of(data)).json"
        files[folder + name] = data
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
        if !metaPath.isEmpty { files[metaPath] = nil }
        metaPath = folder + "meta.\(ContentHash.of(data)).json"
        files[metaPath] = data
    }
}

extension SearchIndex {
    /// Puts `document`'s new version in place of document `index`'s; returns the paths of the
    /// files made again (the fragment, the chunks of the terms it had or has whose bytes change,
    /// its table and the meta file). The files they replace stay out of `files`.
    mutating func replace(_ index: Int, by document: SearchDocument, terms new: DocumentTerms, fragment: Data)
        -> [String]
    {
        var written: [String] = []
        let hash = ContentHash.of(fragment)
        if hash != fragmentHashes[index] {
            let old = folder + "f/\(fragmentHashes[index]).json"
            if !fragmentHashes.enumerated().contains(where: {
                $0.offset != index && $0.element == fragmentHashes[index]
            }) {
                files[old] = nil
            }
            fragmentHashes[index] = hash
            files[folder + "f/\(hash).json"] = fragment
            written.append(folder + "f/\(hash).json")
        }
        let old = terms[index]
        documents[index] = document
        terms[index] = new
        // The weights of all its terms depend on its length; most round to the same scores.
        var changed = Set<String>()
        for term in Set(old.counts.keys).union(new.counts.keys) {
            if update(term, document: index, count: new.counts[term]) { changed.insert(term) }
        }
        written += writeChunks(changed: changed)
        let table = index / Self.tableSize
        let tableName = writeTable(table)
        if tableName != tableNames[table] {
            files[folder + tableNames[table]] = nil
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
    private mutating func update(_ term: String, document index: Int, count: Float?) -> Bool {
        var list = postings[term] ?? []
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
        let position = Self.insertionPoint(of: term, in: sortedTerms)
        let listed = position < sortedTerms.count && sortedTerms[position] == term
        if list.isEmpty {
            postings[term] = nil
            if listed { sortedTerms.remove(at: position) }
            return true
        }
        if !listed { sortedTerms.insert(term, at: position) }
        postings[term] = list
        return changes
    }

    /// The index of the first of `sorted` not before `term`.
    static func insertionPoint(of term: String, in sorted: [String]) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if precedes(sorted[middle], term) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
