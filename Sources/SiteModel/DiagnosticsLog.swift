/// Every diagnostic of one run of the pipeline, as each stage appends its own: unsorted while the
/// stages run, sorted once when the run ends in a failure or in its warnings.
public struct DiagnosticsLog: Sendable {
    private var entries: [Diagnostic] = []
    /// The checks an earlier stage's errors kept from running.
    public private(set) var skipped: [String] = []

    public init() {}

    public var hasErrors: Bool { entries.hasErrors }

    public mutating func append(_ diagnostics: [Diagnostic]) {
        entries += diagnostics
    }

    /// A stage's failure: its diagnostics, and the checks it could not make.
    public mutating func append(_ failure: BuildFailure) {
        entries += failure.diagnostics
        skipped += failure.skipped
    }

    /// The checks left out, and why ("links and templates (the configuration has errors)").
    public mutating func skip(_ checks: String) {
        skipped.append(checks)
    }

    /// Every entry, sorted.
    public var sorted: [Diagnostic] { entries.sorted() }

    /// The run's failure: every entry, sorted.
    public func failure(leftOutputIncomplete: Bool = false) -> BuildFailure {
        BuildFailure(entries, skipped: skipped, leftOutputIncomplete: leftOutputIncomplete)
    }
}
