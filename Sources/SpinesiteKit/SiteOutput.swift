import SiteModel
import SiteWriter

/// Where a run of the pipeline writes a whole site: the output folder, through a staging folder or
/// in place, or nowhere (`spinesite check`).
protocol SiteOutput: OutputSink {
    /// Puts every written file in place.
    /// - Parameters:
    ///   - outputPaths: every file of the output, relative to it.
    ///   - outputName: how diagnostics name the output folder.
    /// - Returns: the output files changed, relative to the output folder.
    func putInPlace(outputPaths: [String], outputName: String) throws(BuildFailure) -> [String]
    /// Drops what was written: the output folder stays as it was.
    func discard()
}

extension StagingFolder: SiteOutput {
    /// Swaps the staging folder in: every file changed.
    func putInPlace(outputPaths: [String], outputName: String) throws(BuildFailure) -> [String] {
        try commit()
        return outputPaths.sorted()
    }
}

extension InPlaceFolder: SiteOutput {
    /// A failure here leaves the folder part old, part new.
    func putInPlace(outputPaths: [String], outputName: String) throws(BuildFailure) -> [String] {
        do {
            return try finish()
        } catch {
            throw BuildFailure([.error(SourceLocation(file: outputName), "\(error)")], leftOutputIncomplete: true)
        }
    }
}

/// Renders go nowhere: `spinesite check` wants the stages' findings, not their files.
struct DiscardingSink: SiteOutput {
    func prepare(_ paths: [String]) throws {}
    func write(_ path: String, bytes: UnsafeRawBufferPointer) throws -> Bool { false }
    func putInPlace(outputPaths: [String], outputName: String) throws(BuildFailure) -> [String] { [] }
    func discard() {}
}
