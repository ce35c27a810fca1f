import Foundation
import PageFuzzing

// Two ways to run the same `PageFuzzer` (or, for SVG pictures, `SVGFuzzer`):
//   make fuzz   — built with -sanitize=fuzzer,address -DFUZZING: libFuzzer
//                 drives `LLVMFuzzerTestOneInput`, and a broken rule crashes
//                 so that libFuzzer saves the input; SPINESITE_FUZZ_TARGET=svg
//                 (`make fuzz FUZZ_TARGET=svg`) fuzzes the SVG rewrite instead;
//   replay      — a normal build (`spinesite-fuzz FILE...`) runs saved inputs
//                 once each, as the regression tests do: `.svg` files as pictures.

/// The repository's `Content/`, found from the working directory (make runs at the top).
let fuzzer: PageFuzzer = {
    let content = URL(fileURLWithPath: ProcessInfo.processInfo.environment["SPINESITE_FUZZ_CONTENT"] ?? "Content")
    do {
        return try PageFuzzer.fromContent(content)
    } catch {
        fatalError("spinesite-fuzz: cannot load \(content.path): \(error)")
    }
}()

let fuzzesSVG = ProcessInfo.processInfo.environment["SPINESITE_FUZZ_TARGET"] == "svg"

#if FUZZING
    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
        let data = start.map { Data(bytes: $0, count: count) } ?? Data()
        do {
            if fuzzesSVG {
                try SVGFuzzer().run(data)
            } else {
                try fuzzer.run(data)
            }
        } catch {
            fatalError("spinesite-fuzz: \(error)")
        }
        return 0
    }

    typealias FuzzCallback = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

    // swift-format-ignore: AlwaysUseLowerCamelCase
    // libFuzzer's own name for its driver.
    @_silgen_name("LLVMFuzzerRunDriver")
    func LLVMFuzzerRunDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ callback: FuzzCallback
    ) -> CInt

    /// SwiftPM links an executable's entry point under this name; libFuzzer's
    /// driver takes over from there (its own `main` is then not linked).
    @_cdecl("spinesite_fuzz_main")
    public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
        var argc = argc
        var argv = argv
        if !fuzzesSVG { _ = fuzzer }
        return LLVMFuzzerRunDriver(&argc, &argv) { start, count in fuzzOneInput(start, count) }
    }
#else
    @main
    enum Replay {
        static func main() throws {
            var failures = 0
            for path in CommandLine.arguments.dropFirst() {
                do {
                    let data = try Data(contentsOf: URL(fileURLWithPath: path))
                    if path.hasSuffix(".svg") {
                        try SVGFuzzer().run(data)
                    } else {
                        try fuzzer.run(data)
                    }
                } catch {
                    print("\(path): \(error)")
                    failures += 1
                }
            }
            exit(failures == 0 ? 0 : 1)
        }
    }
#endif
