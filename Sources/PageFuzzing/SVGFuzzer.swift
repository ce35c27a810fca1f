public import Foundation
import Pictures

/// What the SVG fuzz target does with one input: the bytes of a picture go through the check and
/// rewrite a build runs on every SVG, and the result is held to what must hold for any input.
public struct SVGFuzzer: Sendable {
    public init() {}

    /// Runs one input. Throws only when a rule that must hold for every input is broken: an SVG that
    /// is not published says why; one that is names nothing outside itself (`SVGOutsideReferences`,
    /// which shares no code with the rewrite), and a clean rewrite is its own rewrite.
    public func run(_ data: Data) throws(PageFuzzer.Violation) {
        let result = SVGCheck.rewrite(data)
        if let problem = result.problems.first(where: { $0.line < 1 || $0.column < 1 || $0.message.isEmpty }) {
            throw PageFuzzer.Violation(description: "a problem with no place or no words: \(problem)")
        }
        guard let rewritten = result.rewritten else {
            if result.problems.isEmpty {
                throw PageFuzzer.Violation(description: "the picture was dropped without a problem")
            }
            return
        }
        if let broken = SVGOutsideReferences.problems(in: rewritten).first {
            throw PageFuzzer.Violation(
                description: "the rewrite \(broken): \(String(decoding: rewritten.prefix(400), as: UTF8.self))")
        }
        guard result.problems.isEmpty else { return }
        let again = SVGCheck.rewrite(rewritten)
        if again.rewritten != rewritten || !again.problems.isEmpty {
            throw PageFuzzer.Violation(
                description: "rewriting the rewrite changes it: \(again.problems.map(\.message)), "
                    + String(decoding: rewritten.prefix(400), as: UTF8.self))
        }
    }
}
