public import PulsePhysics
public import SiteModel
import YAMLReading

/// A named, cited setting from `Content/pulse-presets.yml`.
public struct PulsePreset: Sendable, Hashable {
    public var id: String
    public var described: DescribedSetting
    /// References checked for the values, as written (PMID and/or DOI).
    public var sources: [String]

    public var setting: StimulationSetting { described.setting }
}

/// Every preset of the site, in file order, and the page that compares them.
public struct PresetLibrary: Sendable {
    public var presets: [PulsePreset]
    /// The id of the page with the `presets: all` block, linked from every explainer.
    public var comparisonPage: Located<String>?

    public static let empty = PresetLibrary(presets: [], comparisonPage: nil)

    public func preset(_ id: String) -> PulsePreset? { presets.first { $0.id == id } }

    /// Decodes `text` (the file `file`); problems are diagnostics at their line. No library when the
    /// text is not YAML at all.
    public static func decode(_ text: String, file: String) -> Decoded<PresetLibrary> {
        let what = "pulse presets"
        var yaml: YAMLMapping
        switch YAMLMapping.parse(text, file: file, lineOffset: 0, what: what) {
        case .success(let mapping): yaml = mapping
        case .failure(let failure): return .failed(failure.diagnostics)
        }
        yaml.warnUnknownKeys(["presets", "comparisonPage"], what: what)
        let comparisonPage = yaml.string("comparisonPage", required: false, what: what)
        var presets: [PulsePreset] = []
        if var mapping = yaml.mapping("presets", what: what) {
            for id in mapping.keys {
                let location = mapping.location(ofKey: id)
                guard let node = mapping.node(id), var entry = YAMLMapping(node: node, file: file, lineOffset: 0)
                else {
                    mapping.error(location, "\(what): '\(id)' must be 'name: value' lines (waveform, amplitude, …)")
                    continue
                }
                if !PresetLibrary.isIdentifier(id) {
                    mapping.error(location, "\(what): preset id '\(id)' may use only a–z, 0–9 and '-'")
                }
                let presetWhat = "preset '\(id)'"
                entry.warnUnknownKeys(SettingDecoder.keys.union(["sources"]), what: presetWhat)
                let described = SettingDecoder.decode(&entry, what: presetWhat)
                let sources = entry.strings("sources", what: presetWhat)
                if sources.isEmpty {
                    entry.error(
                        location, "\(presetWhat): 'sources' is missing: every preset cites where its values come from")
                }
                mapping.absorb(entry)
                if let described {
                    presets.append(PulsePreset(id: id, described: described, sources: sources.map(\.value)))
                }
            }
            yaml.absorb(mapping)
        } else {
            yaml.error(yaml.location, "\(what): 'presets' is missing")
        }
        return Decoded(PresetLibrary(presets: presets, comparisonPage: comparisonPage), diagnostics: yaml.diagnostics)
    }

    static func isIdentifier(_ id: String) -> Bool {
        !id.isEmpty
            && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
