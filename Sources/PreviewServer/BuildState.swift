import SiteModel

/// The outcome of the preview's last build: nil while the site is good, or
/// the problems that stopped it; and where the site lives under its host.
actor BuildState {
    private(set) var failure: [Diagnostic]?
    /// The path part of baseURL (`/docs/`): the preview serves the site there, as the host will.
    private(set) var basePath = "/"

    func succeeded(basePath: String) {
        failure = nil
        self.basePath = basePath
    }

    func failed(_ diagnostics: [Diagnostic]) { failure = diagnostics }
}
