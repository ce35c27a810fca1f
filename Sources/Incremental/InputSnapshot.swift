import Foundation
import Glibc
import SiteModel
import SiteWriter

/// The files a build reads: every file and folder under `Content/` and `Templates/`.
public enum InputSnapshot {
    /// The kernel stamps files from a clock that ticks every few milliseconds,
    /// so a file changed again within the same tick, at the same size, would
    /// keep its stamp. A stamp this close to the snapshot is not trusted (as
    /// git does with "racy" index entries): it is recorded as unknown, and
    /// the next build looks at the file again.
    static let racyWindow: Int64 = 100_000_000

    /// Every file and folder under `folders` (`Content`, `Templates`), stamped.
    public static func take(_ folders: [String]) -> [PathStamp] {
        trusted(
            folders.flatMap { folder in
                FileStamp.tree(under: folder).map { PathStamp(path: folder + "/" + $0.path, stamp: $0.stamp) }
            })
    }

    /// The stamps, those too close to now marked unknown.
    public static func trusted(_ stamps: [PathStamp]) -> [PathStamp] {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let trusted = Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec) - racyWindow
        return stamps.map { entry in
            var entry = entry
            if max(entry.stamp.modified, entry.stamp.changed) >= trusted { entry.stamp.modified = -1 }
            return entry
        }
    }
}
