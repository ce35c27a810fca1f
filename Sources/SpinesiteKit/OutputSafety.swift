import Foundation
import SiteModel
import SiteWriter

/// The output folder is replaced whole on every build, so it must never be,
/// contain, or sit inside the project's own folders (`--output .` would
/// otherwise swap the project away).
enum OutputSafety {
    static func check(output: String, protecting folders: [String]) throws(BuildFailure) {
        let outputPath = canonical(output)
        for folder in folders {
            let protected = canonical(folder)
            let clash =
                outputPath == protected || protected.hasPrefix(outputPath + "/")
                || outputPath.hasPrefix(protected + "/") && folder != folders[0]
            if clash || outputPath == "/" {
                throw BuildFailure([
                    .error(
                        SourceLocation(file: output),
                        "refusing to use \(output) as the output folder: it is replaced whole on every build, and "
                            + "it overlaps \(folder)"
                    )
                ])
            }
        }
    }

    static func canonical(_ path: String) -> String { OutputOwnership.canonical(path) }
}

extension BuildOptions {
    /// Whether `path` is `Site/`, the folder a host deploys (symbolic links resolved): the preview
    /// never writes there.
    public func isSiteFolder(_ path: String) -> Bool {
        OutputSafety.canonical(path) == OutputSafety.canonical(siteFolderPath)
    }
}
