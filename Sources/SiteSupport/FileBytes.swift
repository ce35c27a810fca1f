import Glibc

/// Whole files read with plain POSIX calls: `Data(contentsOf:)` goes through
/// `URL`, whose path handling cost more than the read itself when a build
/// reads tens of thousands of pages.
public enum FileBytes {
    /// The whole file at `path`, read straight into one array; nil if it cannot be read.
    public static func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        return read(descriptor: descriptor, count: Int(info.st_size))
    }

    /// Exactly `count` bytes from an open file, nil if it has fewer.
    public static func read(descriptor: Int32, count size: Int) -> [UInt8]? {
        var complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            while count < size {
                let read = Glibc.read(descriptor, buffer.baseAddress! + count, size - count)
                if read < 0, errno == EINTR { continue }
                guard read > 0 else {
                    complete = false
                    break
                }
                count += read
            }
        }
        return complete ? bytes : nil
    }
}
