import Foundation
import Glibc

/// Test-only faults at named steps of writing an import into `Content/`, so tests can show what a
/// `kill -9` or an I/O error leaves at each step without racing a real process. Not for users.
///
/// `SPINESITE_FAULT_IMPORT` holds `step:count` pairs, comma-separated. A kill step sends the
/// process SIGKILL (as `kill -9` would) when it is reached for the `count`th time: `staged:2`
/// after two files are staged, `journal:1` once the journal is on disk, `moved:3` after the third
/// file is moved into `Content/`, `undone:1` after the first file of a failed import is put back.
/// A failure step makes that operation fail with EIO instead: `fail-stage:2`, `fail-move:3`.
enum ImportFault {
    private static let faults: [String: Int] = {
        guard let value = ProcessInfo.processInfo.environment["SPINESITE_FAULT_IMPORT"] else { return [:] }
        var faults: [String: Int] = [:]
        for pair in value.split(separator: ",") {
            let parts = pair.split(separator: ":")
            if parts.count == 2, let count = Int(parts[1]) { faults[String(parts[0])] = count }
        }
        return faults
    }()

    /// Kills the process if `SPINESITE_FAULT_IMPORT` names this step and count.
    static func killIfAsked(at step: String, count: Int = 1) {
        guard faults[step] == count else { return }
        kill(getpid(), SIGKILL)
    }

    /// Whether the `count`th operation of `step` should fail.
    static func shouldFail(_ step: String, count: Int) -> Bool {
        faults["fail-" + step] == count
    }
}
