import PulsePhysics

/// The plain-language reading of a setting: three sentences from the locale's
/// strings, each chosen by where the numbers fall against the reference lines.
enum Reading {
    struct Sentence {
        /// Locale string keys of the variants; a grid table picks one by index.
        var variants: [String]
        /// The grid table choosing the variant (nil: always the first).
        var selector: String?
        /// Placeholder in the locale text → table of the value put there.
        var placeholders: [String: String]
    }

    static let sentences: [Sentence] = [
        Sentence(variants: ["pulseReadCharge"], selector: nil, placeholders: ["charge": "charge", "area": "electrodeArea", "density": "chargeDensity"]),
        Sentence(variants: ["pulseReadShannonBelow", "pulseReadShannonAbove"], selector: "shannonAbove", placeholders: ["k": "shannonK"]),
        Sentence(variants: ["pulseReadPadBelow", "pulseReadPadAbove", "pulseReadNeedle"], selector: "padAttention", placeholders: ["density": "rmsCurrentDensity"]),
    ]

    /// "0": pad, below the 2 mA/cm² level; "1": pad, above; "2": needle.
    static func densityVariant(_ metrics: PulseMetrics, electrode: Electrode) -> String {
        switch metrics.exceedsPadAttentionLevel(electrode) {
        case false?: return "0"
        case true?: return "1"
        case nil: return "2"
        }
    }

    /// The variant index of `sentence` for a computed setting.
    static func variant(of sentence: Sentence, _ metrics: PulseMetrics, electrode: Electrode) -> Int {
        switch sentence.selector {
        case "shannonAbove": return metrics.shannonMargin <= 0 ? 1 : 0
        case "padAttention": return Int(densityVariant(metrics, electrode: electrode)) ?? 0
        default: return 0
        }
    }
}
