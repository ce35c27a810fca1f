extension String {
    /// Calls `body` with the string's UTF-8, read in place when it is stored contiguously (every
    /// native string is). `withUTF8` is mutating: the copy of the string it needs, for a string
    /// that is a parameter, costs a retain and a release on every call, and text is written this
    /// way for every value of every page.
    @inlinable
    public func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return try copy.withUTF8(body)
    }
}

extension Array where Element == UInt8 {
    /// Appends a literal's UTF-8 in one copy. `bytes += "…".utf8` goes through the generic append
    /// of a sequence, about 170 instructions a piece, and a sitemap or a content report appends
    /// hundreds of thousands of pieces.
    @inlinable
    public mutating func append(_ literal: StaticString) {
        literal.withUTF8Buffer { append(contentsOf: $0) }
    }

    /// Appends `text`'s UTF-8 in one copy (see `append(_:)` of a literal).
    @inlinable
    public mutating func append(utf8Of text: String) {
        text.withUTF8Bytes { append(contentsOf: $0) }
    }
}
