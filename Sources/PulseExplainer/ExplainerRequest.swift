import PulsePhysics
public import SiteModel
import SiteSupport
import YAMLReading

/// What a ```pulse block asks for.
public enum ExplainerRequest: Sendable, Hashable {
    /// One setting, interactive, optionally next to other presets.
    case single(ExplainerSubject, compare: [PulsePreset])
    /// Every preset side by side (`presets: all`).
    case allPresets

    /// Decodes the text of a ```pulse block whose opening fence is at `fence`.
    public static func decode(_ text: String, fence: SourceLocation, library: PresetLibrary)
        -> Decoded<ExplainerRequest>
    {
        let what = "pulse block"
        var yaml: YAMLMapping
        switch YAMLMapping.parse(text, file: fence.file, lineOffset: fence.line, what: what) {
        case .success(let mapping): yaml = mapping
        case .failure(let failure): return .failed(failure.diagnostics)
        }
        yaml.warnUnknownKeys(SettingDecoder.keys.union(["preset", "presets", "compare", "sources"]), what: what)
        if let all = yaml.string("presets", required: false, what: what) {
            if all.value != "all" { yaml.error(all.location, "\(what): 'presets' can only be 'all'") }
            return Decoded(yaml.diagnostics.hasErrors ? nil : .allPresets, diagnostics: yaml.diagnostics)
        }
        let compare = yaml.strings("compare", what: what).compactMap {
            lookUp($0, in: library, yaml: &yaml, what: what)
        }
        let subject: ExplainerSubject?
        if let name = yaml.string("preset", required: false, what: what) {
            let explicit = yaml.keys.filter { SettingDecoder.keys.contains($0) }
            if let first = explicit.first {
                yaml.error(
                    yaml.location(ofKey: first), "\(what): give either 'preset' or the settings ('\(first)'), not both"
                )
            }
            subject = lookUp(name, in: library, yaml: &yaml, what: what).map(ExplainerSubject.init(preset:))
        } else {
            let described = SettingDecoder.decode(&yaml, what: what)
            let sources = yaml.strings("sources", what: what).map(\.value)
            subject = described.map { ExplainerSubject(presetID: nil, described: $0, sources: sources) }
        }
        guard let subject, !yaml.diagnostics.hasErrors else { return .failed(yaml.diagnostics) }
        return Decoded(.single(subject, compare: compare), diagnostics: yaml.diagnostics)
    }

    private static func lookUp(
        _ name: Located<String>, in library: PresetLibrary, yaml: inout YAMLMapping, what: String
    ) -> PulsePreset? {
        if let preset = library.preset(name.value) { return preset }
        let ids = Set(library.presets.map(\.id))
        let suggestion = Suggestion.closest(to: name.value, in: ids).map { " (did you mean '\($0)'?)" } ?? ""
        yaml.error(name.location, "\(what): no preset '\(name.value)' in pulse-presets.yml\(suggestion)")
        return nil
    }
}

/// The setting an explainer shows: a preset, or settings written in the block.
public struct ExplainerSubject: Sendable, Hashable {
    public var presetID: String?
    public var described: DescribedSetting
    public var sources: [String]

    public init(presetID: String?, described: DescribedSetting, sources: [String]) {
        self.presetID = presetID
        self.described = described
        self.sources = sources
    }
}

extension ExplainerSubject {
    init(preset: PulsePreset) {
        self.init(presetID: preset.id, described: preset.described, sources: preset.sources)
    }

    /// Its name in the reader's language: the preset's, or "Value" for settings written in the block.
    func label(in context: ExplainerContext) -> String {
        presetID.map { context["preset.\($0)"] } ?? context["pulseValue"]
    }
}
