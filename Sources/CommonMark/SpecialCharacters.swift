import CCmarkGFM
import Foundation
import Synchronization

/// cmark-gfm's table of the characters that stop a run of text, made constant so that documents
/// can be finished on every thread at once.
///
/// cmark-gfm 0.29 keeps the table in one process-wide array. Around each document's inline parse,
/// `cmark_parser_finish` adds the inline extensions' characters (`~` for strikethrough, `:`, `w`
/// and `@` for autolinks) through the public `cmark_manage_extensions_special_characters`, then
/// removes them: a thread removing them while another parses makes the other miss its
/// strikethrough and autolinks (16–23 % of pages came out wrong, silently). Every parser here
/// attaches the same extensions, so the characters can be added once and left: the library calls
/// the function through its procedure linkage table, and the definition below, in the executable,
/// is the one the dynamic linker binds it to (as a program may replace `malloc`). It does nothing;
/// the real function, found with `dlsym(RTLD_NEXT, …)`, is called once, before any document.
///
/// If the library were ever linked so that it calls its own copy directly (`-Bsymbolic`), the
/// definition below is never called: `isConstant` is then false and documents are finished one
/// at a time under a lock, as before. The lock cost a third of the Markdown stage's parallelism
/// (github/cmark-gfm#176, a table per parser, is not merged).
enum SpecialCharacters {
    /// Whether the definition below has been called: the library's calls are bound to it.
    fileprivate static let callsArrive = Atomic<Bool>(false)
    private static let finishLock = NSLock()
    /// Whether the table stays as `setOnce` left it: found by finishing one document.
    static let isConstant: Bool = setOnce()

    /// Finishes `parser`'s document, under the lock unless the table is constant.
    static func finish(_ parser: OpaquePointer) -> UnsafeMutablePointer<cmark_node>? {
        isConstant ? cmark_parser_finish(parser) : finishLock.withLock { cmark_parser_finish(parser) }
    }

    /// Adds the extensions' characters with the library's own function, then finishes a document
    /// to see whether the library's calls come here.
    private static func setOnce() -> Bool {
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { fatalError("cmark-gfm: out of memory") }
        defer { cmark_parser_free(parser) }
        CoreExtensions.attach(to: parser)
        libraryFunction(parser, 1)
        cmark_parser_feed(parser, "x", 1)
        if let document = finishLock.withLock({ cmark_parser_finish(parser) }) { cmark_node_free(document) }
        return callsArrive.load(ordering: .relaxed)
    }

    /// The library's `cmark_manage_extensions_special_characters`: the next definition after the
    /// executable's.
    private static let libraryFunction: @convention(c) (OpaquePointer?, Int32) -> Void = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: -1), "cmark_manage_extensions_special_characters")
        else { fatalError("cmark-gfm: cmark_manage_extensions_special_characters not found") }
        return unsafeBitCast(symbol, to: (@convention(c) (OpaquePointer?, Int32) -> Void).self)
    }()
}

/// The library's calls to add or remove the extensions' characters: left as `setOnce` set them.
@_cdecl("cmark_manage_extensions_special_characters")
package func keepSpecialCharacters(_ parser: OpaquePointer?, _ add: Int32) {
    // Written once: every document calls this twice, from every thread.
    if !SpecialCharacters.callsArrive.load(ordering: .relaxed) {
        SpecialCharacters.callsArrive.store(true, ordering: .relaxed)
    }
}
