/// One change the preview's file watcher saw under `Content/` or `Templates/`.
public enum FileChange: Hashable, Sendable, Comparable {
    /// The kernel's event queue overflowed and changes were lost: nobody knows which files
    /// changed, so the next build looks at every file.
    case lostEvents
    /// A file or folder, by its path as the build names it (`Content/en/tens.md`).
    case file(String)
}
