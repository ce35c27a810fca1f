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
