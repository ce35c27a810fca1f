public import Foundation

/// A locale's search index read back as the search page reads it: the meta file, the chunk of
/// a term, the fragment table and fragment of a document (see `SearchIndex`).
public struct SearchIndexReader {
    let file: (String) -> Data?
    let folder: String
    let meta: [String: Any]

    /// - Parameter file: the bytes of an output path (`assets/search/en/c.….json`), nil if absent.
    public init(metaPath: String, file: @escaping (String) -> Data?) throws {
        self.file = file
        folder = String(metaPath[...metaPath.lastIndex(of: "/")!])
        meta = try Self.object(file(metaPath), metaPath) as? [String: Any] ?? [:]
    }

    private static func object(_ data: Data?, _ path: String) throws -> Any {
        guard let data else { throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: path]) }
        return try JSONSerialization.jsonObject(with: data)
    }

    /// The chunk file holding `term`: the last whose first term is not after it (UTF-16 order).
    public func chunk(of term: String) -> String {
        let chunks = meta["chunks"] as? [[String]] ?? []
        let last = chunks.lastIndex { !term.utf16.lexicographicallyPrecedes($0[0].utf16) } ?? 0
        return chunks[last][1]
    }

    /// The documents holding `term`, with their scores.
    public func postings(_ term: String) throws -> [Int: Int] {
        let chunk = try Self.object(file(folder + chunk(of: term)), term) as? [String: [Int]] ?? [:]
        var found: [Int: Int] = [:]
        var document = 0
        for pair in stride(from: 0, to: chunk[term]?.count ?? 0, by: 2) {
            document += chunk[term]![pair]
            found[document] = chunk[term]![pair + 1]
        }
        return found
    }

    /// Document `document`'s fragment: `u` (URL), `t` (title), `s` (section), `x` (text).
    public func fragment(_ document: Int) throws -> [String: String] {
        let size = meta["tableSize"] as? Int ?? 1
        let tables = meta["tables"] as? [String] ?? []
        let table = try Self.object(file(folder + tables[document / size]), "table") as? [String] ?? []
        let path = folder + "f/" + table[document % size] + ".json"
        return try Self.object(file(path), path) as? [String: String] ?? [:]
    }

    /// The URLs of the documents holding `term`, best first.
    public func urls(_ term: String) throws -> [String] {
        try postings(term).sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { try fragment($0.key)["u"] ?? "" }
    }
}
