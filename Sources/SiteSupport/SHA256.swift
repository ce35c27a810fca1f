import CLibCrypto

/// SHA-256 from the system's OpenSSL (libcrypto), which picks the CPU's
/// SHA extensions where it has them. A value: a copy hashes on from where
/// the original was, as `Fingerprint.finalize()` needs.
struct SHA256 {
    private var context: DigestContext

    init() {
        context = DigestContext()
    }

    mutating func update(bufferPointer bytes: UnsafeRawBufferPointer) {
        guard !bytes.isEmpty else { return }
        if !isKnownUniquelyReferenced(&context) { context = context.copy() }
        context.update(bytes)
    }

    /// The 32-byte digest of everything fed so far; the value can go on.
    func finalize() -> [UInt8] {
        context.copy().finish()
    }

    /// The digest of `bytes` in one call.
    static func hash(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        var sha = SHA256()
        sha.update(bufferPointer: bytes)
        return sha.context.finish()
    }
}

/// An OpenSSL digest context: the one place that owns the C pointer.
private final class DigestContext {
    /// Looked up once: an implicit lookup on every digest costs more than
    /// hashing a short text.
    nonisolated(unsafe) private static let algorithm = EVP_MD_fetch(nil, "SHA256", nil)
    private let pointer: OpaquePointer

    init() {
        guard let algorithm = Self.algorithm, let pointer = EVP_MD_CTX_new(),
            EVP_DigestInit_ex(pointer, algorithm, nil) == 1
        else { fatalError("OpenSSL has no SHA-256: is libcrypto broken?") }
        self.pointer = pointer
    }

    private init(copying other: DigestContext) {
        guard let pointer = EVP_MD_CTX_new(), EVP_MD_CTX_copy_ex(pointer, other.pointer) == 1 else {
            fatalError("OpenSSL could not copy a SHA-256 context (out of memory?)")
        }
        self.pointer = pointer
    }

    deinit { EVP_MD_CTX_free(pointer) }

    func copy() -> DigestContext { DigestContext(copying: self) }

    func update(_ bytes: UnsafeRawBufferPointer) {
        EVP_DigestUpdate(pointer, bytes.baseAddress, bytes.count)
    }

    func finish() -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        EVP_DigestFinal_ex(pointer, &digest, &length)
        return Array(digest.prefix(Int(length)))
    }
}
