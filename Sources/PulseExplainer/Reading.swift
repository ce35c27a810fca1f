import PulsePhysics

/// The plain-language reading of a setting: three sentences from the locale's
/// strings, each chosen by where the numbers fall against the reference lines.
enum Reading {
    struct Sentence {
        /// Locale string keys of the variants; a grid table picks one by index.
        var variants: [String]
        /// The grid table choosing the variant (nil: always the first), and the inputs it depends on.
        var selector: String?
        var selectorAxes: [SliderAxis] = []
        /// Placeholder in the locale text → table of the value put there.
        var placeholders: [String: String]
    }

    static let sentences: [Sentence] = [
        Sentence(
            variants: ["pulseReadCharge"], selector: nil,
            placeholders: ["charge": "charge", "area": "electrodeArea", "density": "chargeDensity"]),
        Sentence(
            variants: ["pulseReadShannonBelow", "pulseReadShannonAbove"], selector: "shannonAbove",
            selectorAxes: [.amplitude, .pulseWidth, .electrode], placeholders: ["k": "shannonK"]),
        Sentence(
            variants: ["pulseReadPadBelow", "pulseReadPadAbove", "pulseReadNeedle"], selector: "padAttention",
            selectorAxes: SliderAxis.allCases, placeholders: ["density": "rmsCurrentDensity"]),
    ]

    /// The variant index of `sentence` for a computed setting. Shannon: 0 below
    /// the line, 1 at or above it. Density: 0 pad below 2 mA/cm², 1 above, 2 needle.
    static func variant(of sentence: Sentence, _ metrics: PulseMetrics, electrode: Electrode) -> Int {
        switch sentence.selector {
        case "shannonAbove": return metrics.shannonMargin <= 0 ? 1 : 0
        case "padAttention":
            switch metrics.exceedsPadAttentionLevel(electrode) {
            case false?: return 0
            case true?: return 1
            case nil: return 2
            }
        default: return 0
        }
    }
}
