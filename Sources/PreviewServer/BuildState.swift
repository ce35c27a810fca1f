import SiteModel

/// The outcome of the preview's last build: nil while the site is good, or
/// the problems that stopped it; and where the site lives under its host.
actor BuildState {
    private(set) var failure: [Diagnostic]?
    /// The path part of baseURL (`/docs/`): the preview serves the site there, as the host will.
    private(set) var basePath = "/"

    /// The last good build's warnings.
    private(set) var warnings: [Diagnostic] = []

    /// - Returns: the warnings this build has that the last good one did not, so the terminal shows
    ///   what a save introduced instead of repeating every warning after every save.
    func succeeded(basePath: String, warnings: [Diagnostic]) -> [Diagnostic] {
        failure = nil
        self.basePath = basePath
        let new = Self.added(warnings, since: self.warnings)
        self.warnings = warnings
        return new
    }

    /// The warnings of `new` that `old` does not have. A save changes few of a site's warnings:
    /// the common start and end of the two sorted lists are skipped by comparison (fast: their
    /// strings are shared, not copied), and only what lies between is looked up, where hashing
    /// every warning of a big site took tens of milliseconds a save.
    static func added(_ new: [Diagnostic], since old: [Diagnostic]) -> [Diagnostic] {
        var start = 0
        while start < new.count, start < old.count, new[start] == old[start] { start += 1 }
        var newEnd = new.count
        var oldEnd = old.count
        while newEnd > start, oldEnd > start, new[newEnd - 1] == old[oldEnd - 1] {
            newEnd -= 1
            oldEnd -= 1
        }
        let between = Set(old[start..<oldEnd])
        return new[start..<newEnd].filter { !between.contains($0) && !old.contains($0) }
    }

    func failed(_ diagnostics: [Diagnostic]) { failure = diagnostics }
}
