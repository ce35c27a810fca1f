import PulsePhysics
import SiteModel

/// The HTML of one ```pulse block, in the reader's language. Everything is
/// there without JavaScript; the controls are `hidden` until the script runs.
public enum ExplainerHTML {
    /// One setting with its controls, figures, metrics, reading and sources.
    public static func single(
        _ subject: ExplainerSubject, compare: [PulsePreset], modelIndex: Int, context: ExplainerContext
    ) -> String {
        let setting = subject.described.setting
        let model = ExplainerModel(setting)
        let id = context.idPrefix
        let title =
            subject.presetID == nil ? context["pulseTitle"] : "\(context["pulseTitle"]): \(subject.label(in: context))"
        var html =
            "<div class=\"pulse\" role=\"group\" aria-labelledby=\"\(id)-title\" "
            + "data-pulse-states=\"\(escape(context.statesURL))\" data-pulse-model=\"\(modelIndex)\" "
            + "data-decimal=\"\(escape(context.numbers.decimalSeparator))\">\n"
        html += "<p class=\"pulse-title\" id=\"\(id)-title\">\(escape(title))</p>\n"
        // Only readers with the sliders are told to move them: the hint is hidden until the script shows them.
        html +=
            "<p class=\"pulse-intro\"><span data-pulse-hint hidden>\(escape(context["pulseSliders"])) </span>"
            + "\(escape(context["pulseIntro"]))</p>\n"
        html += SettingList.html(subject.described, context: context)
        html += Controls.html(model: model, initial: model.nearestState(to: setting), context: context)
        html += figures(setting, model: model, context: context)
        html += MetricsTable.html(subject: subject, compare: compare, context: context)
        html += reading(setting, context: context)
        html += sources([subject] + compare.map(ExplainerSubject.init(preset:)), context: context)
        html += "<p class=\"pulse-note\">\(escape(context["pulseNote"]))</p>\n"
        if let url = context.comparisonURL {
            html +=
                "<p class=\"pulse-compare-link\"><a "
                + "href=\"\(escape(url))\">\(escape(context["pulseCompareLink"]))</a></p>\n"
        }
        return html + "</div>\n"
    }

    /// The HTML of a decoded block: `modelIndex` is the single setting's
    /// model in the state grid (ignored for `presets: all`).
    public static func html(
        for request: ExplainerRequest, modelIndex: Int, library: PresetLibrary, context: ExplainerContext
    ) -> String {
        switch request {
        case .single(let subject, let compare):
            return single(subject, compare: compare, modelIndex: modelIndex, context: context)
        case .allPresets:
            return comparison(library, context: context)
        }
    }

    /// Every preset side by side: one table and small-multiple waveforms.
    public static func comparison(_ library: PresetLibrary, context: ExplainerContext) -> String {
        var html = "<div class=\"pulse pulse-comparison\">\n"
        html += ComparisonTable.html(library.presets, context: context)
        html += "<ul class=\"pulse-multiples\">\n"
        for (index, preset) in library.presets.enumerated() {
            let svg = FigureSVG(context: context, id: "\(context.idPrefix)-\(index)")
            let geometry = FigureGeometry(model: preset.setting)
            html += "<li><p class=\"pulse-multiple-title\">\(escape(context["preset.\(preset.id)"]))</p>"
            html += svg.waveform(
                preset.setting, geometry: geometry, description: waveformDescription(preset.setting, context: context),
                template: nil)
            html += svg.train(
                preset.setting, description: SettingList.trainText(preset.setting.train, context: context),
                template: nil)
            html += "</li>\n"
        }
        html += "</ul>\n"
        html += sources(library.presets.map(ExplainerSubject.init(preset:)), context: context)
        return html + "<p class=\"pulse-note\">\(escape(context["pulseNote"]))</p>\n</div>\n"
    }

    // MARK: parts

    private static func figures(_ setting: StimulationSetting, model: ExplainerModel, context: ExplainerContext)
        -> String
    {
        let svg = FigureSVG(context: context, id: context.idPrefix)
        let waveTemplate = Placeholders.fill(context["pulseWaveformDescription"]) { name in
            name == "waveform" ? context["waveform.\(WaveformKind(setting.pulse.waveform).rawValue)"] : nil
        }
        let trainTemplate: String? = model.axes.contains(.frequency) ? context["train.continuous"] : nil
        let sdTemplate = Placeholders.fill(context["pulseSDDescription"]) { name in
            FibreClass(rawValue: name).map { "{sd.\($0.rawValue)}" }
        }
        let width = setting.pulse.phase.width
        let sdValues = Dictionary(
            uniqueKeysWithValues: FibreClass.allCases.map {
                ($0.rawValue, context.numbers.format($0.thresholdMultiple(at: width)))
            }
        )
        .merging(["pulseWidth": context.input(width.value, MicrosecondUnit.symbol)]) { $1 }
        return "<div class=\"pulse-figures\">\n"
            + svg.waveform(
                setting, geometry: FigureGeometry(model: setting),
                description: waveformDescription(setting, context: context), template: waveTemplate) + "\n"
            + svg.train(
                setting, description: SettingList.trainText(setting.train, context: context), template: trainTemplate)
            + "\n"
            + svg.strengthDuration(
                width, description: Placeholders.fill(context["pulseSDDescription"], sdValues), template: sdTemplate)
            + "\n"
            + "</div>\n"
    }

    static func waveformDescription(_ setting: StimulationSetting, context: ExplainerContext) -> String {
        let phase = setting.pulse.phase
        return Placeholders.fill(
            context["pulseWaveformDescription"],
            [
                "waveform": context["waveform.\(WaveformKind(setting.pulse.waveform).rawValue)"],
                "amplitude": context.input(phase.amplitude.value, MilliampereUnit.symbol),
                "pulseWidth": context.input(phase.width.value, MicrosecondUnit.symbol),
            ])
    }

    /// The three sentences; each carries its variants for the script.
    private static func reading(_ setting: StimulationSetting, context: ExplainerContext) -> String {
        guard let metrics = try? setting.metrics(allowOutOfRange: true).get() else { return "" }
        let values = MetricsTable.formattedValues(metrics, setting: setting, context: context)
        var html = "<div class=\"pulse-reading\" aria-live=\"polite\">\n"
        for sentence in Reading.sentences {
            let chosen = Reading.variant(of: sentence, metrics, electrode: setting.electrode)
            let text = Placeholders.fill(
                context[sentence.variants[chosen]], sentence.placeholders.mapValues { values[$0] ?? "" })
            var attributes = sentence.selector.map { " data-selector=\"\($0)\"" } ?? ""
            for (index, key) in sentence.variants.enumerated() {
                let template = Placeholders.fill(context[key]) { name in sentence.placeholders[name].map { "{\($0)}" }
                }
                attributes += " data-template-\(index)=\"\(escape(template))\""
            }
            html += "<p\(attributes)>\(escape(text))</p>\n"
        }
        return html + "</div>\n"
    }

    /// The references of each setting shown, under its label.
    private static func sources(_ shown: [ExplainerSubject], context: ExplainerContext) -> String {
        let listed = shown.filter { !$0.sources.isEmpty }
        guard !listed.isEmpty else { return "" }
        var html = "<details class=\"pulse-sources\"><summary>\(escape(context["pulseSources"]))</summary><dl>\n"
        for subject in listed {
            html +=
                "<dt>\(escape(subject.label(in: context)))</dt>"
                + subject.sources.map { "<dd>\(escape($0))</dd>" }.joined() + "\n"
        }
        return html + "</dl></details>\n"
    }

}
