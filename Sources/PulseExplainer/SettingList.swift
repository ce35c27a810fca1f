import PulsePhysics
import SiteModel

/// The inputs of a setting as a description list, illustrative values marked.
enum SettingList {
    static func html(_ described: DescribedSetting, context: ExplainerContext) -> String {
        let setting = described.setting
        let phase = setting.pulse.phase
        var rows: [(name: String, label: String, value: String)] = [
            (
                "waveform", context["pulseWaveform"],
                context["waveform.\(WaveformKind(setting.pulse.waveform).rawValue)"]
            ),
            ("amplitude", context["pulseAmplitude"], context.input(phase.amplitude.value, MilliampereUnit.symbol)),
            ("pulseWidth", context["pulsePulseWidth"], context.input(phase.width.value, MicrosecondUnit.symbol)),
        ]
        if setting.pulse.interphaseGap.value > 0 {
            rows.append(
                ("gap", context["pulseGap"], context.input(setting.pulse.interphaseGap.value, MicrosecondUnit.symbol)))
        }
        let trainName: String = if case .continuous = setting.train { "frequency" } else { "train" }
        rows.append((trainName, context["pulseFrequency"], trainText(setting.train, context: context)))
        rows.append(("electrode", context["pulseElectrode"], context["electrode.\(setting.electrode.rawValue)"]))
        var html = "<dl class=\"pulse-inputs\">\n"
        for row in rows {
            let marked =
                described.illustrative.contains(row.name)
                || (row.name == "frequency" && described.illustrative.contains("train"))
            let note =
                marked ? " <span class=\"pulse-illustrative\">(\(escape(context["pulseIllustrative"])))</span>" : ""
            html += "<div><dt>\(escape(row.label))</dt><dd><bdi>\(escape(row.value))</bdi>\(note)</dd></div>\n"
        }
        return html + "</dl>\n"
    }

    /// "Continuous: 100 Hz", "Bursts of 7 pulses at 100 Hz, 2 bursts a second", …: each count
    /// in its string's form for it (`train.burst` for the pulses, `train.burstsPerSecond` for the bursts).
    static func trainText(_ train: PulseTrain, context: ExplainerContext) -> String {
        let hertz = { (value: Hertz) in context.input(value.value, HertzUnit.symbol) }
        switch train {
        case .continuous(let frequency):
            return Placeholders.fill(context["train.continuous"], ["frequency": hertz(frequency)])
        case .burst(let pulses, let internalFrequency, let burstFrequency):
            let bursts = context.numbers.formatPlain(burstFrequency.value)
            return Placeholders.fill(
                context["train.burst", count: pulses],
                [
                    "pulses": String(pulses), "frequency": hertz(internalFrequency), "bursts": bursts,
                    "burstsPerSecond": Placeholders.fill(
                        context["train.burstsPerSecond", value: burstFrequency.value], ["bursts": bursts]),
                ])
        case .alternating(let dwells):
            var values: [String: String] = [:]
            for (index, dwell) in dwells.enumerated() {
                values["frequency\(index + 1)"] = hertz(dwell.frequency)
                values["seconds\(index + 1)"] = context.input(dwell.duration.value, SecondUnit.symbol)
            }
            return Placeholders.fill(context["train.alternating"], values)
        }
    }
}

/// The sliders (and the electrode menu), hidden until the script shows them.
enum Controls {
    static func html(model: ExplainerModel, initial: [SliderAxis: Int], context: ExplainerContext) -> String {
        var html = "<div class=\"pulse-controls\" data-pulse-controls hidden>\n"
        for axis in model.axes {
            let id = "\(context.idPrefix)-\(axis.rawValue)"
            let index = initial[axis] ?? 0
            html += "<div class=\"pulse-control\"><label for=\"\(id)\">\(escape(context[axis.labelKey]))</label>"
            if axis == .electrode {
                html += "<select id=\"\(id)\" data-axis=\"electrode\">"
                for (option, electrode) in SliderGrid.electrodes.enumerated() {
                    let selected = option == index ? " selected" : ""
                    let name = escape(context["electrode.\(electrode.rawValue)"])
                    html += "<option value=\"\(option)\"\(selected)>\(name)</option>"
                }
                html += "</select></div>\n"
                continue
            }
            let text = context.input(Double(axis.values[index]) ?? 0, axis.unit)
            html +=
                "<input type=\"range\" id=\"\(id)\" min=\"0\" max=\"\(axis.values.count - 1)\" step=\"1\" "
                + "value=\"\(index)\" data-axis=\"\(axis.rawValue)\" aria-valuetext=\"\(escape(text))\">"
            html +=
                "<output for=\"\(id)\" dir=\"ltr\" "
                + "data-axis-output=\"\(axis.rawValue)\">\(escape(text))</output></div>\n"
        }
        return html + "</div>\n"
    }
}
