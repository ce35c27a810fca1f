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
        let known = Set(self.warnings)
        self.warnings = warnings
        return warnings.filter { !known.contains($0) }
    }

    func failed(_ diagnostics: [Diagnostic]) { failure = diagnostics }
}
