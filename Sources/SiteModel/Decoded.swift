/// What a decoder made of its input, with what it found wrong: the value is nil when the input
/// was unusable.
public struct Decoded<Value> {
    public var value: Value?
    public var diagnostics: [Diagnostic]

    public init(_ value: Value?, diagnostics: [Diagnostic] = []) {
        self.value = value
        self.diagnostics = diagnostics
    }

    /// Nothing usable, for these reasons.
    public static func failed(_ diagnostics: [Diagnostic]) -> Self { Self(nil, diagnostics: diagnostics) }
}

extension Decoded: Sendable where Value: Sendable {}
