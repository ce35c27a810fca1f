import ContentLoader
public import Foundation
import SiteModel

extension PageFuzzer {
    /// A fuzzer with the presets and English strings of a real `Content/`
    /// folder (the repository's by default), so that inputs naming a preset
    /// reach the physics and the explainer has its words.
    public static func fromContent(_ contentURL: URL) throws -> PageFuzzer {
        let site = try ContentLoader.load(contentURL: contentURL, displayRoot: "Content", includeDrafts: true)
        let strings = site.locales["en"]?.strings ?? [:]
        return PageFuzzer(presets: site.pulsePresets?.text ?? "", strings: strings)
    }
}
