extension StringProtocol {
    /// Without leading and trailing whitespace and newlines. Native: Foundation's
    /// `trimmingCharacters` goes through NSString on Linux.
    public var trimmed: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let last = lastIndex(where: { !$0.isWhitespace })!
        return String(self[first...last])
    }
}
